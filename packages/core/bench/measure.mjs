// Side-by-side measurement: every case runs in each round, rounds interleave the cases, and the median of the
// rounds is reported, so a noisy neighbour slows all cases alike. Results are ratios, never pass/fail.
import { performance } from 'node:perf_hooks';

/** @param {{ name: string, run: () => unknown }[]} cases @returns {Promise<Map<string, number>>} ops per second */
export async function compare(cases, { rounds = 7, iterations = 1000, warmup = 200 } = {}) {
  for (const c of cases) {
    for (let i = 0; i < warmup; i++) {
      await c.run();
    }
  }
  const samples = new Map(cases.map((c) => [c.name, []]));
  for (let round = 0; round < rounds; round++) {
    for (const c of cases) {
      const start = performance.now();
      for (let i = 0; i < iterations; i++) {
        await c.run();
      }
      const seconds = (performance.now() - start) / 1000;
      samples.get(c.name).push(iterations / seconds);
    }
  }
  const median = (values) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
  return new Map([...samples].map(([name, values]) => [name, median(values)]));
}

export function table(title, results, baseline) {
  const base = results.get(baseline);
  console.log(`\n${title}`);
  for (const [name, ops] of results) {
    const ratio = name === baseline ? '(baseline)' : `${(base / ops).toFixed(2)}× the time of ${baseline}`;
    console.log(`  ${name.padEnd(34)} ${ops.toFixed(0).padStart(9)} ops/s   ${ratio}`);
  }
}
