// The README's "Locally against a mock" block, run as written by bash in an empty folder: only its two ports are
// changed (to free ones), and `npm install` / `npx` are stand-ins that give it the packages as built here (the
// bundled bin, the spec, the test kit's Prism) instead of fetching them.
import { spawn } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '@wks-logoff/testkit';
import { expect, it } from 'vitest';

const readme = await readFile(new URL('../../README.md', import.meta.url), 'utf8');
const proxyDir = fileURLToPath(new URL('../..', import.meta.url));
const specDir = fileURLToPath(new URL('../../../../spec', import.meta.url));
const testkit = createRequire(fileURLToPath(import.meta.resolve('@wks-logoff/testkit')));
const prismBin = join(dirname(testkit.resolve('@stoplight/prism-cli/package.json')), 'dist', 'index.js');

/** The first sh block after the "Locally against a mock" paragraph. */
function mockBlock(): string {
  const from = readme.indexOf('**Locally against a mock**');
  const block = /```sh\n([\s\S]*?)```/.exec(readme.slice(from));
  if (from < 0 || !block?.[1]) {
    throw new Error('the README has no sh block under "Locally against a mock"');
  }
  return block[1];
}

/** `npm install` links the packages it names (the ones the walk needs, nothing else); `npx` runs their bins. */
async function standIns(dir: string): Promise<string> {
  const bin = join(dir, 'stand-ins');
  await mkdir(bin);
  // What the README installs: the name it gives, where the package is linked, what stands in for it.
  const packages = [
    ['@wks-logoff/proxy', 'node_modules/@wks-logoff/proxy', proxyDir],
    ['@wks-logoff/spec', 'node_modules/@wks-logoff/spec', specDir],
    ['@stoplight/prism-cli@5.16.0', 'node_modules/@stoplight/prism-cli', dirname(dirname(prismBin))],
  ];
  await writeFile(
    join(bin, 'npm'),
    `#!/usr/bin/env bash
set -euo pipefail
[ "$1" = install ] || { echo "npm stand-in: only install" >&2; exit 1; }
shift
for name in "$@"; do
  case "$name" in
${packages.map(([name, link, path]) => `    '${name}') mkdir -p "$(dirname '${link}')" && ln -s '${path}' '${link}' ;;`).join('\n')}
    *) echo "npm stand-in: no package $name here" >&2; exit 1 ;;
  esac
done
`,
  );
  await writeFile(
    join(bin, 'npx'),
    `#!/usr/bin/env bash
case "$1" in
  prism) shift; exec '${process.execPath}' '${prismBin}' "$@" ;;
  wks-logoff-proxy) shift; exec '${process.execPath}' node_modules/@wks-logoff/proxy/dist/proxy.mjs "$@" ;;
  *) echo "npx stand-in: no bin $1 here" >&2; exit 1 ;;
esac
`,
  );
  await chmod(join(bin, 'npm'), 0o755);
  await chmod(join(bin, 'npx'), 0o755);
  return bin;
}

it('the "Locally against a mock" steps work as written: the logoff is answered 200 through the proxy', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'wks-proxy-mock-walk-'));
  const [mockPort, proxyPort] = [await freePort(), await freePort()];
  const walk = mockBlock().replaceAll('4010', String(mockPort)).replaceAll('8080', String(proxyPort));
  const bin = await standIns(dir);
  const bash = spawn('bash', ['-c', `set -euo pipefail\n${walk}`], {
    cwd: dir,
    // The proxy's own port is its default in the README; here the free one, from the environment.
    env: { PATH: `${bin}:${process.env.PATH ?? ''}`, HOME: dir, WKS_PROXY_PORT: String(proxyPort) },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let out = '';
  bash.stdout.on('data', (chunk) => {
    out += chunk;
  });
  bash.stderr.on('data', (chunk) => {
    out += chunk;
  });
  try {
    const code = await new Promise<number | null>((resolve) => bash.on('exit', resolve));
    expect(out).toMatch(/^HTTP\/1\.1 200 OK/m);
    expect(out).toMatch(/^x-request-id: \S+/im);
    expect(code).toBe(0);
    const audit = await readFile(join(dir, 'proxy.log'), 'utf8');
    expect(audit).toContain('"callerId":"me"');
    expect(audit).toContain('"outcome":"accepted"');
  } finally {
    // Whatever the block left running if it stopped early (it stops both itself when it gets that far).
    try {
      process.kill(-(bash.pid ?? 0), 'SIGKILL');
    } catch {
      // Nothing left in its process group: the block stopped what it started.
    }
  }
});
