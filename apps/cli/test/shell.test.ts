// What users expect of a command line: completion scripts made from the commands' own definitions, the real
// version, help that names what it reads, one-line parser errors, -q as documented, numbers checked.
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FakeCloud } from '@wks-logoff/testkit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { akskEnv, startCloud } from './support/cloud.js';
import { runCli } from './support/run-cli.js';

let cloud: FakeCloud;
beforeEach(async () => {
  cloud = await startCloud();
});
afterEach(async () => {
  await cloud.close();
});

/** Every long option `wks-logoff logoff --help` lists. */
async function logoffOptions(): Promise<string[]> {
  const help = await runCli(['logoff', '--help']);
  return [...help.stdout.matchAll(/^\s+(?:-\w, )?(--[a-z-]+)/gm)].map((match) => match[1] as string);
}

describe('wks-logoff completion', () => {
  it('bash: completes commands, every flag of logoff, and region names after --region, in a real bash', async () => {
    const script = join(await mkdtemp(join(tmpdir(), 'wks-completion-')), 'wks-logoff.bash');
    const run = await runCli(['completion', 'bash']);
    expect(run.code).toBe(0);
    await writeFile(script, run.stdout);
    const complete = (...words: string[]) =>
      execFileSync(
        'bash',
        [
          '-c',
          `source "$0"; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _wks_logoff; printf '%s\\n' "\${COMPREPLY[@]}"`,
          script,
          'wks-logoff',
          ...words,
        ],
        { encoding: 'utf8' },
      )
        .split('\n')
        .filter(Boolean);
    expect(complete('')).toEqual(expect.arrayContaining(['logoff', 'regions', 'completion']));
    expect(complete('logoff', '--')).toEqual(expect.arrayContaining(await logoffOptions()));
    expect(complete('logoff', '--region', 'cn-north-')).toEqual(
      expect.arrayContaining(['cn-north-4', 'cn-north-9']),
    );
    expect(complete('completion', '')).toEqual(expect.arrayContaining(['bash', 'zsh', 'fish']));
  });

  it.each([
    ['zsh', '#compdef wks-logoff'],
    ['fish', 'complete -c wks-logoff'],
  ])('%s: a script naming every flag of logoff', async (shell, marker) => {
    const run = await runCli(['completion', shell]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(marker);
    for (const option of await logoffOptions()) {
      expect(run.stdout).toContain(shell === 'fish' ? `-l ${option.slice(2)}` : option);
    }
  });

  it('an unknown shell is a usage error', async () => {
    const run = await runCli(['completion', 'tcsh']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      "wks-logoff: command-argument value 'tcsh' is invalid for argument 'shell'. Allowed choices are bash, zsh, fish. (run with --help for usage)\n",
    );
  });
});

describe('help and version', () => {
  it('--version prints the version of the package', async () => {
    const { version } = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8'));
    expect((await runCli(['--version'])).stdout).toBe(`${version}\n`);
  });

  it('--proxy-url’s help names every credential it may use', async () => {
    const help = (await runCli(['logoff', '--help'])).stdout.replace(/\s+/g, ' ');
    expect(help).toMatch(/--proxy-url <url> .*WKS_PROXY_TOKEN .*WKS_PROXY_TOKEN_FILE.* WKS_PROXY_KEY/);
  });
});

describe('the argument parser’s errors take one line', () => {
  it.each([
    [['logoff', '--rat', '5', 'd-1'], "unknown option '--rat' (Did you mean --rate?)"],
    [['logof'], "unknown command 'logof' (Did you mean logoff?)"],
    [['logoff', '--rate'], "option '--rate <n>' argument missing"],
    [
      ['logoff', '--rate', '', 'd-1'],
      "option '--rate <n>' argument '' is invalid. expected a number, got \"\"",
    ],
    [
      ['logoff', '--confirm-above', '-1', 'd-1'],
      "option '--confirm-above <n>' argument '-1' is invalid. expected a whole number, 0 or more, got \"-1\"",
    ],
  ])('%j', async (args, message) => {
    const run = await runCli(args, { env: akskEnv(cloud) });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`wks-logoff: ${message} (run with --help for usage)\n`);
    expect(cloud.log).toHaveLength(0);
  });
});

describe('-q, as the README says: no progress bar, the summary only when something failed or was skipped', () => {
  it('prints nothing when every desktop was logged off, the summary when one failed', async () => {
    const ok = await runCli(['logoff', '-q', '--yes', 'd-1'], { env: akskEnv(cloud) });
    expect(ok).toMatchObject({ code: 0, stdout: '', stderr: '' });
    cloud.setDesktops('busy', ['d-3']);
    const failed = await runCli(['logoff', '-q', '--yes', 'd-2', 'd-3'], { env: akskEnv(cloud) });
    expect(failed.code).toBe(1);
    expect(failed.stdout).toContain('✘ 1 of 2 desktops logged off');
    expect(failed.stdout).toContain('failed   1 desktop: 409 WKS.0407 The desktop is busy. (d-3)');
  });
});
