// The GCRA on its own: the rate, the burst, and the wait it tells, at chosen instants (no clock).
import { describe, expect, it } from 'vitest';
import { callerLimit, Gcra } from '../../src/budget/gcra.js';

describe('Gcra', () => {
  it('allows a burst, then one request per interval, and says how long to wait', () => {
    const gcra = new Gcra({ intervalMs: 100, burst: 3 });
    expect([gcra.take(0), gcra.take(0), gcra.take(0), gcra.take(0)]).toEqual([0, 0, 0, 100]);
    expect(gcra.take(99)).toBe(1);
    expect(gcra.take(100)).toBe(0);
    expect(gcra.take(100)).toBe(100);
  });

  it('a refused request takes nothing: asking again and again does not push the next slot back', () => {
    const gcra = new Gcra({ intervalMs: 50, burst: 1 });
    expect(gcra.take(0)).toBe(0);
    for (let i = 0; i < 10; i++) {
      expect(gcra.take(10)).toBe(40);
    }
    expect(gcra.take(50)).toBe(0);
  });

  it('a quiet spell refills the burst, never more', () => {
    const gcra = new Gcra({ intervalMs: 10, burst: 2 });
    expect(gcra.take(0)).toBe(0);
    expect(gcra.take(0)).toBe(0);
    const later = 10_000;
    expect([gcra.take(later), gcra.take(later), gcra.take(later)]).toEqual([0, 0, 10]);
  });

  it('a slower limit applies from the next request on (the budget shrinks after a cloud 429)', () => {
    const gcra = new Gcra({ intervalMs: 100, burst: 1 });
    expect(gcra.take(0)).toBe(0);
    gcra.limit = { intervalMs: 200, burst: 1 };
    expect(gcra.take(100)).toBe(0);
    expect(gcra.take(200)).toBe(100);
  });
});

describe('callerLimit', () => {
  it('a rate of 5 is a burst of 5 and one request every 200 ms; below 1, one request every 1 / rate s', () => {
    expect(callerLimit(5)).toEqual({ intervalMs: 200, burst: 5 });
    expect(callerLimit(0.5)).toEqual({ intervalMs: 2000, burst: 1 });
  });
});
