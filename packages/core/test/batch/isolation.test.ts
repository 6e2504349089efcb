// The isolation strategy against a simulated cloud (no HTTP): every desktop settled correctly, and the calls
// within the targets, for any list, any bad desktops of any kinds, anywhere, answered in any order.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IsolationStrategy } from '../../src/batch/isolation.js';
import { type BadKind, callLimit, SIM_KINDS, type SimRun, simulate } from './simulated-cloud.js';

const ids = (n: number) => Array.from({ length: n }, (_, i) => `desk-${String(i).padStart(6, '0')}`);

/** `d` bad desktops at seeded random places, kinds mixed. */
function badAt(all: readonly string[], d: number, seed: number, kinds: BadKind[] = ['unknown', 'busy']) {
  let state = seed >>> 0 || 7;
  const rand = () => {
    state = (state * 1103515245 + 12345) >>> 0;
    return state / 2 ** 32;
  };
  const bad = new Map<string, BadKind>();
  while (bad.size < d) {
    const id = all[Math.floor(rand() * all.length)] as string;
    bad.set(id, kinds[bad.size % kinds.length] as BadKind);
  }
  return bad;
}

/** Every valid ID accepted once and never failed; every bad one failed once with its own status and code. */
function expectSettledCorrectly(run: SimRun, all: readonly string[], bad: ReadonlyMap<string, BadKind>) {
  expect(new Set(run.succeeded).size).toBe(run.succeeded.length);
  expect(new Set(run.failed.map((f) => f.id)).size).toBe(run.failed.length);
  expect(run.succeeded.length + run.failed.length).toBe(all.length);
  for (const id of run.succeeded) {
    expect(bad.has(id), `${id} is bad but was accepted`).toBe(false);
  }
  for (const entry of run.failed) {
    const kind = bad.get(entry.id);
    if (entry.unisolated) {
      continue;
    }
    expect(kind, `${entry.id} is valid but failed`).toBeDefined();
    expect(entry.isolated).toBe(true);
    expect({ status: entry.failure.status, code: entry.failure.code }).toEqual(SIM_KINDS[kind as BadKind]);
    // The error is from a call that carried this desktop.
    expect(run.sent[entry.failure.call - 1]).toContain(entry.id);
  }
}

describe('IsolationStrategy: the targets (n = 10,000, four calls in flight, errors that name nothing)', () => {
  it.each([
    [10, 180],
    [100, 1000],
    [500, 3600],
  ])('%i bad desktops: at most %i calls, every desktop settled, the budget never exhausted', (d, target) => {
    const all = ids(10_000);
    for (const seed of [1, 2, 3]) {
      const bad = badAt(all, d, seed);
      const run = simulate({ ids: all, bad, concurrency: 4, seed, feed: 400 });
      expectSettledCorrectly(run, all, bad);
      expect(run.failed.filter((f) => f.unisolated)).toEqual([]);
      expect(run.calls).toBeLessThanOrEqual(target);
      expect(run.calls).toBeGreaterThanOrEqual(callLimit(10_000, d));
    }
  });
});

