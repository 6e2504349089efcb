// The upstream budget: at most `rate` requests a second go to the cloud for the one identity the proxy signs with
// (a burst of `burst`), shrunk for a while after the cloud's own 429s. A request beyond it waits its turn,
// callers served by weighted fair queueing, for at most `queueWaitMs`; one that could not go in time is refused
// with the wait to expect, and never sent. Without Redis, the budget lives in this process ('memory'). With
// Redis, it is shared by every replica ('shared'); while Redis is lost or too slow, each replica keeps the same
// rules in memory with its share of the rate, the rate divided by the replicas last seen alive ('degraded'),
// and shares again once Redis answers. Each change of state is logged once and emitted as 'state'.
import { randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import type { Admission, BudgetCaller, Cancellation } from './admission.js';
import { type BudgetClock, systemClock } from './clock.js';
import { type LaneLimits, LocalLane } from './local-lane.js';
import { connectRedis, type RedisConnections, redisProblem } from './redis-connection.js';
import { RedisStore } from './redis-store.js';
import { SharedLane } from './shared-lane.js';
import { BudgetStats } from './stats.js';
import { Waiter } from './waiter.js';

export type BudgetState = 'memory' | 'shared' | 'degraded';

export interface BudgetStateChange {
  state: BudgetState;
  previous: BudgetState;
  /** Why, in a few words (an error's message, never a credential). */
  reason: string;
}

/** Where state changes are logged (pino's `info` and `warn` fit). */
export interface BudgetLogger {
  info(fields: Record<string, unknown>, message: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
}

export interface BudgetOptions extends LaneLimits {
  /** Share the budget through this Redis (or Valkey). */
  redis?: { url: string; prefix: string; timeoutMs: number } | undefined;
  logger?: BudgetLogger | undefined;
  /** Time for the budget (tests); an injected clock is also the shared budget's, instead of Redis's own. */
  clock?: BudgetClock | undefined;
}

/** How often a replica says it is alive, and how long that lasts; a degraded replica tries Redis as often. */
const HEARTBEAT_MS = 1000;
const HEARTBEAT_TTL_MS = 3000;

interface Shared {
  url: string;
  connections: RedisConnections;
  store: RedisStore;
  lane: SharedLane;
}

export class UpstreamBudget extends EventEmitter<{ state: [BudgetStateChange] }> {
  readonly stats = new BudgetStats();
  private current: BudgetState;
  private readonly clock: BudgetClock;
  private readonly local: LocalLane;
  private readonly shared: Shared | undefined;
  private replicas = 1;
  private sharedFactor = 1;
  private cancelHeartbeat: (() => void) | undefined;
  private beat: Promise<void> | undefined;
  private recovering = false;
  // Stryker disable next-line BooleanLiteral: only how soon another replica's grant is collected (this replica's next pump collects it too); tests assert no time.
  private subscribed = false;
  private closed = false;

  constructor(private readonly options: BudgetOptions) {
    super();
    this.clock = options.clock ?? systemClock;
    const settled = (waiter: Waiter, admission: Admission | undefined) =>
      this.stats.count(waiter.caller.id, admission);
    this.local = new LocalLane(options, this.clock, settled);
    this.current = options.redis ? 'degraded' : 'memory';
    if (options.redis) {
      const { url, prefix, timeoutMs } = options.redis;
      const connections = connectRedis(url, timeoutMs);
      const replica = randomBytes(6).toString('hex');
      const now = options.clock ? () => this.clock.now() : undefined;
      const store = new RedisStore(connections.commands, prefix, replica, options, now);
      const lane = new SharedLane(store, options, this.clock, settled, (error) => this.degrade(error));
      this.shared = { url, connections, store, lane };
      connections.commands.on('error', () => {});
      connections.subscriber.on('error', () => {});
      connections.commands.on('close', () => this.degrade(new Error('the connection to Redis closed')));
      // Either connection coming back may be the last one a degraded budget waits for.
      connections.commands.on('ready', () => this.heartbeat().catch(() => {}));
      // Stryker disable next-line StringLiteral,ArrowFunction: only how soon a degraded budget recovers (its next heartbeat, a second later, does it too).
      connections.subscriber.on('ready', () => this.heartbeat().catch(() => {}));
      // Stryker disable next-line StringLiteral,ArrowFunction: only how soon another replica's grant is collected (this replica's next pump collects it too).
      connections.subscriber.on('message', () => lane.granted());
    }
  }

  get state(): BudgetState {
    return this.current;
  }

  /** Requests of this replica waiting for their slot. */
  get queueDepth(): number {
    return this.local.depth + (this.shared?.lane.depth ?? 0);
  }

  /** Replicas alive at the last heartbeat (1 without Redis). */
  get replicasAlive(): number {
    return this.replicas;
  }

  /** The share of the configured rate in use after the cloud's 429s (AIMD), from 1/16 to 1. */
  get rateFactor(): number {
    return this.current === 'shared' ? this.sharedFactor : this.local.rateFactor;
  }

  /** Connects to Redis, if one is configured: resolves 'shared', or 'degraded' when it cannot be reached yet. */
  async start(): Promise<BudgetState> {
    const shared = this.shared;
    if (!shared) {
      return this.current;
    }
    const { commands, subscriber } = shared.connections;
    try {
      await Promise.all([commands.connect(), subscriber.connect()]);
      await this.heartbeat();
    } catch (error) {
      this.log('degraded', 'degraded', redisProblem(error, shared.url));
    }
    this.scheduleHeartbeat();
    return this.current;
  }

  /**
   * Waits for the request's turn: `{ ok: true, waitedMs }` when it may go upstream, or a refusal with the
   * wait to expect (`queue-full`, `caller-rate`). Rejects with the signal's reason when it aborts first (the
   * request leaves the queue); a function giving the signal is called only if the request has to wait. Never
   * rejects for Redis: it falls back to memory.
   */
  admit(caller: BudgetCaller, cancellation?: Cancellation): Promise<Admission> {
    if (cancellation instanceof AbortSignal && cancellation.aborted) {
      return Promise.reject(cancellation.reason);
    }
    if (this.current === 'shared' && this.shared) {
      return this.admitShared(this.shared, caller, cancellation);
    }
    return this.answer(caller, this.local.admit(caller), cancellation);
  }

  /** The cloud answered 429 (APIGW.0308): the budget shrinks. */
  onCloudThrottled(): void {
    this.stats.cloudThrottled++;
    this.local.throttled();
    if (this.current === 'shared' && this.shared) {
      this.shared.store.adjust('throttled').then(
        (factor) => {
          this.sharedFactor = factor;
        },
        // Stryker disable next-line ArrowFunction: only how soon a lost Redis is noticed (the next call to it fails too).
        (error: unknown) => this.degrade(error),
      );
    }
  }

  /** The cloud accepted a call: a shrunk budget grows back a little. */
  onCloudAccepted(): void {
    this.local.accepted();
    // Stryker disable next-line EqualityOperator: regrowing a shared factor of 1 keeps 1 (the script caps it).
    if (this.current === 'shared' && this.shared && this.sharedFactor < 1) {
      // Stryker disable next-line StringLiteral: the script grows the factor for any event but 'throttled'.
      this.shared.store.adjust('accepted').then(
        (factor) => {
          this.sharedFactor = factor;
        },
        // Stryker disable next-line ArrowFunction: only how soon a lost Redis is noticed (the next call to it fails too).
        (error: unknown) => this.degrade(error),
      );
    }
  }

  /** Resolves once no call to Redis is under way. */
  idle(): Promise<void> {
    return this.shared?.store.idle() ?? Promise.resolve();
  }

  /** Refuses whatever still waits, leaves the replicas, and closes the connections. */
  async close(): Promise<void> {
    // Stryker disable next-line BlockStatement: closing again repeats only steps that find nothing left to do.
    if (this.closed) {
      return;
    }
    this.closed = true;
    this.cancelHeartbeat?.();
    const now = this.clock.now();
    for (const waiter of [...this.local.evacuate(), ...(this.shared?.lane.evacuate() ?? [])]) {
      waiter.refuse('queue-full', this.options.queueWaitMs, now);
    }
    const shared = this.shared;
    if (shared) {
      if (this.current === 'shared') {
        await shared.store.heartbeat(HEARTBEAT_TTL_MS, true).catch(() => {});
      }
      await shared.store.idle();
      shared.connections.commands.disconnect();
      shared.connections.subscriber.disconnect();
    }
  }

  private async admitShared(
    shared: Shared,
    caller: BudgetCaller,
    cancellation?: Cancellation,
  ): Promise<Admission> {
    let outcome: Admission | Waiter;
    try {
      outcome = await shared.lane.admit(caller);
    } catch (error) {
      this.degrade(error);
      outcome = this.local.admit(caller);
    }
    return this.answer(caller, outcome, cancellation);
  }

  private answer(
    caller: BudgetCaller,
    outcome: Admission | Waiter,
    cancellation?: Cancellation,
  ): Promise<Admission> {
    if (!(outcome instanceof Waiter)) {
      this.stats.count(caller.id, outcome);
      return Promise.resolve(outcome);
    }
    const waiter = outcome;
    waiter.onDone(this.clock.setTimer(() => this.expire(waiter), waiter.deadline - this.clock.now()));
    if (cancellation) {
      const signal = typeof cancellation === 'function' ? cancellation() : cancellation;
      const onAbort = () => this.abandon(waiter, signal.reason);
      // Stryker disable next-line ObjectLiteral,BooleanLiteral: a signal aborts once, and the listener goes when the waiter is done.
      signal.addEventListener('abort', onAbort, { once: true });
      waiter.onDone(() => signal.removeEventListener('abort', onAbort));
      if (signal.aborted) {
        onAbort();
      }
    }
    return waiter.promise;
  }

  /** Its deadline came: refused, unless Redis granted it a slot meanwhile. */
  private expire(waiter: Waiter): void {
    if (waiter.entry) {
      this.local.serveDue();
    }
    // Stryker disable next-line BlockStatement: a waiter ignores any answer after its first (waiter.ts).
    if (waiter.done) {
      return;
    }
    if (waiter.entry) {
      waiter.refuse('queue-full', this.local.withdraw(waiter), this.clock.now());
      return;
    }
    const shared = this.shared;
    // Stryker disable LogicalOperator,BlockStatement: a waiter without a ticket (on its way between lanes) gets this same answer from the shared lane's withdraw, which asks Redis nothing for it.
    if (waiter.ticket === undefined || !shared) {
      waiter.refuse('queue-full', this.options.queueWaitMs, this.clock.now());
      return;
    }
    // Stryker restore LogicalOperator,BlockStatement
    shared.lane.withdraw(waiter).then(
      ({ granted, retryAfterMs }) =>
        granted
          ? waiter.admit(this.clock.now())
          : waiter.refuse('queue-full', retryAfterMs, this.clock.now()),
      (error: unknown) => {
        waiter.refuse('queue-full', this.options.queueWaitMs, this.clock.now());
        this.degrade(error);
      },
    );
  }

  /** Its client went away: it leaves the queue at once. */
  private abandon(waiter: Waiter, reason: unknown): void {
    if (waiter.entry) {
      this.local.withdraw(waiter);
      waiter.cancel(reason);
      return;
    }
    waiter.cancel(reason);
    // Stryker disable next-line LogicalOperator: withdrawing a waiter without a ticket asks nothing of Redis (shared-lane.ts).
    if (waiter.ticket !== undefined && this.shared) {
      // Stryker disable next-line ArrowFunction: only how soon a lost Redis is noticed (the next call to it fails too).
      this.shared.lane.withdraw(waiter).catch((error: unknown) => this.degrade(error));
    }
  }

  /** Redis failed or is too slow: the same rules in memory, with this replica's share of the rate. */
  private degrade(error: unknown): void {
    const shared = this.shared;
    if (this.current !== 'shared' || this.closed || !shared) {
      return;
    }
    this.local.share(this.replicas, this.sharedFactor);
    this.local.adopt(shared.lane.evacuate());
    this.change('degraded', redisProblem(error, shared.url));
  }

  /** Redis answers again: what waits in memory moves to the shared queue, then the budget is shared again. */
  private async recover(shared: Shared): Promise<void> {
    // Stryker disable next-line LogicalOperator,BlockStatement: one heartbeat at a time recovers (heartbeat() shares the one under way), and recovering a shared budget changes nothing.
    if (this.recovering || this.current !== 'degraded' || this.closed) {
      return;
    }
    // Stryker disable next-line BooleanLiteral: one heartbeat at a time recovers (see above).
    this.recovering = true;
    try {
      for (let waiters = this.local.evacuate(); waiters.length > 0; waiters = this.local.evacuate()) {
        for (const [index, waiter] of waiters.entries()) {
          try {
            await shared.lane.adopt(waiter);
          } catch (error) {
            // The one that failed is still the shared lane's: evacuate hands it back with the others.
            this.local.adopt([...shared.lane.evacuate(), ...waiters.slice(index + 1)]);
            throw error;
          }
        }
      }
      if (!this.closed) {
        this.change('shared', 'Redis answers');
      }
    } finally {
      this.recovering = false;
    }
  }

  /**
   * One heartbeat (the one under way, if any): the replicas alive and the shared factor; a degraded budget
   * recovers when it succeeds. Rejects when a degraded budget's Redis still fails.
   */
  private heartbeat(): Promise<void> {
    const shared = this.shared;
    // Stryker disable next-line LogicalOperator,BlockStatement: a closed budget's heartbeat fails on its closed connection and changes nothing (degrade() ignores a closed budget).
    if (!shared || this.closed) {
      return Promise.resolve();
    }
    this.beat ??= this.beatOnce(shared).finally(() => {
      this.beat = undefined;
    });
    return this.beat;
  }

  private async beatOnce(shared: Shared): Promise<void> {
    try {
      const { replicas, factor } = await shared.store.heartbeat(HEARTBEAT_TTL_MS);
      this.replicas = replicas;
      this.sharedFactor = factor;
      if (this.current === 'degraded') {
        await this.subscribe(shared);
        await this.recover(shared);
      }
    } catch (error) {
      if (this.current !== 'shared') {
        throw error;
      }
      this.degrade(error);
    }
  }

  /**
   * Listens for grants other replicas make for this one, before anything is queued (a grant announced before
   * would wait for this replica's next call). ioredis subscribes again by itself after a reconnect.
   */
  // Stryker disable all: only how soon another replica's grant is collected (this replica's next pump collects it too; subscribing again is harmless).
  private async subscribe(shared: Shared): Promise<void> {
    if (!this.subscribed) {
      await shared.connections.subscriber.subscribe(shared.store.grantsChannel);
      this.subscribed = true;
    }
  }
  // Stryker restore all

  private scheduleHeartbeat(): void {
    this.cancelHeartbeat = this.clock.setTimer(() => {
      this.heartbeat()
        .catch(() => {})
        .finally(() => {
          if (!this.closed) {
            this.scheduleHeartbeat();
          }
        });
    }, HEARTBEAT_MS);
  }

  private change(state: BudgetState, reason: string): void {
    const previous = this.current;
    // Stryker disable next-line BlockStatement: never the same state (degrade() and recover() check it first).
    if (previous === state) {
      return;
    }
    this.current = state;
    this.log(state, previous, reason);
    this.emit('state', { state, previous, reason });
  }

  private log(state: BudgetState, previous: BudgetState, reason: string): void {
    const logger = this.options.logger;
    if (state === 'degraded') {
      const share = this.options.rate / this.replicas;
      logger?.warn(
        { budgetState: state, previous, reason, replicas: this.replicas, ratePerReplica: share },
        `upstream budget: Redis cannot be used (${reason}); each replica sends at most ${share} requests/s upstream until it can`,
      );
    } else {
      logger?.info(
        { budgetState: state, previous, replicas: this.replicas },
        'upstream budget: shared through Redis',
      );
    }
  }
}
