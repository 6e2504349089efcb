// `wks-logoff-proxy keygen --keys-file`: the key's entry written into the keys file the proxy reads, as operators
// run it (the bundled bin).
import { lstat, mkdtemp, readdir, readFile, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Callers, hashKey, type KeysFile, keysFileProblems } from '../../src/index.js';
import { start } from '../support/run-bin.js';

const PROJECT = '2b31ed520a1b4d3cb2c3d4e5f6a7b8c9';
const EXISTING: KeysFile = {
  keys: [
    { id: 'team-a', sha256: hashKey('wksp_existing-key-a-do-not-leak'), projects: [PROJECT], rate: 5 },
    { id: 'ops', sha256: hashKey('wksp_existing-key-ops-do-not-leak'), projects: ['*'] },
  ],
  issuers: [{ issuer: 'https://sso.example.com', audience: 'wks-logoff-proxy' }],
  callers: [{ id: 'sre', issuer: 'https://sso.example.com', claims: { groups: 'sre' }, projects: ['*'] }],
};

async function keygen(args: string[]) {
  const running = start({}, ['keygen', ...args]);
  const code = await running.exit;
  return { code, stdout: running.stdout(), stderr: running.stderr() };
}

const scratch = () => mkdtemp(join(tmpdir(), 'wks-proxy-keygen-'));
const keyOf = (stdout: string) => /^key:\s+(\S+)$/m.exec(stdout)?.[1] ?? '';

