// The arithmetic `bench:quota` prints its figures with: a wrong formula would print a fair, fast run as unfair or
// slow (or the reverse), so each figure is checked on runs whose answer is known.
import { describe, expect, it } from 'vitest';
import { allActiveWindow, jainIndex, quotaFigures } from '../../bench/quota-figures.mjs';

describe("Jain's fairness index", () => {
  it('is 1 when all are equal, 1/n when one has everything, and (Σx)²/(n·Σx²) between', () => {
    expect(jainIndex([5, 5, 5, 5])).toBe(1);
    expect(jainIndex([7, 0, 0, 0])).toBe(0.25);
    expect(jainIndex([2, 1])).toBeCloseTo(0.9, 10);
    expect(jainIndex([1, 2, 3])).toBeCloseTo(36 / 42, 10);
  });
});

describe('the span in which every caller was active', () => {
  it('runs from the latest first call to the earliest last call', () => {
    const accepted = [
      { at: 0, caller: 'a' },
      { at: 100, caller: 'b' },
      { at: 500, caller: 'a' },
      { at: 900, caller: 'b' },
    ];
    expect(allActiveWindow(accepted, ['a', 'b'])).toEqual({ start: 100, end: 500 });
  });

  it('is null when a caller had no call accepted, or the callers never overlapped', () => {
    expect(allActiveWindow([{ at: 0, caller: 'a' }], ['a', 'b'])).toBeNull();
    const apart = [
      { at: 0, caller: 'a' },
      { at: 10, caller: 'a' },
      { at: 20, caller: 'b' },
      { at: 30, caller: 'b' },
    ];
    expect(allActiveWindow(apart, ['a', 'b'])).toBeNull();
  });
});

/** A run at `rate` calls a second, perfectly spaced, served in turn by `pattern` (caller ids, repeated). */
function served(pattern: string[], calls: number, rate: number) {
  return Array.from({ length: calls }, (_, i) => ({
    at: (i * 1000) / rate,
    caller: pattern[i % pattern.length] as string,
  }));
}

describe('the figures of a run', () => {
  const callers = [
    { id: 'heavy-1', weight: 2 },
    { id: 'light-1', weight: 1 },
    { id: 'heavy-2', weight: 2 },
    { id: 'light-2', weight: 1 },
  ];

  it('a perfect 2:1 run at the quota: nothing throttled, 1.00× the ideal, Jain 1, weights 2:1', () => {
    const accepted = served(['heavy-1', 'heavy-2', 'light-1', 'heavy-1', 'heavy-2', 'light-2'], 600, 20);
    const figures = quotaFigures({
      callers,
      accepted,
      requests: accepted.map((call) => ({ at: call.at, throttled: false })),
      rate: 20,
    });
    expect(figures.throttledShare).toBe(0);
    expect(figures.calls).toBe(600);
    expect(figures.idealMs).toBe(30_000);
    expect(figures.timeRatio).toBeCloseTo(1, 10);
    expect(figures.jain).toBeCloseTo(1, 2);
    expect(figures.weightRatio).toMatchObject({ heavy: 2, light: 1, target: 2 });
    expect(figures.weightRatio?.achieved).toBeCloseTo(2, 1);
  });

  it('equal shares despite weights 2:1: Jain per unit of weight is 0.9, the ratio 1:1', () => {
    const accepted = served(['heavy-1', 'light-1', 'heavy-2', 'light-2'], 400, 20);
    const figures = quotaFigures({
      callers,
      accepted,
      requests: accepted.map((call) => ({ at: call.at, throttled: false })),
      rate: 20,
    });
    // Per unit of weight the heavy callers got half: values 0.5, 1, 0.5, 1 → 9/10.
    expect(figures.jain).toBeCloseTo(0.9, 2);
    expect(figures.weightRatio?.achieved).toBeCloseTo(1, 2);
  });

  it('a run at half the quota with one request in five throttled: 2× the ideal, 20% throttled', () => {
    const accepted = served(['heavy-1', 'light-1', 'heavy-2', 'light-2'], 400, 10);
    const requests = accepted.flatMap((call, i) =>
      i % 4 === 0
        ? [
            { at: call.at, throttled: true },
            { at: call.at + 1, throttled: false },
          ]
        : [{ at: call.at, throttled: false }],
    );
    const figures = quotaFigures({ callers, accepted, requests, rate: 20 });
    expect(figures.throttled).toBe(100);
    expect(figures.throttledShare).toBeCloseTo(0.2, 10);
    // Span: 399 intervals of 100 ms plus one interval of the quota (50 ms), against 400 calls ÷ 20/s.
    expect(figures.timeRatio).toBeCloseTo((39_900 + 50) / 20_000, 10);
  });

  it('no weight ratio when every caller has the same weight, and no fairness when a caller never got through', () => {
    const same = callers.map((caller) => ({ ...caller, weight: 1 }));
    const accepted = served(['heavy-1', 'heavy-2', 'light-1'], 30, 20);
    const figures = quotaFigures({
      callers: same,
      accepted,
      requests: accepted.map((call) => ({ at: call.at, throttled: false })),
      rate: 20,
    });
    expect(figures.weightRatio).toBeNull();
    expect(figures.window).toBeNull();
    expect(figures.jain).toBeNaN();
  });
});
