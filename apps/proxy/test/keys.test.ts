// The key store's own rules: constant-time lookup by digest and the per-key rate, on an injected clock.
import { describe, expect, it } from 'vitest';
import { type CallerKey, hashKey, KeyStore } from '../src/index.js';

function storeAt(clock: { now: number }) {
  return new KeyStore('unused.json', () => clock.now);
}

const key = (rate: number): CallerKey => ({ id: 'k', sha256: hashKey('k'), projects: ['*'], rate });

describe('per-key rate', () => {
  it('0.5 requests per second: one request every two seconds, never refused forever', () => {
    const clock = { now: 0 };
    const keys = storeAt(clock);
    const slow = key(0.5);
    expect(keys.throttle(slow)).toBe(0);
    expect(keys.throttle(slow)).toBe(2000);
    clock.now = 1999;
    expect(keys.throttle(slow)).toBe(1);
    clock.now = 2000;
    expect(keys.throttle(slow)).toBe(0);
    clock.now = 3000;
    expect(keys.throttle(slow)).toBe(1000);
    clock.now = 4000;
    expect(keys.throttle(slow)).toBe(0);
  });

  it('a rate of 5 allows a burst of 5, then one every 200 ms', () => {
    const clock = { now: 0 };
    const keys = storeAt(clock);
    const fast = key(5);
    expect(Array.from({ length: 6 }, () => keys.throttle(fast))).toEqual([0, 0, 0, 0, 0, 200]);
    clock.now = 200;
    expect(keys.throttle(fast)).toBe(0);
    expect(keys.throttle(fast)).toBe(200);
  });
});
