// A cloud without HTTP for the isolation strategy's tests: bad desktops of three kinds, and a call fails, as the
// real API does, with the error of the first kind of bad desktop it holds (unknown, then forbidden, then busy).
// Drives the strategy with calls in flight at once and answers in a seeded random order.
import { seededRandom } from '@wks-logoff/testkit';
import { type Call, IsolationStrategy } from '../../src/batch/isolation.js';

export type BadKind = 'unknown' | 'forbidden' | 'busy';

interface SimFailure {
  status: number;
  code: string;
  /** The call that failed. */
  call: number;
}

const KINDS: Record<BadKind, { status: number; code: string }> = {
  unknown: { status: 404, code: 'WKS.0003' },
  forbidden: { status: 403, code: 'WKS.0006' },
  busy: { status: 409, code: 'WKS.0407' },
};
const ORDER: BadKind[] = ['unknown', 'forbidden', 'busy'];

export interface SimRun {
  calls: number;
  isolationCalls: number;
  /** Each call's IDs, by call number (1-based). */
  sent: (readonly string[])[];
  succeeded: string[];
  failed: { id: string; failure: SimFailure; isolated: boolean; unisolated: boolean }[];
  budgetEarned: number;
}

export interface SimOptions {
  ids: readonly string[];
  bad: ReadonlyMap<string, BadKind>;
  concurrency: number;
  seed: number;
  chunkSize?: number;
  /** Isolation calls per ID (default 0.5, core's default). */
  perId?: number;
  /** The cloud names the bad desktops of a failed call in its error (the real one is not known to). */
  names?: boolean;
  /** IDs handed to the strategy at a time, as a reader would (default all at once). */
  feed?: number;
}

export function simulate(options: SimOptions): SimRun {
  const chunkSize = options.chunkSize ?? 100;
  const perId = options.perId ?? 0.5;
  const strategy = new IsolationStrategy<SimFailure>({ chunkSize, budget: { perId } });
  const rand = seededRandom(options.seed);
  const feed = options.feed ?? options.ids.length;
  const run: SimRun = { calls: 0, isolationCalls: 0, sent: [], succeeded: [], failed: [], budgetEarned: 0 };
  let read = 0;
  const inFlight: Call[] = [];
  const settle = (settlement: ReturnType<typeof strategy.accepted>) => {
    run.succeeded.push(...settlement.succeeded);
    for (const group of settlement.failed) {
      for (const id of group.ids) {
        run.failed.push({
          id,
          failure: group.failure,
          isolated: group.isolated,
          unisolated: group.unisolated === true,
        });
      }
    }
  };
  const moreInput = () => {
    const next = options.ids.slice(read, read + feed);
    read += next.length;
    strategy.add(next);
    run.budgetEarned += perId * next.length;
    return next.length > 0;
  };
  moreInput();
  for (;;) {
    const canWait = read < options.ids.length;
    while (inFlight.length < options.concurrency) {
      const call = strategy.next(canWait);
      if (!call) {
        break;
      }
      run.calls += 1;
      run.isolationCalls += Number(call.isolation);
      run.sent.push(call.ids);
      inFlight.push(call);
      (call as Call & { number?: number }).number = run.calls;
    }
    if (inFlight.length === 0) {
      if (canWait && moreInput()) {
        continue;
      }
      if (strategy.starved) {
        settle(strategy.exhaust());
        continue;
      }
      break;
    }
    if (strategy.starved && canWait) {
      moreInput();
    }
    const call = inFlight.splice(Math.floor(rand() * inFlight.length), 1)[0] as Call & { number: number };
    const kinds = new Set(call.ids.map((id) => options.bad.get(id)).filter((kind) => kind !== undefined));
    const kind = ORDER.find((k) => kinds.has(k));
    if (!kind) {
      settle(strategy.accepted(call));
      continue;
    }
    const named = options.names ? call.ids.filter((id) => options.bad.get(id) === kind) : [];
    settle(strategy.failed(call, { ...KINDS[kind], call: call.number }, true, named));
  }
  return run;
}

/** The fewest calls any strategy needs on average: max(⌈n/100⌉, ⌈log2 C(n, d)⌉). */
export function callLimit(n: number, d: number, chunkSize = 100): number {
  let log2 = 0;
  for (let i = 0; i < d; i++) {
    log2 += Math.log2((n - i) / (i + 1));
  }
  return Math.max(Math.ceil(n / chunkSize), Math.ceil(log2 - 1e-9));
}

export { KINDS as SIM_KINDS };