describe('keygen --keys-file', () => {
  it('creates the file (mode 0600) with the entry, and says how to reload the proxy', async () => {
    const file = join(await scratch(), 'keys.json');
    const { code, stdout, stderr } = await keygen([
      '--id',
      'team-b',
      '--projects',
      PROJECT,
      '--keys-file',
      file,
    ]);
    expect(code).toBe(0);
    const written = JSON.parse(await readFile(file, 'utf8')) as KeysFile;
    expect(keysFileProblems(written)).toEqual([]);
    expect(written).toEqual({
      keys: [{ id: 'team-b', sha256: hashKey(keyOf(stdout)), projects: [PROJECT] }],
    });
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    // The proxy reading that file knows the printed key.
    const store = new Callers(file);
    await store.load();
    expect(store.authenticate(keyOf(stdout))?.id).toBe('team-b');
    expect(stderr).toContain(`Added "team-b" to ${file}`);
    expect(stderr).toContain('kill -HUP');
    expect(stderr).toContain('kubectl rollout restart deployment/wks-logoff-proxy');
  });

  it('adds the entry to an existing file, keeping every other entry as it was and printing none of them', async () => {
    const file = join(await scratch(), 'keys.json');
    await writeFile(file, JSON.stringify(EXISTING), { mode: 0o644 });
    const { code, stdout, stderr } = await keygen([
      '--id',
      'team-b',
      '--projects',
      PROJECT,
      '--rate',
      '0.5',
      '--keys-file',
      file,
    ]);
    expect(code).toBe(0);
    const written = JSON.parse(await readFile(file, 'utf8')) as KeysFile;
    expect(written).toEqual({
      ...EXISTING,
      keys: [
        ...EXISTING.keys,
        { id: 'team-b', sha256: hashKey(keyOf(stdout)), projects: [PROJECT], rate: 0.5 },
      ],
    });
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    for (const entry of EXISTING.keys) {
      expect(stdout + stderr).not.toContain(entry.sha256);
    }
    // Written beside the file and renamed over it: nothing else is left in the folder.
    expect(await readdir(join(file, '..'))).toEqual(['keys.json']);
  });

  it("writes the caller's --weight into its entry, a share of the upstream budget the proxy reads", async () => {
    const file = join(await scratch(), 'keys.json');
    const { code, stdout } = await keygen([
      '--id',
      'team-b',
      '--projects',
      PROJECT,
      '--weight',
      '2.5',
      '--keys-file',
      file,
    ]);
    expect(code).toBe(0);
    const written = JSON.parse(await readFile(file, 'utf8')) as KeysFile;
    expect(written).toEqual({
      keys: [{ id: 'team-b', sha256: hashKey(keyOf(stdout)), projects: [PROJECT], weight: 2.5 }],
    });
    const store = new Callers(file);
    await store.load();
    expect(store.authenticate(keyOf(stdout))?.weight).toBe(2.5);
    // Without --keys-file, the printed entry carries it too.
    const printed = await keygen(['--id', 'team-c', '--projects', '*', '--weight', '3']);
    expect(printed.code).toBe(0);
    expect(JSON.parse(/^entry: (.*)$/m.exec(printed.stdout)?.[1] ?? '{}')).toMatchObject({ weight: 3 });
  });

  it('refuses a --weight the keys file would refuse (exit 2), naming the flag, and writes nothing', async () => {
    const dir = await scratch();
    const file = join(dir, 'keys.json');
    for (const weight of ['0', '-1', 'two', '1001']) {
      const { code, stdout, stderr } = await keygen([
        '--id',
        'team-b',
        '--projects',
        '*',
        '--weight',
        weight,
        '--keys-file',
        file,
      ]);
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toBe('wks-logoff-proxy: --weight must be a number above 0 and at most 1000\n');
    }
    expect(await readdir(dir)).toEqual([]);
  });

  it('writes through a symbolic link to the file it names', async () => {
    const dir = await scratch();
    const target = join(dir, 'real-keys.json');
    await writeFile(target, JSON.stringify(EXISTING));
    const link = join(dir, 'keys.json');
    await symlink(target, link);
    expect((await keygen(['--id', 'team-b', '--projects', '*', '--keys-file', link])).code).toBe(0);
    expect((await lstat(link)).isSymbolicLink()).toBe(true);
    expect((JSON.parse(await readFile(target, 'utf8')) as KeysFile).keys.map((k) => k.id)).toEqual([
      'team-a',
      'ops',
      'team-b',
    ]);
  });

  it('refuses an id the file already has (exit 2), and leaves the file untouched', async () => {
    const file = join(await scratch(), 'keys.json');
    const before = JSON.stringify(EXISTING);
    await writeFile(file, before);
    for (const id of ['ops', 'sre']) {
      const { code, stdout, stderr } = await keygen(['--id', id, '--projects', '*', '--keys-file', file]);
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toMatch(
        new RegExp(
          `^wks-logoff-proxy: --id "${id}" is already the id of (keys|callers)\\[\\d\\] in ${file}\\n$`,
        ),
      );
    }
    expect(await readFile(file, 'utf8')).toBe(before);
  });

  it('refuses a file that is not a valid keys file (exit 1), naming its problems but never quoting them', async () => {
    const dir = await scratch();
    const pasted = join(dir, 'pasted.json');
    const pastedText = JSON.stringify({
      keys: [{ id: 'x', sha256: 'wksp_pasted-raw-key-do-not-leak', projects: ['*'] }],
    });
    await writeFile(pasted, pastedText);
    const broken = join(dir, 'broken.json');
    const brokenText = '{"keys": [{"id": "x", "sha256": wksp_unquoted-raw-key-do-not-leak}]}';
    await writeFile(broken, brokenText);
    const a = await keygen(['--id', 'new', '--projects', '*', '--keys-file', pasted]);
    expect(a.code).toBe(1);
    expect(a.stderr).toBe(
      `wks-logoff-proxy: keys file ${pasted}: keys[0].sha256 must be 64 lowercase hex characters\n`,
    );
    const b = await keygen(['--id', 'new', '--projects', '*', '--keys-file', broken]);
    expect(b.code).toBe(1);
    expect(b.stderr).toBe(
      `wks-logoff-proxy: keys file ${broken}: not valid JSON at line 1, column 33 (invalid symbol)\n`,
    );
    for (const run of [a, b]) {
      expect(run.stdout).toBe('');
      expect(run.stderr).not.toContain('do-not-leak');
    }
    expect(await readFile(pasted, 'utf8')).toBe(pastedText);
    expect(await readFile(broken, 'utf8')).toBe(brokenText);
  });

  it('refuses a keys file that is not valid UTF-8 (exit 1), and leaves it untouched: rewriting it would corrupt it', async () => {
    const file = join(await scratch(), 'keys.json');
    // A token caller's subject saved in Latin-1 ("jörg"): decoded, it would be written back as U+FFFD.
    const bytes = Buffer.concat([
      Buffer.from(
        '{"keys": [], "issuers": [{"issuer": "https://sso.example.com", "audience": "a"}], "callers": [{"id": "j", "issuer": "https://sso.example.com", "subject": "j',
      ),
      Buffer.from([0xf6]),
      Buffer.from('rg", "projects": ["*"]}]}'),
    ]);
    await writeFile(file, bytes);
    const run = await keygen(['--id', 'new', '--projects', '*', '--keys-file', file]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`wks-logoff-proxy: keys file ${file}: not valid UTF-8 (save it as UTF-8)\n`);
    expect(run.stdout).toBe('');
    expect(await readFile(file)).toEqual(bytes);
  });

  it('names a file it cannot write (exit 1), and prints no key', async () => {
    const file = join(await scratch(), 'missing-folder', 'keys.json');
    const { code, stdout, stderr } = await keygen(['--id', 'team-b', '--projects', '*', '--keys-file', file]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe(`wks-logoff-proxy: keys file ${file}: cannot write it (ENOENT)\n`);
  });
});

describe('keygen without --keys-file', () => {
  it('names each bad value by the flag that gave it (exit 2), and prints no key', async () => {
    const { code, stdout, stderr } = await keygen(['--id', 'bad id!', '--projects', '*', '--rate', '-1']);
    expect(code).toBe(2);
    expect(stderr).toBe(
      "wks-logoff-proxy: --id must be 1–64 letters, digits, '.', '_' or '-'\n" +
        'wks-logoff-proxy: --rate must be a positive number\n',
    );
    expect(stdout).toBe('');
  });
});
