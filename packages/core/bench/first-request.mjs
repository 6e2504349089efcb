// The first request of a one-shot process (what a CLI run pays): `node -e 0`, then one POST with the global
// fetch, then one with node:http, each a fresh process against the same local server, interleaved, medians.
// Why core's node:http transport exists: fetch's first call loads and compiles undici inside Node.
import { spawn, spawnSync } from 'node:child_process';

const RUNS = Number(process.env.BENCH_RUNS ?? 15);

export async function benchFirstRequest() {
  // The server must answer while spawnSync blocks this process, so it runs in a child of its own.
  const upstream = spawn(
    process.execPath,
    [
      '-e',
      `require('node:http').createServer((q,r)=>{q.resume();q.on('end',()=>{r.writeHead(200,{'content-length':'0'});r.end()})}).listen(0,'127.0.0.1',function(){console.log(this.address().port)})`,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const port = await new Promise((resolve) =>
    upstream.stdout.once('data', (data) => resolve(String(data).trim())),
  );
  const url = `http://127.0.0.1:${port}/v2/p/desktops/logoff`;
  const body = JSON.stringify({ desktop_ids: ['d-1'] });
  const cases = {
    'node -e 0': '0',
    'one fetch': `fetch(${JSON.stringify(url)},{method:'POST',body:${JSON.stringify(body)}}).then(r=>r.arrayBuffer())`,
    'one node:http request': `const q=require('node:http').request(${JSON.stringify(url)},{method:'POST'},r=>r.resume());q.end(${JSON.stringify(body)})`,
  };
  const samples = Object.fromEntries(Object.keys(cases).map((name) => [name, []]));
  for (let run = 0; run < RUNS; run++) {
    for (const [name, script] of Object.entries(cases)) {
      const start = performance.now();
      const result = spawnSync(process.execPath, ['-e', script], { stdio: 'ignore' });
      if (result.status !== 0) {
        throw new Error(`${name} exited ${result.status}`);
      }
      samples[name].push(performance.now() - start);
    }
  }
  upstream.kill();
  const median = (values) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const base = median(samples['node -e 0']);
  console.log(`\nFirst request of a fresh process (median of ${RUNS} interleaved runs)`);
  for (const [name, values] of Object.entries(samples)) {
    const ms = median(values);
    console.log(
      `  ${name.padEnd(34)} ${ms.toFixed(1).padStart(7)} ms   ${(ms / base).toFixed(2)}× node -e 0`,
    );
  }
  const http = median(samples['one node:http request']) - base;
  const viaFetch = median(samples['one fetch']) - base;
  console.log(`  → above node -e 0: fetch ${viaFetch.toFixed(0)} ms, node:http ${http.toFixed(0)} ms`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await benchFirstRequest();
}
