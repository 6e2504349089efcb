// The requests being forwarded right now, so a drain can wait for them (and for nothing else: a client that
// stalls mid-body has not asked for anything yet, and must not hold a shutdown open).
import type { ServerResponse } from 'node:http';

export class InFlight {
  #count = 0;
  #waiters: (() => void)[] = [];

  /** Counts a request until its answer is sent (or its connection is gone). */
  track(response: ServerResponse): void {
    this.#count++;
    response.once('close', () => {
      this.#count--;
      if (this.#count === 0) {
        for (const wake of this.#waiters.splice(0)) {
          wake();
        }
      }
    });
  }

  /** Resolves once no request is being forwarded. */
  idle(): Promise<void> {
    return this.#count === 0 ? Promise.resolve() : new Promise((resolve) => this.#waiters.push(resolve));
  }
}
