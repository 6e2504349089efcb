// A bound on IAM logins per minute, shared by every token provider of one set of credentials: a caller that
// names many projects (a proxy's `*` key sending random project IDs) must not turn into a flood of logins.
// A sliding window: at most `perMinute` logins in any 60 seconds.
import { LocalLimitError } from '../errors/classes.js';

const MINUTE_MS = 60_000;

export class LoginBudget {
  readonly #times: number[] = [];

  constructor(
    readonly perMinute: number,
    private readonly now: () => number = Date.now,
  ) {
    if (!(Number.isInteger(perMinute) && perMinute > 0)) {
      throw new RangeError(`iamLoginsPerMinute must be a positive integer (got ${perMinute})`);
    }
  }

  /** Counts one login, or throws a LocalLimitError saying when the next one is allowed. */
  take(): void {
    const now = this.now();
    while (this.#times.length > 0 && (this.#times[0] as number) <= now - MINUTE_MS) {
      this.#times.shift();
    }
    if (this.#times.length >= this.perMinute) {
      const retryAfterMs = (this.#times[0] as number) + MINUTE_MS - now;
      throw new LocalLimitError(
        `IAM login limit reached (${this.perMinute} per minute); nothing was sent. Retry in ${Math.ceil(retryAfterMs / 1000)} s.`,
        retryAfterMs,
      );
    }
    this.#times.push(now);
  }
}
