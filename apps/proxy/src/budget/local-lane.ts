// The budget in this process's memory: the only one without Redis, and each replica's fallback while Redis is
// lost, with the rate shared out among the replicas last seen alive. Callers' rates, the upstream GCRA (its
// interval stretched by AIMD after cloud 429s), and the fair queue of requests waiting for a slot.
import type { Admission, BudgetCaller } from './admission.js';
import { regrown, shrunk } from './aimd.js';
import type { BudgetClock } from './clock.js';
import { FairQueue } from './fair-queue.js';
import { callerLimit, Gcra } from './gcra.js';
import { Waiter } from './waiter.js';

export interface LaneLimits {
  /** Requests per second upstream. */
  rate: number;
  /** Requests at once after a quiet spell. */
  burst: number;
  /** The longest a request may wait for its slot. */
  queueWaitMs: number;
}

type Settled = (waiter: Waiter, admission: Admission | undefined) => void;

export class LocalLane {
  private readonly queue = new FairQueue<Waiter>();
  private readonly upstream: Gcra;
  private readonly callers = new Map<string, { rate: number; gcra: Gcra }>();
  private factor = 1;
  private replicas = 1;
  private cancelRelease: (() => void) | undefined;
  private releaseAt = Number.POSITIVE_INFINITY;

  constructor(
    private readonly limits: LaneLimits,
    private readonly clock: BudgetClock,
    private readonly settled: Settled,
  ) {
    this.upstream = new Gcra(this.upstreamLimit());
  }

  /** Requests waiting here. */
  get depth(): number {
    return this.queue.size;
  }

  /** The share of the configured rate in use (AIMD), from 1/16 to 1. */
  get rateFactor(): number {
    return this.factor;
  }

  /** Requests per second this lane sends upstream at most, now. */
  get rate(): number {
    return (this.limits.rate * this.factor) / this.replicas;
  }

  /** Shares the rates out among this many replicas (while Redis is lost), and follows the shared AIMD factor. */
  share(replicas: number, factor: number): void {
    this.replicas = Math.max(1, replicas);
    this.factor = factor;
    this.retune();
  }

  throttled(): void {
    this.factor = shrunk(this.factor);
    this.retune();
  }

  accepted(): void {
    // Stryker disable next-line EqualityOperator: regrowing a factor of 1 keeps 1 (aimd.ts), and retuning to the same rate changes no slot.
    if (this.factor < 1) {
      this.factor = regrown(this.factor);
      this.retune();
    }
  }

  /** An answer at once, or a Waiter that gets one when its slot comes (or its deadline). */
  admit(caller: BudgetCaller): Admission | Waiter {
    const now = this.clock.now();
    const own = caller.rate ? this.callerGcra(caller.id, caller.rate) : undefined;
    const callerWait = own ? own.waitMs(now) : 0;
    if (callerWait > 0) {
      return { ok: false, reason: 'caller-rate', retryAfterMs: Math.ceil(callerWait), waitedMs: 0 };
    }
    if (this.queue.size === 0 && this.upstream.take(now) === 0) {
      own?.take(now);
      return { ok: true, waitedMs: 0 };
    }
    const weight = caller.weight ?? 1;
    const expected = this.expectedWait(this.queue.ahead(this.queue.finishFor(caller.id, weight)), now);
    if (expected > this.limits.queueWaitMs) {
      return { ok: false, reason: 'queue-full', retryAfterMs: Math.ceil(expected), waitedMs: 0 };
    }
    own?.take(now);
    const waiter = new Waiter(caller, now, now + this.limits.queueWaitMs, this.settled);
    this.wait(waiter);
    return waiter;
  }

  /** Takes in waiters from the shared lane (Redis lost), in their order of arrival. */
  adopt(waiters: Waiter[]): void {
    for (const waiter of waiters) {
      if (!waiter.done) {
        this.wait(waiter);
      }
    }
  }

  /** Gives up every waiter (Redis is back): they go on waiting in the shared lane. */
  evacuate(): Waiter[] {
    this.stopRelease();
    const waiters = this.queue.drain();
    for (const waiter of waiters) {
      waiter.entry = undefined;
    }
    return waiters;
  }

  /** Takes a waiter out (cancelled, or out of time); the wait a new request would face from its place. */
  withdraw(waiter: Waiter): number {
    const entry = waiter.entry;
    waiter.entry = undefined;
    if (!entry || !this.queue.remove(entry)) {
      return this.expectedWait(this.queue.size, this.clock.now());
    }
    return this.expectedWait(this.queue.ahead(entry.finish), this.clock.now());
  }

  private wait(waiter: Waiter): void {
    waiter.entry = this.queue.push(waiter, waiter.caller.id, waiter.caller.weight ?? 1);
    this.scheduleRelease(this.clock.now());
  }

  /** How long a request with `ahead` requests before it would wait: its slot, and one interval per request. */
  private expectedWait(ahead: number, now: number): number {
    return this.upstream.waitMs(now) + ahead * this.upstream.limit.intervalMs;
  }

  /** Admits whoever's slot is due now (before a deadline at the same instant refuses it). */
  serveDue(): void {
    this.release();
  }

  private release = (): void => {
    // Stryker disable next-line OptionalChaining: release() runs from its own timer or while waiters are queued, so a timer is always set.
    this.cancelRelease?.();
    this.cancelRelease = undefined;
    this.releaseAt = Number.POSITIVE_INFINITY;
    const now = this.clock.now();
    for (let next = this.queue.peek(); next; next = this.queue.peek()) {
      // One answered elsewhere meanwhile (e.g. refused while it moved between lanes) takes no slot.
      if (next.item.done) {
        this.queue.remove(next);
        continue;
      }
      if (this.upstream.take(now) > 0) {
        break;
      }
      this.queue.shift();
      next.item.entry = undefined;
      next.item.admit(now);
    }
    this.scheduleRelease(now);
  };

  private scheduleRelease(now: number): void {
    if (this.queue.size === 0) {
      this.stopRelease();
      return;
    }
    const at = now + this.upstream.waitMs(now);
    // Stryker disable next-line EqualityOperator,BlockStatement: setting the release timer again for the same or a later slot admits the same requests at the same instants.
    if (at >= this.releaseAt) {
      return;
    }
    this.cancelRelease?.();
    this.releaseAt = at;
    this.cancelRelease = this.clock.setTimer(this.release, Math.ceil(at - now));
  }

  private stopRelease(): void {
    this.cancelRelease?.();
    this.cancelRelease = undefined;
    this.releaseAt = Number.POSITIVE_INFINITY;
  }

  private retune(): void {
    this.upstream.limit = this.upstreamLimit();
    // A faster rate may make the next slot earlier than the timer set for it.
    this.stopRelease();
    this.scheduleRelease(this.clock.now());
  }

  private upstreamLimit() {
    return { intervalMs: 1000 / this.rate, burst: this.limits.burst };
  }

  /** A caller's own limit: its `rate`, shared out like the upstream's while Redis is lost. */
  private callerGcra(id: string, rate: number): Gcra {
    const perReplica = rate / this.replicas;
    let own = this.callers.get(id);
    if (own?.rate !== perReplica) {
      own = { rate: perReplica, gcra: new Gcra(callerLimit(perReplica)) };
      this.callers.set(id, own);
    }
    return own.gcra;
  }
}
