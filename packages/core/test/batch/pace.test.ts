import { describe, expect, it } from 'vitest';
import { halves, Pacer, prepareIds } from '../../src/index.js';

describe('Pacer', () => {
  it('spaces requests at 1/rate and adapts: halves on throttling, climbs back on success', async () => {
    let now = 0;
    const pacer = new Pacer({ ratePerSecond: 100, now: () => now });
    await pacer.acquire();
    expect(pacer.rate).toBe(100);
    pacer.onThrottled();
    pacer.onThrottled();
    expect(pacer.rate).toBe(25);
    for (let i = 0; i < 100; i++) pacer.onSuccess();
    expect(pacer.rate).toBe(100);
    for (let i = 0; i < 20; i++) pacer.onThrottled();
    expect(pacer.rate).toBe(100 / 16);
    now = 10_000;
    await pacer.acquire();
  });
});

describe('halves', () => {
  it('splits with the first half larger by at most one', () => {
    expect(halves([1, 2, 3])).toEqual([[1, 2], [3]]);
    expect(halves([1, 2])).toEqual([[1], [2]]);
  });
});

describe('prepareIds', () => {
  it('validates everything, collapses repeats and keeps positions of invalid IDs', () => {
    const prepared = prepareIds(['a', 'b', 'a', '', 'bad id', '', 'c']);
    expect(prepared).toEqual({
      ids: ['a', 'b', 'c'],
      invalid: [
        { id: '', index: 3, reason: 'must NOT have fewer than 1 characters' },
        { id: 'bad id', index: 4, reason: 'must be printable ASCII characters without spaces' },
      ],
      duplicates: 2,
      total: 7,
    });
  });
});
