// The shared budget's state in Redis, through the scripts of redis-scripts.ts: every key under one prefix, each
// with a TTL, so a Redis shared with other services stays clean.
import type { Redis } from 'ioredis';
import type { BudgetCaller } from './admission.js';
import { AIMD } from './aimd.js';
import { tagCost } from './fair-queue.js';
import { callerLimit } from './gcra.js';
import type { LaneLimits } from './local-lane.js';
import { BUDGET_SCRIPTS } from './redis-scripts.js';

/** State keys live this long after their last use (an idle budget forgets its AIMD factor and virtual time). */
const KEY_TTL_MS = 600_000;
/** A ticket outlives its replica's deadline by this much, so the replica withdraws it before Redis drops it. */
const TICKET_GRACE_MS = 1000;

export interface StoreAnswer {
  status: 'admitted' | 'queued' | 'queue-full' | 'caller-rate' | 'pumped' | 'withdrawn' | 'granted' | 'gone';
  /** The ticket (queued), or milliseconds (a refusal's wait; withdrawn: the wait from its place). */
  value: string;
  /** When this replica should ask again for grants (ms), or -1 when nothing waits. */
  nextMs: number;
  /** Tickets of this replica granted (by this call, or by another replica's since the last). */
  grants: string[];
}

type Script = (...args: (string | number)[]) => Promise<unknown>;
type BudgetCommands = Record<keyof typeof BUDGET_SCRIPTS, Script>;

export class RedisStore {
  private readonly commands: BudgetCommands;
  private calls = 0;
  private whenIdle: (() => void)[] = [];

  constructor(
    redis: Redis,
    readonly prefix: string,
    readonly replica: string,
    private readonly limits: LaneLimits,
    /** The budget's clock when a test injects one; by default the scripts read Redis's own. */
    private readonly now: (() => number) | undefined,
  ) {
    for (const [name, definition] of Object.entries(BUDGET_SCRIPTS)) {
      redis.defineCommand(name, definition);
    }
    this.commands = redis as unknown as BudgetCommands;
  }

  /** The channel where other replicas announce this one's grants. */
  get grantsChannel(): string {
    return `${this.prefix}grants:${this.replica}`;
  }

  enqueue(caller: BudgetCaller, options: { force: boolean; lifetimeMs: number }): Promise<StoreAnswer> {
    const own = caller.rate ? callerLimit(caller.rate) : undefined;
    return this.queueScript(
      'wksBudgetEnqueue',
      [this.key(`rate:${caller.id}`)],
      [
        caller.id,
        tagCost(caller.weight ?? 1),
        own?.intervalMs ?? 0,
        own?.burst ?? 1,
        this.limits.queueWaitMs,
        options.lifetimeMs + TICKET_GRACE_MS,
        options.force ? '1' : '0',
      ],
    );
  }

  pump(): Promise<StoreAnswer> {
    return this.queueScript('wksBudgetPump', [], []);
  }

  withdraw(ticket: string): Promise<StoreAnswer> {
    return this.queueScript('wksBudgetWithdraw', [], [ticket]);
  }

  /** AIMD on the shared factor; the factor after it. */
  async adjust(event: 'throttled' | 'accepted'): Promise<number> {
    const factor = await this.track(
      this.commands.wksBudgetAdjust(
        this.key('upstream'),
        event,
        AIMD.decrease,
        AIMD.increase,
        AIMD.floor,
        KEY_TTL_MS,
      ),
    );
    return Number(factor);
  }

  /** Says this replica is alive for `ttlMs` (or leaving); the replicas alive and the shared AIMD factor. */
  async heartbeat(ttlMs: number, leaving = false): Promise<{ replicas: number; factor: number }> {
    const [replicas, factor] = (await this.track(
      this.commands.wksBudgetHeartbeat(
        this.key('replicas'),
        this.key('upstream'),
        this.now?.() ?? '',
        this.replica,
        ttlMs,
        leaving ? '1' : '0',
      ),
    )) as [number, string];
    return { replicas: Number(replicas), factor: Number(factor) };
  }

  /** Resolves once no call to Redis is under way (tests, and closing). */
  idle(): Promise<void> {
    return this.calls === 0 ? Promise.resolve() : new Promise((resolve) => this.whenIdle.push(resolve));
  }

  private async track<T>(call: Promise<T>): Promise<T> {
    this.calls++;
    try {
      return await call;
    } finally {
      this.calls--;
      if (this.calls === 0) {
        for (const resolve of this.whenIdle.splice(0)) {
          resolve();
        }
      }
    }
  }

  private key(name: string): string {
    return `${this.prefix}${name}`;
  }

  private async queueScript(
    script: 'wksBudgetEnqueue' | 'wksBudgetPump' | 'wksBudgetWithdraw',
    keys: string[],
    args: (string | number)[],
  ): Promise<StoreAnswer> {
    const reply = (await this.track(
      this.commands[script](
        this.key('upstream'),
        this.key('queue'),
        this.key('deadlines'),
        this.key('fair'),
        this.key(`granted:${this.replica}`),
        ...keys,
        this.now?.() ?? '',
        this.replica,
        this.prefix,
        1000 / this.limits.rate,
        this.limits.burst,
        KEY_TTL_MS,
        ...args,
      ),
    )) as [StoreAnswer['status'], string, number, ...string[]];
    const [status, value, nextMs, ...grants] = reply;
    return { status, value, nextMs: Number(nextMs), grants };
  }
}
