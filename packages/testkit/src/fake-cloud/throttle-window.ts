// The gateway's throttling, as a fixed one-second window: more than `perSecond` requests in a window are over.
export class ThrottleWindow {
  #start = 0;
  #used = 0;

  constructor(
    private readonly perSecond: number | undefined,
    private readonly now: () => number,
  ) {}

  /** Counts one request; true when it is over the limit (to be answered 429). */
  over(): boolean {
    if (!this.perSecond) {
      return false;
    }
    const t = this.now();
    if (t - this.#start >= 1000) {
      this.#start = t;
      this.#used = 0;
    }
    this.#used += 1;
    return this.#used > this.perSecond;
  }
}