describe('IsolationStrategy: properties', () => {
  const scenario = fc
    .record({
      n: fc.integer({ min: 1, max: 1500 }),
      density: fc.double({ min: 0, max: 0.3, noNaN: true }),
      seed: fc.integer({ min: 1, max: 2 ** 30 }),
      concurrency: fc.integer({ min: 1, max: 8 }),
      chunkSize: fc.constantFrom(100, 37, 10, 1),
      names: fc.boolean(),
      feed: fc.integer({ min: 1, max: 500 }),
      kinds: fc.subarray<BadKind>(['unknown', 'forbidden', 'busy'], { minLength: 1 }),
    })
    .map((s) => ({ ...s, d: Math.min(s.n, Math.round(s.n * s.density)) }));

  it('settles every desktop correctly, within the budget, in about the fewest calls possible', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const all = ids(s.n);
        const bad = badAt(all, s.d, s.seed, s.kinds);
        const run = simulate({ ...s, ids: all, bad });
        expectSettledCorrectly(run, all, bad);
        expect(run.isolationCalls).toBeLessThanOrEqual(Math.floor(run.budgetEarned));
        // Only the first call of each chunk of fresh IDs is free.
        expect(run.calls - run.isolationCalls).toBeLessThanOrEqual(Math.ceil(s.n / s.chunkSize));
        // Unisolated only when the budget ran out (a desktop of a failed call, not yet told apart).
        if (run.failed.some((f) => f.unisolated)) {
          expect(run.budgetEarned - run.isolationCalls).toBeLessThan(1);
        }
        // Within the targets' envelope: one chunk's worth per 100 IDs plus 8 calls per bad desktop, or 1.25× the
        // information limit, whichever is more (plus the calls a budget-starved run cannot need).
        const bound = Math.max(
          Math.ceil(s.n / s.chunkSize) + 8 * s.d,
          Math.ceil(1.25 * callLimit(s.n, s.d, s.chunkSize)),
        );
        expect(run.calls).toBeLessThanOrEqual(bound);
      }),
      { numRuns: 300, seed: 20261130 },
    );
    // A bound on a hung run, not a measure: 300 simulated batches of up to thousands of IDs take seconds alone and
    // several times that when every package's suite shares the two cores.
  }, 120_000);

  it('uses a name only once the rest of the group passed: a wrong name fails nobody', () => {
    const strategy = new IsolationStrategy<string>({ chunkSize: 4, budget: { total: 10 } });
    strategy.add(['a', 'b', 'c', 'd']);
    const first = strategy.next(false);
    expect(first?.ids).toEqual(['a', 'b', 'c', 'd']);
    // The cloud names "a", but "c" is the bad one.
    expect(strategy.failed(first as NonNullable<typeof first>, '404 (call 1)', true, ['a'])).toEqual({
      succeeded: [],
      failed: [],
    });
    const rest = strategy.next(false);
    expect(rest?.ids).toEqual(['b', 'c', 'd']);
    // The rest fails too: "a" goes back as unknown, the search goes on in the rest.
    expect(strategy.failed(rest as NonNullable<typeof rest>, '404 (call 2)', true).failed).toEqual([]);
    const sent: string[][] = [];
    let settled = { succeeded: [] as string[], failed: [] as string[] };
    for (let probe = strategy.next(false); probe; probe = strategy.next(false)) {
      sent.push([...probe.ids]);
      const answer = probe.ids.includes('c')
        ? strategy.failed(probe, `404 (call ${sent.length + 2})`, true)
        : strategy.accepted(probe);
      settled = {
        succeeded: [...settled.succeeded, ...answer.succeeded],
        failed: [...settled.failed, ...answer.failed.flatMap((f) => f.ids)],
      };
    }
    expect(settled.failed).toEqual(['c']);
    expect(settled.succeeded.sort()).toEqual(['a', 'b', 'd']);
  });

  it('without budget, sends whole chunks and fails a failing one whole, as unisolated', () => {
    const strategy = new IsolationStrategy<string>({ chunkSize: 3, budget: { total: 0 } });
    strategy.add(['a', 'b', 'c']);
    const probe = strategy.next(false) as NonNullable<ReturnType<typeof strategy.next>>;
    expect(probe).toEqual({ ids: ['a', 'b', 'c'], isolation: false });
    expect(strategy.failed(probe, '404', true).failed).toEqual([]);
    expect(strategy.starved).toBe(true);
    expect(strategy.next(false)).toBeUndefined();
    expect(strategy.exhaust().failed).toEqual([
      { ids: ['a', 'b', 'c'], failure: '404', isolated: false, unisolated: true },
    ]);
  });

  it('fails a group as it is when its failure is not one a desktop can cause', () => {
    const strategy = new IsolationStrategy<string>({ chunkSize: 3, budget: { total: 10 } });
    strategy.add(['a', 'b', 'c']);
    const probe = strategy.next(false) as NonNullable<ReturnType<typeof strategy.next>>;
    expect(strategy.failed(probe, '500', false)).toEqual({
      succeeded: [],
      failed: [{ ids: ['a', 'b', 'c'], failure: '500', isolated: false }],
    });
    expect(strategy.waiting).toBe(0);
  });

  it('gives back everything not settled when the batch stops, parked halves included', () => {
    const strategy = new IsolationStrategy<string>({ chunkSize: 4, budget: { total: 10 } });
    strategy.add(['a', 'b', 'c', 'd', 'e']);
    const first = strategy.next(false) as NonNullable<ReturnType<typeof strategy.next>>;
    strategy.failed(first, '404', true);
    const half = strategy.next(false) as NonNullable<ReturnType<typeof strategy.next>>;
    expect(half.ids).toEqual(['a', 'b']);
    expect([...strategy.abandon(half)].sort()).toEqual(['a', 'b', 'c', 'd']);
    expect(strategy.drain()).toEqual(['e']);
  });
});
