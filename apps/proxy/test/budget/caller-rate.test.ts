// A caller's own rate, as the budget applies it (the one place it is applied): a GCRA of one second's worth at
// once, refused at once with the wait to expect, never refused forever. On a clock the test moves.
import { describe, expect, it } from 'vitest';
import { UpstreamBudget } from '../../src/budget/upstream-budget.js';
import { ManualClock } from './support/manual-clock.js';

/** An upstream budget far above the caller's rate, so only the caller's rate refuses. */
function budget() {
  const clock = new ManualClock();
  return { clock, upstream: new UpstreamBudget({ rate: 1000, burst: 1000, queueWaitMs: 10_000, clock }) };
}

/** The wait a request is refused with (0: admitted). */
async function wait(upstream: UpstreamBudget, rate: number): Promise<number> {
  const admission = await upstream.admit({ id: 'k', rate });
  return admission.ok ? 0 : admission.retryAfterMs;
}

describe('a caller’s own rate', () => {
  it('0.5 requests per second: one request every two seconds, never refused forever', async () => {
    const { clock, upstream } = budget();
    expect(await wait(upstream, 0.5)).toBe(0);
    expect(await wait(upstream, 0.5)).toBe(2000);
    clock.advance(1999);
    expect(await wait(upstream, 0.5)).toBe(1);
    clock.advance(1);
    expect(await wait(upstream, 0.5)).toBe(0);
    clock.advance(1000);
    expect(await wait(upstream, 0.5)).toBe(1000);
    clock.advance(1000);
    expect(await wait(upstream, 0.5)).toBe(0);
  });

  it('a rate of 5 allows a burst of 5, then one every 200 ms', async () => {
    const { clock, upstream } = budget();
    const waits: number[] = [];
    for (let i = 0; i < 6; i++) {
      waits.push(await wait(upstream, 5));
    }
    expect(waits).toEqual([0, 0, 0, 0, 0, 200]);
    clock.advance(200);
    expect(await wait(upstream, 5)).toBe(0);
    expect(await wait(upstream, 5)).toBe(200);
  });
});
