// Batch throughput against the fake cloud with a fixed latency and a gateway rate limit, the client's rate
// set just under it: total time vs the theoretical minimum ceil(N/100)/rate; memory per ID. Then the calls spent
// isolating bad desktops (0.1%, 1%, 5% of 10,000) against the information limit, and against a dead endpoint.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { seededRandom, startFakeCloud } from '@wks-logoff/testkit';
import { BATCH_DEFAULTS, createLogoffClient, logoffMany, tokenAuth } from '../dist/index.js';

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

/** The fewest calls any strategy needs on average: max(⌈n/100⌉, ⌈log2 C(n, d)⌉). */
function callLimit(n, d) {
  let log2 = 0;
  for (let i = 0; i < d; i++) {
    log2 += Math.log2((n - i) / (i + 1));
  }
  return Math.max(Math.ceil(n / 100), Math.ceil(log2 - 1e-9));
}

/** `d` of `all`, at seeded random places. */
function pick(all, d, seed) {
  const random = seededRandom(seed);
  const chosen = new Set();
  while (chosen.size < d) {
    chosen.add(all[Math.floor(random() * all.length)]);
  }
  return [...chosen];
}

const atDefaultRate = (calls) => {
  const seconds = calls / BATCH_DEFAULTS.ratePerSecond;
  return seconds >= 60
    ? `${Math.floor(seconds / 60)} min ${Math.round(seconds % 60)} s`
    : `${Math.round(seconds)} s`;
};

/**
 * Calls spent on 10,000 IDs with bad desktops at random places (half unknown, half busy), errors naming nothing
 * (as the real cloud's), four calls in flight, unpaced: each row against the information limit and its target, with
 * the time those calls take at the default rate. Then a dead endpoint.
 */
export async function benchIsolation() {
  const n = 10_000;
  const all = ids(n);
  console.log(
    `\nIsolating bad desktops: ${n} IDs, bad ones at random places (half 404, half 409), errors that name nothing, 4 in flight`,
  );
  console.log('  bad          calls   limit   ratio   target   at 1.5 calls/s   settled');
  const rows = [
    [0.001, 180],
    [0.01, 1000],
    [0.05, 3600],
  ];
  for (const [share, target] of rows) {
    const d = Math.round(n * share);
    const bad = pick(all, d, 20261130 + d);
    const cloud = await startFakeCloud({
      nameDesktops: false,
      unknownDesktops: bad.filter((_, i) => i % 2 === 0),
      busyDesktops: bad.filter((_, i) => i % 2 === 1),
      projects: { 'cn-north-4': PROJECT },
    });
    const client = createLogoffClient({
      endpoint: cloud.url,
      projectId: PROJECT,
      auth: tokenAuth(cloud.issueToken(PROJECT)),
    });
    const report = await logoffMany(client, all, { ratePerSecond: 10_000 });
    await cloud.close();
    const calls = report.requests.total;
    const limit = callLimit(n, d);
    const right =
      report.totals.failed === d &&
      report.failed.every((entry) => bad.includes(entry.id) && entry.isolated) &&
      report.totals.succeeded === n - d;
    console.log(
      `  ${`${d} (${share * 100}%)`.padEnd(11)} ${String(calls).padStart(6)}  ${String(limit).padStart(6)}   ${(calls / limit).toFixed(2)}×   ≤ ${String(target).padEnd(5)}  ${atDefaultRate(calls).padStart(14)}   ${right ? 'every ID right' : 'WRONG'}${calls > target ? '  (over target)' : ''}`,
    );
  }
  const cloud = await startFakeCloud({ projects: { 'cn-north-4': PROJECT } });
  const token = cloud.issueToken(PROJECT);
  const url = cloud.url;
  await cloud.close();
  const dead = createLogoffClient({ endpoint: url, projectId: PROJECT, auth: tokenAuth(token) });
  const report = await logoffMany(dead, all, { ratePerSecond: 10_000 });
  const attempts = report.requests.total;
  console.log(
    `  cloud unreachable: ${attempts} attempts in ${report.calls.length} calls (target ≤ 20), then stopped (${report.stopped?.reason});` +
      ` ${report.totals.failed} failed, ${report.totals.skipped} skipped, all resumable; ${atDefaultRate(attempts)} at 1.5 calls/s` +
      ` (without the breaker: ${Math.ceil(n / 100) * 3} attempts, ${atDefaultRate(Math.ceil(n / 100) * 3)})`,
  );
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
  console.log(`  peak RSS ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MiB`);
  await benchIsolation();
  const m = await million();
  console.log(
    `  1,000,000 IDs, unpaced, concurrency 16: ${m.seconds.toFixed(1)} s, ${m.requests} requests, ${m.totals.succeeded} logged off` +
      ` (the cloud saw ${m.loggedOff}), report ${(m.reportBytes / 2 ** 20).toFixed(0)} MiB of JSON;` +
      ` peak RSS of the batch process ${(m.peakKiB / 1024).toFixed(0)} MiB (${Math.round((m.peakKiB * 1024) / m.n)} B/ID, the ID list included)`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  // --isolation: only the isolation rows.
  await (process.argv.includes('--isolation') ? benchIsolation() : benchBatch());
}
