// A real run of 1,000,000 IDs through logoffMany against a fake cloud (started by batch.mjs in another process,
// so that this process's peak RSS is the batch's own). Prints one JSON line: time, requests, totals, peak RSS.
import { readFileSync } from 'node:fs';
import { createLogoffClient, logoffMany, reportJson, tokenAuth } from '../dist/index.js';

const N = 1_000_000;
const ids = Array.from({ length: N }, (_, i) => `2a010270-a011-415e-b1cd-${String(i).padStart(12, '0')}`);
const client = createLogoffClient({
  endpoint: process.env.CLOUD_URL,
  projectId: process.env.PROJECT,
  auth: tokenAuth(process.env.TOKEN),
});
const started = performance.now();
const report = await logoffMany(client, ids, { ratePerSecond: 100_000, concurrency: 16 });
const seconds = (performance.now() - started) / 1000;
// Writing it as the CLI does (in pieces) is part of the work a real run does.
let bytes = 0;
for (const piece of reportJson(report)) {
  bytes += Buffer.byteLength(piece);
}
const peakKiB = Number(/VmHWM:\s+(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1] ?? 0);
console.log(
  JSON.stringify({
    n: N,
    seconds,
    requests: report.requests.total,
    totals: report.totals,
    reportBytes: bytes,
    peakKiB,
  }),
);
