import { describe, expect, it } from 'vitest';
import { Pacer } from '../../src/batch/pace.js';

describe('Pacer', () => {
  it('spaces requests at 1/rate and adapts: halves on throttling, climbs back on success', async () => {
    let now = 0;
    const pacer = new Pacer({ ratePerSecond: 100, now: () => now });
    await pacer.acquire();
    expect(pacer.rate).toBe(100);
    pacer.onThrottled();
    pacer.onThrottled();
    expect(pacer.rate).toBe(25);
    for (let i = 0; i < 100; i++) {
      pacer.onSuccess();
    }
    expect(pacer.rate).toBe(100);
    for (let i = 0; i < 20; i++) {
      pacer.onThrottled();
    }
    expect(pacer.rate).toBe(100 / 16);
    now = 10_000;
    await pacer.acquire();
  });
});
