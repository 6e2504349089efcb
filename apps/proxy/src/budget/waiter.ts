// A request waiting for its turn: its promise, settled once, and whatever must be undone when it is (its
// deadline's timer, its signal's listener). Whichever lane holds it (local or shared) keeps its place there.
import type { Admission, BudgetCaller, RefusalReason } from './admission.js';
import type { FairEntry } from './fair-queue.js';

export class Waiter {
  readonly promise: Promise<Admission>;
  private resolve!: (admission: Admission) => void;
  private reject!: (reason: unknown) => void;
  private settled = false;
  private readonly undo: (() => void)[] = [];
  /** Its place in the local fair queue, while it waits there. */
  entry: FairEntry<Waiter> | undefined;
  /** Its ticket in the shared queue (Redis), while it waits there. */
  ticket: string | undefined;

  constructor(
    readonly caller: BudgetCaller,
    readonly since: number,
    /** When it stops waiting (refused), on the budget's clock. */
    readonly deadline: number,
    private readonly onSettled: (waiter: Waiter, admission: Admission | undefined) => void,
  ) {
    this.promise = new Promise<Admission>((resolve, reject) => {
      this.resolve = resolve;
      this.reject = reject;
    });
  }

  get done(): boolean {
    return this.settled;
  }

  /** Runs `cleanup` once it is settled. */
  onDone(cleanup: () => void): void {
    this.undo.push(cleanup);
  }

  admit(now: number): void {
    this.settle({ ok: true, waitedMs: Math.max(0, now - this.since) });
  }

  refuse(reason: RefusalReason, retryAfterMs: number, now: number): void {
    this.settle({
      ok: false,
      reason,
      retryAfterMs: Math.ceil(retryAfterMs),
      waitedMs: Math.max(0, now - this.since),
    });
  }

  /** Its request was cancelled: the promise rejects with the signal's reason. */
  cancel(reason: unknown): void {
    this.finish(undefined);
    // A promise settles once: after an admission or a refusal, this changes nothing.
    this.reject(reason);
  }

  private settle(admission: Admission): void {
    this.finish(admission);
    this.resolve(admission);
  }

  /** The first settlement only: its cleanups run and the lane hears of it once. */
  private finish(admission: Admission | undefined): void {
    if (this.settled) {
      return;
    }
    this.settled = true;
    for (const cleanup of this.undo.splice(0)) {
      cleanup();
    }
    this.onSettled(this, admission);
  }
}
