// Several budgets on one real Redis, standing for proxy replicas, on one clock the test moves. Each cluster has
// a prefix of its own, so tests sharing a Redis never see each other's keys.
import type { Admission, BudgetCaller } from '../../../src/budget/admission.js';
import { type BudgetOptions, UpstreamBudget } from '../../../src/budget/upstream-budget.js';
import { Admissions } from './admissions.js';
import { ManualClock } from './manual-clock.js';

let clusters = 0;

export interface Cluster {
  clock: ManualClock;
  replicas: UpstreamBudget[];
  prefix: string;
  admissions: Admissions;
  /** Asks `count` times on replica `on`, and waits until those requests are answered or queued in Redis. */
  ask(on: number, caller: BudgetCaller, count: number, signal?: AbortSignal): Promise<Promise<Admission>[]>;
  /** Moves time `count` intervals, waiting after each for `perStep` more admissions. */
  steps(count: number, perStep?: number): Promise<void>;
  /** Waits until no replica has a call to Redis under way, and answers have arrived. */
  settle(): Promise<void>;
  close(): Promise<void>;
}

export const turn = () => new Promise((resolve) => setImmediate(resolve));

export async function cluster(
  url: string,
  count: number,
  options: Partial<Omit<BudgetOptions, 'redis' | 'clock'>> & { timeoutMs?: number; prefix?: string } = {},
): Promise<Cluster> {
  const clock = new ManualClock();
  const prefix = options.prefix ?? `wks-test-${process.pid}-${clusters++}:`;
  const admissions = new Admissions();
  const replicas = Array.from(
    { length: count },
    () =>
      new UpstreamBudget({
        rate: options.rate ?? 10,
        burst: options.burst ?? 1,
        queueWaitMs: options.queueWaitMs ?? 60_000,
        redis: { url, prefix, timeoutMs: options.timeoutMs ?? 2000 },
        clock,
        logger: options.logger,
      }),
  );
  await Promise.all(replicas.map((replica) => replica.start()));
  const interval = 1000 / (options.rate ?? 10);
  const settle = async () => {
    await turn();
    await Promise.all(replicas.map((replica) => replica.idle()));
    await turn();
  };
  return {
    clock,
    replicas,
    prefix,
    admissions,
    async ask(on, caller, times, signal) {
      const replica = replicas[on] as UpstreamBudget;
      const pending = Array.from({ length: times }, () =>
        admissions.track(caller.id, replica.admit(caller, signal)),
      );
      await replica.idle();
      return pending;
    },
    async steps(times, perStep = 1) {
      for (let i = 0; i < times; i++) {
        const target = admissions.admitted().length + perStep;
        clock.advance(interval);
        await admissions.reach(target);
      }
      await settle();
    },
    settle,
    async close() {
      await Promise.all(replicas.map((replica) => replica.close()));
    },
  };
}
