// The upstream budget in memory (no Redis), on a clock the test moves: its rate and burst, the fair order
// among callers and their weights, refusals at once with the wait to expect, callers' own rates, cancellation,
// deadlines, and the cloud's 429s shrinking it. Counts and orders only; no time is waited for.
import { describe, expect, it } from 'vitest';
import type { Admission, BudgetCaller } from '../../src/budget/admission.js';
import { UpstreamBudget } from '../../src/budget/upstream-budget.js';
import { Admissions } from './support/admissions.js';
import { ManualClock } from './support/manual-clock.js';

/** 10 requests a second: one every 100 ms. */
const INTERVAL = 100;

function budget(options: { burst?: number; queueWaitMs?: number } = {}) {
  const clock = new ManualClock();
  const upstream = new UpstreamBudget({
    rate: 1000 / INTERVAL,
    burst: options.burst ?? 1,
    queueWaitMs: options.queueWaitMs ?? 60_000,
    clock,
  });
  return { clock, upstream, admissions: new Admissions() };
}

/** Lets every answer already given reach its `then` (one turn of the event loop). */
const turn = () => new Promise((resolve) => setImmediate(resolve));

function ask(
  setup: ReturnType<typeof budget>,
  caller: BudgetCaller,
  count: number,
  signal?: AbortSignal,
): Promise<Admission>[] {
  return Array.from({ length: count }, () =>
    setup.admissions.track(caller.id, setup.upstream.admit(caller, signal)),
  );
}

/** Moves time one interval at a time, `slots` times, letting each answer arrive. */
async function slots(setup: ReturnType<typeof budget>, count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    setup.clock.advance(INTERVAL);
    await turn();
  }
}

