// The pacer: calls spaced 1/rate apart on the clock, the rate halved on throttling and raised again on success.
// The clock is vitest's fake one, so the spacing is read off the clock, never measured.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Pacer } from '../../src/batch/pace.js';

/** When (ms on the fake clock, from now) each of `count` calls waiting at once may be sent. */
async function sendTimes(pacer: Pacer, count: number): Promise<number[]> {
  const start = Date.now();
  const times: number[] = [];
  const waiting = Array.from({ length: count }, () =>
    pacer.acquire().then(() => times.push(Date.now() - start)),
  );
  await vi.runAllTimersAsync();
  await Promise.all(waiting);
  return times;
}

describe('Pacer', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('sends the first call at once and spaces the calls waiting behind it 1/rate apart', async () => {
    const pacer = new Pacer({ ratePerSecond: 100 });
    expect(await sendTimes(pacer, 4)).toEqual([0, 10, 20, 30]);
    // Later calls keep the spacing from the last one, not from when they asked.
    expect(await sendTimes(pacer, 2)).toEqual([10, 20]);
  });

  it('after a quiet spell, sends at once again (no burst is saved up)', async () => {
    const pacer = new Pacer({ ratePerSecond: 100 });
    await sendTimes(pacer, 2);
    await vi.advanceTimersByTimeAsync(1000);
    expect(await sendTimes(pacer, 3)).toEqual([0, 10, 20]);
  });

  it('halves the rate on each 429, down to a sixteenth of the configured one, and spaces calls accordingly', async () => {
    const pacer = new Pacer({ ratePerSecond: 100 });
    pacer.onThrottled();
    expect(pacer.rate).toBe(50);
    expect(await sendTimes(pacer, 3)).toEqual([0, 20, 40]);
    pacer.onThrottled();
    expect(pacer.rate).toBe(25);
    for (let i = 0; i < 20; i++) {
      pacer.onThrottled();
    }
    expect(pacer.rate).toBe(100 / 16);
  });

  it('raises the rate by a twentieth of the configured one on each success, never above it', async () => {
    const pacer = new Pacer({ ratePerSecond: 100 });
    pacer.onSuccess();
    expect(pacer.rate).toBe(100);
    pacer.onThrottled();
    pacer.onThrottled();
    pacer.onSuccess();
    expect(pacer.rate).toBe(30);
    for (let i = 0; i < 100; i++) {
      pacer.onSuccess();
    }
    expect(pacer.rate).toBe(100);
  });

  it('a call waiting for its turn is given up when the signal aborts; an aborted signal gets no turn at all', async () => {
    const pacer = new Pacer({ ratePerSecond: 1 });
    const controller = new AbortController();
    const [first, second] = [pacer.acquire(controller.signal), pacer.acquire(controller.signal)];
    await vi.advanceTimersByTimeAsync(0);
    await first;
    controller.abort(new Error('batch stopped'));
    await expect(second).rejects.toThrow('batch stopped');
    await vi.advanceTimersByTimeAsync(60_000);
    await expect(pacer.acquire(controller.signal)).rejects.toThrow('batch stopped');
  });
});
