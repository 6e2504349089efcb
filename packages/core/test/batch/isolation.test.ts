// The isolation strategy against a simulated cloud (no HTTP): every desktop settled correctly, and the calls
// within the targets, for any list, any bad desktops of any kinds, anywhere, answered in any order.
import { seededRandom } from '@wks-logoff/testkit';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { halves, IsolationStrategy } from '../../src/batch/isolation.js';
import { type BadKind, callLimit, SIM_KINDS, type SimRun, simulate } from './simulated-cloud.js';

const ids = (n: number) => Array.from({ length: n }, (_, i) => `desk-${String(i).padStart(6, '0')}`);

/** `d` bad desktops at seeded random places, kinds mixed. */
function badAt(all: readonly string[], d: number, seed: number, kinds: BadKind[] = ['unknown', 'busy']) {
  const rand = seededRandom(seed);
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
    expect(strategy.failed(rest as NonNullable<typeof rest>, '404 (call 2)', true, []).failed).toEqual([]);
    const sent: string[][] = [];
    let settled = { succeeded: [] as string[], failed: [] as string[] };
    for (let call = strategy.next(false); call; call = strategy.next(false)) {
      sent.push([...call.ids]);
      const answer = call.ids.includes('c')
        ? strategy.failed(call, `404 (call ${sent.length + 2})`, true, [])
        : strategy.accepted(call);
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
    const call = strategy.next(false) as NonNullable<ReturnType<typeof strategy.next>>;
    expect(call).toEqual({ ids: ['a', 'b', 'c'], isolation: false });
    expect(strategy.failed(call, '404', true, []).failed).toEqual([]);
    expect(strategy.starved).toBe(true);
    expect(strategy.next(false)).toBeUndefined();
    expect(strategy.exhaust().failed).toEqual([
      { ids: ['a', 'b', 'c'], failure: '404', isolated: false, unisolated: true },
    ]);
  });

  it('fails a group as it is when its failure is not one a desktop can cause', () => {
    const strategy = new IsolationStrategy<string>({ chunkSize: 3, budget: { total: 10 } });
    strategy.add(['a', 'b', 'c']);
    const call = strategy.next(false) as NonNullable<ReturnType<typeof strategy.next>>;
    expect(strategy.failed(call, '500', false, [])).toEqual({
      succeeded: [],
      failed: [{ ids: ['a', 'b', 'c'], failure: '500', isolated: false }],
    });
    expect(strategy.waiting).toBe(0);
  });

  it('gives back everything not settled when the batch stops, parked halves included', () => {
    const strategy = new IsolationStrategy<string>({ chunkSize: 4, budget: { total: 10 } });
    strategy.add(['a', 'b', 'c', 'd', 'e']);
    const first = strategy.next(false) as NonNullable<ReturnType<typeof strategy.next>>;
    strategy.failed(first, '404', true, []);
    const half = strategy.next(false) as NonNullable<ReturnType<typeof strategy.next>>;
    expect(half.ids).toEqual(['a', 'b']);
    expect([...strategy.abandon(half)].sort()).toEqual(['a', 'b', 'c', 'd']);
    expect(strategy.drain()).toEqual(['e']);
  });
});

describe('IsolationStrategy: group sizes follow the failures seen, at their thresholds', () => {
  const idsOf = (n: number) => Array.from({ length: n }, (_, i) => `d-${String(i).padStart(3, '0')}`);
  /** The size of each call, one call at a time, errors naming the bad desktop of each call. */
  function sizes(all: readonly string[], badIds: readonly string[], chunkSize: number) {
    const bad = new Map(badIds.map((id) => [id, 'unknown' as const]));
    const run = simulate({ ids: all, bad, concurrency: 1, seed: 1, chunkSize, names: true, perId: 100 });
    expect(run.failed.map((f) => f.id).sort()).toEqual([...badIds].sort());
    return run.sent.map((call) => call.length);
  }

  it('a whole chunk while one good desktop in `chunkSize` or fewer fails (exactly one in six, here)', () => {
    const all = idsOf(48);
    // Six good, then six groups of six with one bad each (the call, then the five others), then six good: when
    // the sixth bad one is found, 30 + 6 good against 6 bad is exactly one bad in 7 desktops: still a chunk.
    const bad = [6, 12, 18, 24, 30, 36].map((i) => all[i] as string);
    expect(sizes(all, bad, 6)).toEqual([6, 6, 5, 6, 5, 6, 5, 6, 5, 6, 5, 6, 5, 6]);
  });

  it('groups of 2^⌊log2(good/bad)⌋: two at one bad in three, one below that', () => {
    const all = idsOf(8);
    // 3 good : 1 bad after the first chunk → groups of 2; 4 : 2 after the next → still 2.
    expect(sizes(all, [all[0] as string, all[4] as string], 4)).toEqual([4, 3, 2, 1, 2]);
    // 1 good : 3 bad → one at a time (never an empty call).
    expect(sizes(all, all.slice(0, 3), 4)).toEqual([4, 1, 2, 1, 1, 1, 1, 1, 1, 1]);
  });
});

