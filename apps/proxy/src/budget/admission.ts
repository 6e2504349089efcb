// What a request asks of the upstream budget, and the answer it gets.

/** The caller a request comes from, as the keys file names it. */
export interface BudgetCaller {
  id: string;
  /** Its share of the budget against other callers' while requests wait (default 1). */
  weight?: number | undefined;
  /** Its own limit, requests per second, on top of the budget. */
  rate?: number | undefined;
}

/** `queue-full`: the budget cannot send it within the queue's wait; `caller-rate`: the caller is over its rate. */
export type RefusalReason = 'queue-full' | 'caller-rate';

export type Admission =
  | { ok: true; waitedMs: number }
  | { ok: false; reason: RefusalReason; retryAfterMs: number; waitedMs: number };

/**
 * How a waiting request learns it was cancelled: its signal, or a function that makes one, called only if the
 * request has to wait (most are admitted at once, and a signal for each would be measurable CPU on the hot path).
 */
export type Cancellation = AbortSignal | (() => AbortSignal);
