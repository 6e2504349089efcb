// The pack smoke test: what npm users get, installed the way they install it. Packs every published package
// (pnpm pack: workspace and catalog versions replaced), installs the tarballs with npm into an empty folder
// (offline: core's one dependency and its own, and undici, are packed from node_modules too), then
//   1. compiles consumer.ts (core) and proxy-consumer.ts (the proxy as a library) against the installed packages in
//      a strict project (skipLibCheck false) under moduleResolution nodenext and bundler, and runs both against the
//      fake cloud;
//   2. runs the installed `wks-logoff --help` and a one-desktop logoff;
//   3. starts the installed `wks-logoff-proxy` and sends it one logoff.
// Prints one line per step; exits 1 at the first failure. Run by `pnpm test` (turbo task pack-smoke).
import { execFile, spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { freePort, startFakeCloud } from '../../packages/testkit/dist/index.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const PUBLISHED = ['spec', 'packages/core', 'apps/cli', 'apps/proxy'];
const PROJECT = '2b31ed520a1b4d3cb2c3d4e5f6a7b8c9';
const AK = 'SMOKEAK0000000000001';
const SK = 'smoke-secret-do-not-leak';
const work = mkdtempSync(join(tmpdir(), 'wks-pack-smoke-'));
const tarballs = join(work, 'tarballs');
const app = join(work, 'app');
mkdirSync(tarballs);
mkdirSync(app);

const step = (what) => console.log(`pack-smoke: ${what}`);
// Asynchronous, so the fake cloud in this process keeps answering while a child runs.
const run = async (command, args, options = {}) =>
  (await promisify(execFile)(command, args, { encoding: 'utf8', ...options })).stdout;

// The runtime dependency closure of core and the proxy's library, packed from the workspace's own install (no
// registry needed): openapi-fetch and its helpers, and undici (a dependency of the proxy, core's optional peer).
const coreRequire = createRequire(join(root, 'packages/core/package.json'));
const fetchDir = dirname(coreRequire.resolve('openapi-fetch/package.json'));
const helpersDir = dirname(
  createRequire(join(fetchDir, 'package.json')).resolve('openapi-typescript-helpers/package.json'),
);
const undiciDir = dirname(coreRequire.resolve('undici/package.json'));

const cloud = await startFakeCloud({ keys: { [AK]: SK } });
let proxy;
try {
  for (const dir of PUBLISHED) {
    await run('pnpm', ['pack', '--pack-destination', tarballs], { cwd: join(root, dir) });
  }
  for (const dir of [fetchDir, helpersDir, undiciDir]) {
    await run('npm', ['pack', '--ignore-scripts', '--pack-destination', tarballs, dir], { cwd: work });
  }
  const packed = readdirSync(tarballs).map((file) => join(tarballs, file));
  step(`packed ${packed.length} tarballs: ${readdirSync(tarballs).join(', ')}`);

  writeFileSync(
    join(app, 'package.json'),
    JSON.stringify({ name: 'smoke-app', private: true, type: 'module' }),
  );
  await run('npm', ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', ...packed], {
    cwd: app,
  });
  step('installed them with npm into an empty folder (offline)');

  // 1. TypeScript users, both resolutions; the nodenext build is the one run.
  const consumers = ['consumer.ts', 'proxy-consumer.ts'];
  for (const file of consumers) {
    cpSync(join(root, '.ci/pack-smoke', file), join(app, file));
  }
  const tsc = createRequire(join(root, 'package.json')).resolve('typescript/bin/tsc');
  const typeRoots = [join(root, 'node_modules/@types'), join(root, 'packages/core/node_modules/@types')];
  const common = { target: 'es2022', strict: true, skipLibCheck: false, typeRoots, types: ['node'] };
  const configs = {
    nodenext: { ...common, module: 'nodenext', moduleResolution: 'nodenext', outDir: 'out' },
    bundler: { ...common, module: 'esnext', moduleResolution: 'bundler', noEmit: true },
  };
  for (const [name, compilerOptions] of Object.entries(configs)) {
    writeFileSync(join(app, `tsconfig.${name}.json`), JSON.stringify({ compilerOptions, files: consumers }));
    await run(process.execPath, [tsc, '-p', `tsconfig.${name}.json`], { cwd: app });
    step(`${consumers.join(' and ')} compile against the installed packages (moduleResolution ${name})`);
  }
  const consumer = await run(process.execPath, ['out/consumer.js'], {
    cwd: app,
    env: { PATH: process.env.PATH, WKS_ENDPOINT: cloud.url, AK, SK, PROJECT },
  });
  step(`the compiled consumer logged off 3 desktops through the fake cloud: ${consumer.trim()}`);
  const embedded = await run(process.execPath, ['out/proxy-consumer.js'], {
    cwd: app,
    env: {
      PATH: process.env.PATH,
      WKS_ENDPOINT: cloud.url,
      AK,
      SK,
      PROJECT,
      KEYS_FILE: join(work, 'embedded.json'),
    },
  });
  if (cloud.loggedOff.get('embedded-desktop-1') !== 1) {
    throw new Error(`the embedded proxy answered but the desktop was not logged off: ${embedded}`);
  }
  step(`the compiled library user embedded the proxy and logged off 1 desktop: ${embedded.trim()}`);

  // 2. The installed CLI.
  const bin = (name) => join(app, 'node_modules/.bin', name);
  const help = await run(bin('wks-logoff'), ['--help']);
  if (!help.includes('Usage: wks-logoff')) {
    throw new Error(`wks-logoff --help printed no usage:\n${help}`);
  }
  await run(bin('wks-logoff'), ['logoff', '--yes', '--quiet', 'cli-desktop-1'], {
    env: {
      PATH: process.env.PATH,
      HOME: work,
      WKS_ENDPOINT: cloud.url,
      HUAWEICLOUD_SDK_AK: AK,
      HUAWEICLOUD_SDK_SK: SK,
      HUAWEICLOUD_SDK_PROJECT_ID: PROJECT,
    },
  });
  if (cloud.loggedOff.get('cli-desktop-1') !== 1) {
    throw new Error('the installed wks-logoff exited 0 but the desktop was not logged off');
  }
  step('the installed wks-logoff prints its help and logs off one desktop');

  // 3. The installed proxy: a caller key and the keys file from its own keygen, one logoff through it.
  const keysFile = join(work, 'keys.json');
  const keygen = await run(bin('wks-logoff-proxy'), [
    'keygen',
    '--id',
    'smoke',
    '--projects',
    PROJECT,
    '--keys-file',
    keysFile,
  ]);
  const key = /^key:\s+(\S+)/m.exec(keygen)?.[1];
  if (!key) {
    throw new Error(`wks-logoff-proxy keygen printed no key:\n${keygen}`);
  }
  const port = await freePort();
  proxy = spawn(bin('wks-logoff-proxy'), ['serve'], {
    env: {
      PATH: process.env.PATH,
      WKS_PROXY_PORT: String(port),
      WKS_PROXY_KEYS_FILE: keysFile,
      WKS_ENDPOINT: cloud.url,
      HUAWEICLOUD_SDK_AK: AK,
      HUAWEICLOUD_SDK_SK: SK,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise((resolve, reject) => {
    let seen = '';
    proxy.stdout.on('data', (chunk) => {
      seen += chunk;
      if (seen.includes('wks-logoff-proxy ready')) {
        resolve();
      }
    });
    proxy.on('exit', (code) =>
      reject(new Error(`wks-logoff-proxy exited (${code}) before it was ready:\n${seen}`)),
    );
  });
  const response = await fetch(`http://127.0.0.1:${port}/v2/${PROJECT}/desktops/logoff`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify({ desktop_ids: ['proxy-desktop-1'] }),
  });
  if (response.status !== 200 || cloud.loggedOff.get('proxy-desktop-1') !== 1) {
    throw new Error(`the installed proxy answered ${response.status}: ${await response.text()}`);
  }
  step('the installed wks-logoff-proxy started and forwarded one logoff (200)');
} catch (error) {
  const output = [error.stdout, error.stderr].filter(Boolean).join('\n');
  console.error(`pack-smoke: FAILED: ${error.message}${output ? `\n${output}` : ''}`);
  process.exitCode = 1;
} finally {
  proxy?.kill('SIGTERM');
  await cloud.close();
  rmSync(work, { recursive: true, force: true });
}
