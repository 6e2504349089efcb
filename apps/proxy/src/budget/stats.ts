// What the budget did, per caller, for the metrics plugin to read (callers are the keys file's ids: a bounded
// set). Waits are in each admission's `waitedMs`, for a histogram.
import type { Admission } from './admission.js';

export interface CallerCounts {
  admitted: number;
  /** Refused: the budget could not send it within the queue's wait. */
  queueFull: number;
  /** Refused: the caller was over its own rate. */
  callerRate: number;
  /** Cancelled by its client while it waited. */
  cancelled: number;
}

export class BudgetStats {
  readonly callers = new Map<string, CallerCounts>();
  /** The cloud's own 429s reported to the budget. */
  cloudThrottled = 0;

  /** Counts an answer (`undefined`: the request was cancelled while it waited). */
  count(callerId: string, admission: Admission | undefined): void {
    let counts = this.callers.get(callerId);
    if (!counts) {
      counts = { admitted: 0, queueFull: 0, callerRate: 0, cancelled: 0 };
      this.callers.set(callerId, counts);
    }
    if (!admission) {
      counts.cancelled++;
    } else if (admission.ok) {
      counts.admitted++;
    } else if (admission.reason === 'queue-full') {
      counts.queueFull++;
    } else {
      counts.callerRate++;
    }
  }
}
