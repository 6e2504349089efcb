// CPU per admission of the upstream budget in memory, the embedded default, side by side with a floor in the same
// run: a no-op `async` admit that answers at once. Measured with an empty queue (every request goes at once: the
// hot path) and with a caller rate on top. The engine is bundled from src/ with esbuild (it is not part of the
// library entry yet). Goal: a few microseconds of CPU per request at most.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const N = Number(process.env.BENCH_ADMISSIONS ?? 1_000_000);
const ROUNDS = 5;
const here = fileURLToPath(new URL('.', import.meta.url));
const dir = await mkdtemp(join(tmpdir(), 'wks-budget-bench-'));
const outfile = join(dir, 'budget.mjs');
await build({
  entryPoints: [join(here, '..', 'src', 'budget', 'upstream-budget.ts')],
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  outfile,
  banner: {
    js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
  },
  logLevel: 'warning',
});
const { UpstreamBudget } = await import(pathToFileURL(outfile).href);
await rm(dir, { recursive: true, force: true });

/** CPU microseconds per call of `admit`, the best of a few rounds (each awaits every answer). */
async function cpuPerCall(admit) {
  let best = Number.POSITIVE_INFINITY;
  for (let round = 0; round < ROUNDS; round++) {
    const started = process.cpuUsage();
    for (let i = 0; i < N; i++) {
      await admit();
    }
    const used = process.cpuUsage(started);
    best = Math.min(best, (used.user + used.system) / N);
  }
  return best;
}

// A budget no request ever waits for: what is measured is admission itself.
const budget = new UpstreamBudget({ rate: 1e12, burst: 1e6, queueWaitMs: 10_000 });
const caller = { id: 'bench' };
const rated = { id: 'bench-rated', rate: 1e12 };
const floorAnswer = { ok: true, waitedMs: 0 };
const floor = async () => floorAnswer;

const floorUs = await cpuPerCall(() => floor());
const emptyUs = await cpuPerCall(() => budget.admit(caller));
const ratedUs = await cpuPerCall(() => budget.admit(rated));
const line = (name, us) =>
  `  ${name.padEnd(38)} ${us.toFixed(3)} µs CPU per request (${(us / floorUs).toFixed(2)}× the floor)`;
console.log(
  `Upstream budget in memory: CPU per admission, best of ${ROUNDS} rounds of ${N.toLocaleString('en')}`,
);
console.log(line('floor: a no-op async admit', floorUs));
console.log(line('admit, empty queue', emptyUs));
console.log(line('admit, empty queue, with a caller rate', ratedUs));
console.log(
  `  the budget's own cost: ${(emptyUs - floorUs).toFixed(3)} µs (${(ratedUs - floorUs).toFixed(3)} µs with a caller rate); goal: a few µs at most`,
);
