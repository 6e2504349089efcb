// GCRA (the generic cell rate algorithm): one request every `intervalMs`, up to `burst` at once. It keeps a single
// number, the theoretical arrival time of the next request, so it is cheap in memory and fits in one Redis
// value; the Lua scripts of the shared budget (redis-scripts.ts) run the same arithmetic.

export interface GcraLimit {
  /** Milliseconds between two requests at the sustained rate. */
  intervalMs: number;
  /** Requests allowed at once after a quiet spell (at least 1; need not be whole). */
  burst: number;
}

/**
 * A caller's `rate` (requests per second) as a limit: one second's worth at once, and at least one request, so a
 * rate below 1 (e.g. `rate / replicas`) allows one request every `1 / rate` seconds.
 */
export function callerLimit(rate: number): GcraLimit {
  return { intervalMs: 1000 / rate, burst: Math.max(1, rate) };
}

export class Gcra {
  /** When the next request would be on time at the sustained rate. */
  private arrival = Number.NEGATIVE_INFINITY;

  constructor(public limit: GcraLimit) {}

  /** Milliseconds until a request would be allowed (0: now). */
  waitMs(now: number): number {
    const { intervalMs, burst } = this.limit;
    return Math.max(0, Math.max(this.arrival, now) - (burst - 1) * intervalMs - now);
  }

  /** Takes a request's place when it is allowed now and returns 0; else the wait, taking nothing. */
  take(now: number): number {
    const wait = this.waitMs(now);
    if (wait === 0) {
      this.arrival = Math.max(this.arrival, now) + this.limit.intervalMs;
    }
    return wait;
  }
}
