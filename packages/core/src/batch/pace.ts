// Client-side pacing, so a batch stays under the cloud's write limits rather than spending retries on 429s:
// requests are spaced at most `rate` per second (a token bucket of size one), and the rate adapts to throttling:
// halved on a 429 (multiplicative decrease), raised a little on each success (additive increase) back up to the
// configured ceiling.
import { sleep } from '../retry/sleep.js';

export interface PacerOptions {
  /** Requests per second at most. */
  ratePerSecond: number;
  /** Lowest rate the decrease may reach (default ceiling / 16). */
  minRatePerSecond?: number | undefined;
  now?: (() => number) | undefined;
}

/** The least time `requests` take at `ratePerSecond`: the first goes at once, each next one 1/rate later. */
export function pacedMs(requests: number, ratePerSecond: number): number {
  return requests > 1 ? ((requests - 1) * 1000) / ratePerSecond : 0;
}

export class Pacer {
  private next = 0;
  private current: number;
  private readonly ceiling: number;
  private readonly floor: number;
  private readonly now: () => number;

  /** `ratePerSecond` is checked once, with the batch's options (options.ts). */
  constructor(options: PacerOptions) {
    this.ceiling = options.ratePerSecond;
    this.current = options.ratePerSecond;
    this.floor = options.minRatePerSecond ?? options.ratePerSecond / 16;
    this.now = options.now ?? Date.now;
  }

  /** The current rate, in requests per second. */
  get rate(): number {
    return this.current;
  }

  /** Resolves when the next request may be sent; rejects if `signal` is aborted (before or while waiting). */
  async acquire(signal?: AbortSignal): Promise<void> {
    const now = this.now();
    const at = Math.max(now, this.next);
    this.next = at + 1000 / this.current;
    // Even a call whose turn is now waits (0 ms) through `sleep`, which refuses an aborted signal.
    await sleep(at - now, signal);
  }

  onThrottled(): void {
    this.current = Math.max(this.floor, this.current / 2);
  }

  onSuccess(): void {
    this.current = Math.min(this.ceiling, this.current + this.ceiling / 20);
  }
}