describe('the upstream budget in memory', () => {
  it('is in memory state, and admits a burst at once, then one request per interval', async () => {
    const setup = budget({ burst: 2 });
    expect(await setup.upstream.start()).toBe('memory');
    ask(setup, { id: 'a' }, 6);
    await turn();
    expect(setup.admissions.admitted()).toHaveLength(2);
    expect(setup.upstream.queueDepth).toBe(4);
    await slots(setup, 3);
    expect(setup.admissions.admitted()).toHaveLength(5);
    await slots(setup, 1);
    expect(setup.admissions.admitted()).toHaveLength(6);
    expect(setup.admissions.answered.map((entry) => entry.admission.ok && entry.admission.waitedMs)).toEqual([
      0, 0, 100, 200, 300, 400,
    ]);
  });

  it('a busy caller cannot starve a light one: the light caller’s request goes next, not after the backlog', async () => {
    const setup = budget();
    ask(setup, { id: 'busy' }, 9);
    ask(setup, { id: 'light' }, 1);
    await slots(setup, 9);
    expect(setup.admissions.admitted().indexOf('light')).toBeLessThanOrEqual(2);
    expect(setup.admissions.admitted()).toHaveLength(10);
  });

  it('weights 2:1 share the slots 2:1 while both callers have requests waiting', async () => {
    const setup = budget();
    ask(setup, { id: 'first' }, 1);
    ask(setup, { id: 'heavy', weight: 2 }, 30);
    ask(setup, { id: 'light', weight: 1 }, 30);
    await slots(setup, 30);
    const admitted = setup.admissions.admitted().slice(1);
    expect(admitted).toHaveLength(30);
    expect(admitted.filter((id) => id === 'heavy')).toHaveLength(20);
    expect(admitted.filter((id) => id === 'light')).toHaveLength(10);
  });

  it('an idle caller’s share goes to the others, and it saves up no credit to come back with', async () => {
    const setup = budget();
    ask(setup, { id: 'a' }, 20);
    await slots(setup, 9);
    expect(setup.admissions.admitted()).toEqual(Array(10).fill('a'));
    ask(setup, { id: 'b' }, 5);
    await slots(setup, 6);
    // From b's arrival on, the two alternate: b does not get its idle time back as a burst.
    expect(setup.admissions.admitted().slice(10).join(',')).toMatch(/^(a,b|b,a),(a,b|b,a),(a,b|b,a)/);
  });

  it('a request that could not go within the queue wait is refused at once, with the wait to expect', async () => {
    const setup = budget({ queueWaitMs: 1000 });
    ask(setup, { id: 'a' }, 15);
    await turn();
    // One goes now, ten fit in 1000 ms (100, 200, … 1000), the rest are refused without waiting.
    expect(setup.admissions.admitted()).toHaveLength(1);
    expect(setup.upstream.queueDepth).toBe(10);
    const refused = setup.admissions.refused();
    expect(refused).toHaveLength(4);
    for (const { admission } of refused) {
      expect(admission).toEqual({ ok: false, reason: 'queue-full', retryAfterMs: 1100, waitedMs: 0 });
    }
    expect(setup.upstream.stats.callers.get('a')).toEqual({
      admitted: 1,
      queueFull: 4,
      callerRate: 0,
      cancelled: 0,
    });
    await slots(setup, 10);
    expect(setup.admissions.admitted()).toHaveLength(11);
  });

  it('a caller’s own rate applies on top, refused at once, and costs the others nothing', async () => {
    const setup = budget({ burst: 5 });
    ask(setup, { id: 'limited', rate: 2 }, 3);
    ask(setup, { id: 'other' }, 1);
    await turn();
    expect(setup.admissions.admitted()).toEqual(['limited', 'limited', 'other']);
    expect(setup.admissions.refused().map((entry) => entry.admission)).toEqual([
      { ok: false, reason: 'caller-rate', retryAfterMs: 500, waitedMs: 0 },
    ]);
  });

  it('a request cancelled by its client leaves the queue: the one behind it takes its slot', async () => {
    const setup = budget();
    const controller = new AbortController();
    ask(setup, { id: 'a' }, 1);
    const [cancelled] = ask(setup, { id: 'b' }, 1, controller.signal);
    ask(setup, { id: 'c' }, 1);
    expect(setup.upstream.queueDepth).toBe(2);
    controller.abort(new Error('client went away'));
    await expect(cancelled).rejects.toThrow('client went away');
    expect(setup.upstream.queueDepth).toBe(1);
    await slots(setup, 1);
    expect(setup.admissions.admitted()).toEqual(['a', 'c']);
    expect(setup.upstream.stats.callers.get('b')?.cancelled).toBe(1);
  });

  it('an aborted signal is refused before it queues', async () => {
    const setup = budget();
    await expect(setup.upstream.admit({ id: 'a' }, AbortSignal.abort(new Error('gone')))).rejects.toThrow(
      'gone',
    );
    expect(setup.upstream.queueDepth).toBe(0);
  });

  it('a request still waiting at its deadline is refused then, never sent later', async () => {
    const setup = budget({ queueWaitMs: 500 });
    ask(setup, { id: 'a' }, 6);
    setup.upstream.onCloudThrottled();
    // Half the rate from now: slots at 100 (planned before), 300 and 500; the last two cannot go within 500 ms.
    setup.clock.advance(500);
    await turn();
    expect(setup.admissions.admitted()).toHaveLength(4);
    expect(setup.admissions.refused().map((entry) => entry.admission)).toEqual([
      { ok: false, reason: 'queue-full', retryAfterMs: expect.any(Number), waitedMs: 500 },
      { ok: false, reason: 'queue-full', retryAfterMs: expect.any(Number), waitedMs: 500 },
    ]);
    setup.clock.advance(10_000);
    await turn();
    expect(setup.admissions.admitted()).toHaveLength(4);
    expect(setup.upstream.queueDepth).toBe(0);
  });

  it('the cloud’s 429s shrink the budget (fewer admissions per second), accepted calls grow it back', async () => {
    const setup = budget();
    ask(setup, { id: 'a' }, 100);
    const perSecond = async () => {
      const before = setup.admissions.admitted().length;
      await slots(setup, 10);
      return setup.admissions.admitted().length - before;
    };
    await turn();
    expect(await perSecond()).toBe(10);
    setup.upstream.onCloudThrottled();
    expect(setup.upstream.rateFactor).toBe(0.5);
    expect(await perSecond()).toBe(5);
    setup.upstream.onCloudThrottled();
    expect(await perSecond()).toBeLessThanOrEqual(3);
    for (let i = 0; i < 15; i++) {
      setup.upstream.onCloudAccepted();
    }
    expect(setup.upstream.rateFactor).toBe(1);
    // The slot already planned at the slow rate comes first; from then on, the whole rate.
    expect(await perSecond()).toBeGreaterThan(5);
    expect(await perSecond()).toBe(10);
    expect(setup.upstream.stats.cloudThrottled).toBe(2);
  });
});
