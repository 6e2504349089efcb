// Batch throughput against the fake cloud with a fixed latency and a gateway rate limit, the client's rate
// set just under it: total time vs the theoretical minimum ceil(N/100)/rate; extra calls spent isolating 1%
// bad IDs; memory per ID for 100,000 IDs.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startFakeCloud } from '@wks-logoff/testkit';
import { createLogoffClient, logoffMany, tokenAuth } from '../dist/index.js';

const PROJECT = '2b31ed520a1b4d3cb2c3d4e5f6a7b8c9';
const CLOUD_RATE = 200;
const CLIENT_RATE = 190;
const LATENCY_MS = 20;
const ids = (n) =>
  Array.from({ length: n }, (_, i) => `2a010270-a011-415e-b1cd-${String(i).padStart(12, '0')}`);

async function run(n, badShare = 0) {
  const all = ids(n);
  const bad = all.filter((_, i) => badShare > 0 && i % Math.round(1 / badShare) === 7);
  const cloud = await startFakeCloud({
    latencyMs: LATENCY_MS,
    ratePerSecond: CLOUD_RATE,
    unknownDesktops: bad,
    projects: { 'cn-north-4': PROJECT },
  });
  const client = createLogoffClient({
    endpoint: cloud.url,
    projectId: PROJECT,
    auth: tokenAuth(cloud.issueToken(PROJECT)),
  });
  const start = performance.now();
  let report = await logoffMany(client, all, { ratePerSecond: CLIENT_RATE, concurrency: 8 });
  const seconds = (performance.now() - start) / 1000;
  await cloud.close();
  // What the report itself retains: the heap with it, then without it (the fake cloud's records, in this same
  // process, would otherwise count too).
  const { requests, totals } = report;
  globalThis.gc?.();
  const heapWith = process.memoryUsage().heapUsed;
  report = undefined;
  globalThis.gc?.();
  const heapWithout = process.memoryUsage().heapUsed;
  const minimum = Math.ceil(n / 100) / CLIENT_RATE;
  return {
    n,
    bad: bad.length,
    seconds,
    minimum,
    report: { requests, totals },
    bytesPerId: (heapWith - heapWithout) / n,
  };
}

/** 1,000,000 IDs through logoffMany in a child process (its peak RSS is the batch's own) against a fake cloud here. */
async function million() {
  const cloud = await startFakeCloud({ projects: { 'cn-north-4': PROJECT } });
  const child = spawn(process.execPath, [fileURLToPath(new URL('./million.mjs', import.meta.url))], {
    env: { ...process.env, CLOUD_URL: cloud.url, PROJECT, TOKEN: cloud.issueToken(PROJECT) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.on('data', (chunk) => {
    out += chunk;
  });
  await new Promise((resolve) => child.on('close', resolve));
  const loggedOff = cloud.loggedOff.size;
  await cloud.close();
  return { ...JSON.parse(out), loggedOff };
}

export async function benchBatch() {
  console.log(
    `\nBatch logoff: fake cloud ${LATENCY_MS} ms/request, throttles above ${CLOUD_RATE}/s; client rate ${CLIENT_RATE}/s, concurrency 8`,
  );
  for (const n of [10_000, 100_000]) {
    const r = await run(n);
    console.log(
      `  ${String(n).padStart(7)} IDs: ${r.seconds.toFixed(2)} s vs minimum ${r.minimum.toFixed(2)} s → ${(r.seconds / r.minimum).toFixed(3)}×` +
        `  (${r.report.requests.total} requests, ${r.report.totals.succeeded} logged off, ${r.report.requests.retries} retries)` +
        `  heap held by the report ≈ ${Math.round(r.bytesPerId)} B/ID`,
    );
  }
  const r = await run(10_000, 0.01);
  const base = Math.ceil(10_000 / 100);
  console.log(
    `   10000 IDs with 1% unknown (${r.bad}): ${r.report.requests.isolation} isolation calls` +
      ` (${(r.report.requests.isolation / r.bad).toFixed(1)} per bad ID, +${((r.report.requests.isolation / base) * 100).toFixed(0)}% over ${base} chunk calls);` +
      ` ${r.report.totals.failed} failed, ${r.report.totals.succeeded} logged off, ${r.seconds.toFixed(2)} s`,
  );
  console.log(`  peak RSS ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MiB`);
  const m = await million();
  console.log(
    `  1,000,000 IDs, unpaced, concurrency 16: ${m.seconds.toFixed(1)} s, ${m.requests} requests, ${m.totals.succeeded} logged off` +
      ` (the cloud saw ${m.loggedOff}), report ${(m.reportBytes / 2 ** 20).toFixed(0)} MiB of JSON;` +
      ` peak RSS of the batch process ${(m.peakKiB / 1024).toFixed(0)} MiB (${Math.round((m.peakKiB * 1024) / m.n)} B/ID, the ID list included)`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await benchBatch();
}
