// A deterministic random source for tests and benchmarks: the same seed draws the same numbers on every run and
// machine, so a test that places bad desktops or faults at random fails the same way twice, and a benchmark's
// figures can be compared from one run to the next.

/** Numbers in [0, 1) drawn from `seed` (a linear congruential generator; seed 0 is taken as 7). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0 || 7;
  return () => {
    state = (state * 1103515245 + 12345) >>> 0;
    return state / 2 ** 32;
  };
}
