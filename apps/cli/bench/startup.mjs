// Cold start of the bundled CLI vs bare `node -e 0`, measured side by side (interleaved, medians), plus a
// one-desktop logoff against a local fast server, and the bundle size. Goal: --help within 1.25× of node -e 0.
// CLI=path/to/other/cli.mjs measures another build (e.g. to compare a change against main's).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const cli = process.env.CLI ?? fileURLToPath(new URL('../dist/cli.mjs', import.meta.url));
const RUNS = Number(process.env.BENCH_RUNS ?? 25);

const server = createServer((request, response) => {
  request.resume();
  request.on('end', () => {
    response.writeHead(200, { 'x-request-id': 'fd6530a01c09807640189e65e837b8ad', 'content-length': '0' });
    response.end();
  });
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const endpoint = `http://127.0.0.1:${server.address().port}`;

// The server must answer while spawnSync blocks this process, so it runs in a child of its own.
server.close();
const { spawn } = await import('node:child_process');
const upstream = spawn(
  process.execPath,
  [
    '-e',
    `require('node:http').createServer((q,r)=>{q.resume();q.on('end',()=>{r.writeHead(200,{'x-request-id':'x','content-length':'0'});r.end()})}).listen(${new URL(endpoint).port},'127.0.0.1',()=>console.log('up'))`,
  ],
  { stdio: ['ignore', 'pipe', 'inherit'] },
);
await new Promise((resolve) => upstream.stdout.once('data', resolve));

// The floor of any ESM entry point: Node's ESM loader on an empty module.
const scratch = mkdtempSync(join(tmpdir(), 'wks-bench-'));
const emptyModule = join(scratch, 'empty.mjs');
writeFileSync(emptyModule, '');

// The floor of a commander CLI: a one-option program printing its help, bundled the way the CLI is.
const commanderFloor = join(scratch, 'commander-help.mjs');
await build({
  stdin: {
    contents:
      "import { Command } from 'commander'; new Command('floor').option('--x').parse(['--help'], { from: 'user' });",
    resolveDir: fileURLToPath(new URL('..', import.meta.url)),
  },
  bundle: true,
  platform: 'node',
  format: 'esm',
  minify: true,
  outfile: commanderFloor,
  logLevel: 'warning',
  banner: { js: "import { createRequire as r } from 'node:module'; const require = r(import.meta.url);" },
  alias: {
    'node:child_process': fileURLToPath(new URL('../scripts/shims/lazy-child-process.mjs', import.meta.url)),
  },
});

const cases = {
  'node -e 0': [process.execPath, ['-e', '0'], {}],
  'node empty.mjs (ESM floor)': [process.execPath, [emptyModule], {}],
  // What the lazy child_process shim saves: the CLI never spawns, but commander loads it.
  "node -e require('node:child_process')": [process.execPath, ['-e', "require('node:child_process')"], {}],
  'commander alone, --help': [process.execPath, [commanderFloor], {}],
  'wks-logoff --help': [process.execPath, [cli, '--help'], {}],
  'wks-logoff logoff (1 desktop)': [
    process.execPath,
    [cli, 'logoff', '--quiet', '--project-id', '2b31ed520a1b4d3cb2c3d4e5f6a7b8c9', 'd-1'],
    { WKS_ENDPOINT: endpoint, WKS_AUTH_TOKEN: 'bench-token' },
  ],
};
const samples = Object.fromEntries(Object.keys(cases).map((name) => [name, []]));
for (let run = 0; run < RUNS; run++) {
  for (const [name, [command, args, env]] of Object.entries(cases)) {
    const start = performance.now();
    const result = spawnSync(command, args, {
      env: { PATH: process.env.PATH, HOME: '/nonexistent', ...env },
      stdio: 'ignore',
    });
    if (result.status !== 0) {
      throw new Error(`${name} exited ${result.status}`);
    }
    samples[name].push(performance.now() - start);
  }
}
upstream.kill();
const median = (values) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
const base = median(samples['node -e 0']);
console.log(
  `\nCLI cold start (median of ${RUNS} interleaved runs); bundle ${(statSync(cli).size / 1024).toFixed(0)} KiB`,
);
for (const [name, values] of Object.entries(samples)) {
  const ms = median(values);
  console.log(`  ${name.padEnd(40)} ${ms.toFixed(1).padStart(6)} ms   ${(ms / base).toFixed(2)}× node -e 0`);
}
const help = median(samples['wks-logoff --help']) / base;
const floor = median(samples['commander alone, --help']) / base;
console.log(
  `  goal: --help within 1.25× of node -e 0: ${help.toFixed(2)}×; its floor, a one-option commander program bundled` +
    ` the same way: ${floor.toFixed(2)}×${floor > 1.25 ? ' (the goal is below this floor)' : ''}`,
);
