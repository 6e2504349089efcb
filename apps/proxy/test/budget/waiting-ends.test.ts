// How a wait for an upstream slot ends, in memory (no Redis), on a clock the test moves: at its deadline with the
// wait to expect from its place, admitted when its slot falls on its deadline, answered when the budget closes,
// and without leaving anything behind on the caller's signal. Counts, answers and orders only.
import { getEventListeners } from 'node:events';
import { describe, expect, it } from 'vitest';
import type { Admission } from '../../src/budget/admission.js';
import { UpstreamBudget } from '../../src/budget/upstream-budget.js';
import { ManualClock } from './support/manual-clock.js';

/** 10 requests a second: one every 100 ms, a burst of one. */
function budget(queueWaitMs: number) {
  const clock = new ManualClock();
  const upstream = new UpstreamBudget({ rate: 10, burst: 1, queueWaitMs, clock });
  return { clock, upstream };
}

const turn = () => new Promise((resolve) => setImmediate(resolve));

/** Answers in the order they arrive, each with the time it arrived at. */
function follow(clock: ManualClock, pending: Promise<Admission>[]) {
  const answers: { at: number; admission: Admission }[] = [];
  for (const each of pending) {
    void each.then((admission) => answers.push({ at: clock.now(), admission }));
  }
  return answers;
}

describe('how a wait for the upstream budget ends', () => {
  it('at its deadline, counted from when it was asked, with the wait a new request would face from its place', async () => {
    const { clock, upstream } = budget(500);
    // An hour into the process: a deadline is the time asked plus the queue's wait, not the wait alone.
    clock.advance(3_600_000);
    const answers = follow(
      clock,
      Array.from({ length: 6 }, () => upstream.admit({ id: 'a' })),
    );
    // The cloud throttles: half the rate from now, so the last two cannot go within their 500 ms.
    upstream.onCloudThrottled();
    clock.advance(499);
    await turn();
    expect(answers.filter((answer) => !answer.admission.ok)).toEqual([]);
    clock.advance(1);
    await turn();
    const refused = answers.filter((answer) => !answer.admission.ok);
    expect(refused.map((answer) => answer.at)).toEqual([3_600_500, 3_600_500]);
    // The first of them would be next (one slot, 200 ms from now at half the rate); the second behind it.
    expect(refused.map((answer) => answer.admission)).toEqual([
      { ok: false, reason: 'queue-full', retryAfterMs: 200, waitedMs: 500 },
      { ok: false, reason: 'queue-full', retryAfterMs: 200, waitedMs: 500 },
    ]);
    expect(upstream.queueDepth).toBe(0);
    expect(upstream.stats.callers.get('a')).toMatchObject({ admitted: 4, queueFull: 2 });
  });

  it('admitted, not refused, when its slot falls on its deadline', async () => {
    const { clock, upstream } = budget(300);
    clock.advance(1000);
    const answers = follow(
      clock,
      Array.from({ length: 4 }, () => upstream.admit({ id: 'a' })),
    );
    clock.advance(300);
    await turn();
    expect(answers.map((answer) => answer.admission)).toEqual([
      { ok: true, waitedMs: 0 },
      { ok: true, waitedMs: 100 },
      { ok: true, waitedMs: 200 },
      { ok: true, waitedMs: 300 },
    ]);
  });

  it('when the budget closes, with a refusal that says to retry after the queue’s wait; closing twice is harmless', async () => {
    const { clock, upstream } = budget(2000);
    const answers = follow(
      clock,
      Array.from({ length: 3 }, () => upstream.admit({ id: 'a' })),
    );
    await turn();
    expect(upstream.queueDepth).toBe(2);
    await upstream.close();
    await upstream.close();
    await turn();
    expect(answers.map((answer) => answer.admission)).toEqual([
      { ok: true, waitedMs: 0 },
      { ok: false, reason: 'queue-full', retryAfterMs: 2000, waitedMs: 0 },
      { ok: false, reason: 'queue-full', retryAfterMs: 2000, waitedMs: 0 },
    ]);
    expect(upstream.queueDepth).toBe(0);
    // Nothing left to fire: a closed budget keeps no timer that would hold a process open.
    clock.advance(60_000);
    await turn();
    expect(answers).toHaveLength(3);
  });

  it('leaves no listener on the caller’s signal once each request is answered, however many used it', async () => {
    const { clock, upstream } = budget(60_000);
    const controller = new AbortController();
    const pending = Array.from({ length: 20 }, () => upstream.admit({ id: 'a' }, controller.signal));
    expect(getEventListeners(controller.signal, 'abort').length).toBeGreaterThan(0);
    clock.advance(2000);
    await Promise.all(pending);
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });

  it('refuses a request whose signal has already aborted without counting or queueing it', async () => {
    const { upstream } = budget(60_000);
    await expect(upstream.admit({ id: 'a' }, AbortSignal.abort(new Error('gone')))).rejects.toThrow('gone');
    expect(upstream.queueDepth).toBe(0);
    expect(upstream.stats.callers.size).toBe(0);
    // Nothing is under way with Redis in memory: idle at once.
    await upstream.idle();
  });
});
