// A clock the test moves: timers fire in time order as it advances, none by itself (a zero delay runs on the
// next turn of the event loop, as with setTimeout).
import type { BudgetClock } from '../../../src/budget/clock.js';

interface Timer {
  at: number;
  seq: number;
  callback: () => void;
}

export class ManualClock implements BudgetClock {
  private time = 0;
  private seq = 0;
  private readonly timers = new Set<Timer>();

  now(): number {
    return this.time;
  }

  /** Timers set and not yet fired or cancelled. */
  get pending(): number {
    return this.timers.size;
  }

  setTimer(callback: () => void, ms: number): () => void {
    if (ms <= 0) {
      const immediate = setImmediate(callback);
      return () => clearImmediate(immediate);
    }
    const timer = { at: this.time + ms, seq: this.seq++, callback };
    this.timers.add(timer);
    return () => this.timers.delete(timer);
  }

  /** Moves time forward by `ms`, firing each timer due on the way at its own instant. */
  advance(ms: number): void {
    const target = this.time + ms;
    for (let next = this.due(target); next; next = this.due(target)) {
      this.timers.delete(next);
      this.time = next.at;
      next.callback();
    }
    this.time = target;
  }

  private due(target: number): Timer | undefined {
    let first: Timer | undefined;
    for (const timer of this.timers) {
      if (
        timer.at <= target &&
        (!first || timer.at < first.at || (timer.at === first.at && timer.seq < first.seq))
      ) {
        first = timer;
      }
    }
    return first;
  }
}
