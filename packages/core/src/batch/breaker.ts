// The batch's circuit breaker: calls that fail because the cloud (or the way to it) is failing every call alike,
// several in a row, stop the batch, so a dead endpoint costs a few calls, not every chunk's retries. While the
// latest call failed that way, calls go one at a time (a trial call), so a dead endpoint is found with few attempts.
// Anything else (a success, one desktop's error, throttling) shows the cloud is there and resets the count.
export class Breaker {
  #inARow = 0;

  constructor(private readonly threshold: number) {}

  /** The latest answer was a systemic failure: send one call at a time until one is not. */
  get failing(): boolean {
    return this.#inARow > 0;
  }

  /** Enough systemic failures in a row: stop. */
  get tripped(): boolean {
    return this.#inARow >= this.threshold;
  }

  record(systemic: boolean): void {
    this.#inARow = systemic ? this.#inARow + 1 : 0;
  }
}
