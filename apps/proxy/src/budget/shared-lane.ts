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
    if (ticket === undefined) {
      return { granted: false, retryAfterMs: this.limits.queueWaitMs };
    }
    // It stays known until the answer: a grant that arrives first is still its own.
    const sent = this.clock.now();
    const answer = await this.store.withdraw(ticket);
    this.release(waiter);
    this.collect(answer, sent);
    return { granted: answer.status === 'granted', retryAfterMs: Number(answer.value) };
  }

  /** Another replica granted one of this replica's tickets: collect it now. */
  granted(): void {
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
    if (this.waiting.size === 0) {
      this.stopPump();
    } else if (answer.nextMs >= 0) {
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
    const at = this.clock.now() + inMs;
    if (at >= this.pumpAt) {
      return;
    }
    this.cancelPump?.();
    this.pumpAt = at;
    this.cancelPump = this.clock.setTimer(this.pump, inMs);
  }

  private stopPump(): void {
    this.cancelPump?.();
    this.cancelPump = undefined;
    this.pumpAt = Number.POSITIVE_INFINITY;
  }

  private pump = (): void => {
    this.cancelPump = undefined;
    this.pumpAt = Number.POSITIVE_INFINITY;
    if (this.pumping) {
      this.pumpAgain = true;
      return;
    }
    this.pumping = true;
    const sent = this.clock.now();
    this.store.pump().then(
      (answer) => {
        this.pumping = false;
        this.collect(answer, sent);
        if (this.pumpAgain) {
          this.pumpAgain = false;
          this.granted();
        }
      },
      (error: unknown) => {
        this.pumping = false;
        this.pumpAgain = false;
        this.failed(error);
      },
    );
  };
}
