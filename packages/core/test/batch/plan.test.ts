import { describe, expect, it } from 'vitest';
import { planBatch } from '../../src/index.js';

describe('planBatch', () => {
  it('validates everything, collapses repeats, keeps positions of invalid IDs, counts the requests', () => {
    expect(planBatch(['a', 'b', 'a', '', 'bad id', '', 'c'], { chunkSize: 2 })).toEqual({
      ids: ['a', 'b', 'c'],
      invalid: [
        { id: '', index: 3, reason: 'must NOT have fewer than 1 characters' },
        { id: 'bad id', index: 4, reason: 'must be printable ASCII characters without spaces' },
      ],
      duplicates: 2,
      total: 7,
      chunkSize: 2,
      requests: 2,
      estimatedMs: 1000 / 1.5,
    });
  });

  it('chunks to the spec’s 100 by default', () => {
    const ids = Array.from({ length: 250 }, (_, i) => `d-${i}`);
    expect(planBatch(ids)).toMatchObject({ chunkSize: 100, requests: 3 });
  });

  it('estimates the least time the requests take at the rate: the first at once, each next 1/rate later', () => {
    const ids = Array.from({ length: 250 }, (_, i) => `d-${i}`);
    expect(planBatch(ids, { ratePerSecond: 2 }).estimatedMs).toBe(1000);
    expect(planBatch(ids.slice(0, 1), { ratePerSecond: 2 }).estimatedMs).toBe(0);
    expect(planBatch([], { ratePerSecond: 2 }).estimatedMs).toBe(0);
  });
});
