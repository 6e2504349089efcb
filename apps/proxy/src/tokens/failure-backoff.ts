// How long an identity provider that failed is left alone: the cooldown after one failure, doubled for each
// failure in a row up to MAX_FACTOR times it, so that a flood of tokens while it is down costs it one fetch per
// wait, and a provider that comes back is asked again within minutes.
const MAX_FACTOR = 8;

export class FailureBackoff {
  #failures = 0;
  #retryAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly cooldownMs: number,
    private readonly now: () => number,
  ) {}

  /** Milliseconds until the next attempt may be made (0: now). */
  waitMs(): number {
    return Math.max(0, this.#retryAt - this.now());
  }

  failed(): void {
    this.#failures += 1;
    this.#retryAt = this.now() + this.cooldownMs * Math.min(MAX_FACTOR, 2 ** (this.#failures - 1));
  }

  succeeded(): void {
    this.#failures = 0;
    this.#retryAt = Number.NEGATIVE_INFINITY;
  }
}