describe('IsolationStrategy: the budget and the end of a batch', () => {
  type Call = NonNullable<ReturnType<IsolationStrategy<string>['next']>>;

  it('exhaust() fails nothing while a call of budget is left, everything waiting once it is spent', () => {
    const strategy = new IsolationStrategy<string>({ chunkSize: 4, budget: { total: 1 } });
    strategy.add(['a', 'b', 'c', 'd']);
    strategy.failed(strategy.next(false) as Call, '404', true, []);
    expect(strategy.exhaust().failed).toEqual([]);
    const half = strategy.next(false) as Call;
    expect(half).toEqual({ ids: ['a', 'b'], isolation: true });
    strategy.failed(half, '404 (half)', true, []);
    expect(strategy.starved).toBe(true);
    // The untested half goes back with the failure that made it suspect; the failing half is searched no more.
    expect(strategy.exhaust().failed).toEqual([
      { ids: ['a', 'b'], failure: '404 (half)', isolated: false, unisolated: true },
      { ids: ['c', 'd'], failure: '404', isolated: false, unisolated: true },
    ]);
    expect(strategy.waiting).toBe(0);
  });

  it('with the budget spent, a group waiting fails unisolated while an isolation call in flight still settles its own', () => {
    const strategy = new IsolationStrategy<string>({ chunkSize: 4, budget: { total: 1 } });
    strategy.add(['a1', 'a2', 'a3', 'a4', 'b1', 'b2', 'b3', 'b4', 'c1', 'c2', 'c3', 'c4']);
    const [a, b, c] = [strategy.next(false), strategy.next(false), strategy.next(false)] as Call[];
    strategy.failed(a as Call, '404 a', true, []);
    const aHalf = strategy.next(false) as Call;
    expect(aHalf.ids).toEqual(['a1', 'a2']);
    strategy.failed(b as Call, '404 b', true, []);
    expect(strategy.exhaust().failed.map((group) => group.ids)).toEqual([['b1', 'b2', 'b3', 'b4']]);
    strategy.failed(c as Call, '404 c', true, []);
    // The first half of a passed: the other half is known to fail; c still waits for budget.
    expect(strategy.accepted(aHalf)).toEqual({ succeeded: ['a1', 'a2'], failed: [] });
    expect(strategy.exhaust().failed.map((group) => [group.ids, group.failure])).toEqual([
      [['c1', 'c2', 'c3', 'c4'], '404 c'],
      [['a3', 'a4'], '404 a'],
    ]);
  });

  it('names outside the failed group are ignored: the group is halved as if nothing was named', () => {
    const strategy = new IsolationStrategy<string>({ chunkSize: 4, budget: { total: 10 } });
    strategy.add(['a', 'b', 'c', 'd']);
    strategy.failed(strategy.next(false) as Call, '404', true, ['z']);
    expect(strategy.next(false)?.ids).toEqual(['a', 'b']);
  });

  it('drain() leaves nothing behind; an answer for a call it did not make, or a second one, is refused', () => {
    const strategy = new IsolationStrategy<string>({ chunkSize: 2, budget: { total: 10 } });
    strategy.add(['a', 'b', 'c']);
    const call = strategy.next(false) as Call;
    expect(strategy.drain()).toEqual(['c']);
    expect(strategy.waiting).toBe(0);
    expect(strategy.next(false)).toBeUndefined();
    expect(strategy.abandon(call)).toEqual(['a', 'b']);
    expect(() => strategy.accepted(call)).toThrow('an answer for a call it did not make (or answered twice)');
  });
});

describe('halves', () => {
  it('splits with the first half larger by at most one', () => {
    expect(halves([1, 2, 3])).toEqual([[1, 2], [3]]);
    expect(halves([1, 2])).toEqual([[1], [2]]);
  });
});
