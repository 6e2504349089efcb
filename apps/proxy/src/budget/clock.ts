// Time for the budget: the system's by default. Tests pass a clock of their own and move it, instead of waiting.
export interface BudgetClock {
  /** Milliseconds, monotonic. */
  now(): number;
  /** Runs `callback` after `ms`; returns what cancels it. */
  setTimer(callback: () => void, ms: number): () => void;
}

export const systemClock: BudgetClock = {
  now: () => performance.now(),
  setTimer(callback, ms) {
    const timer = setTimeout(callback, ms);
    return () => clearTimeout(timer);
  },
};
