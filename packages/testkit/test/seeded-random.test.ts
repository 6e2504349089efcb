import { describe, expect, it } from 'vitest';
import { seededRandom } from '../src/seeded-random.js';

describe('seededRandom', () => {
  it('draws the same numbers in [0, 1) for the same seed, other numbers for another', () => {
    const draw = (seed: number) => Array.from({ length: 1000 }, seededRandom(seed));
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
    expect(draw(42).every((x) => x >= 0 && x < 1)).toBe(true);
    // Spread over the interval, not stuck in a corner of it.
    expect(new Set(draw(0).map((x) => Math.floor(x * 10))).size).toBe(10);
  });
});
