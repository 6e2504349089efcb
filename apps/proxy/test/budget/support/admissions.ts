// Records admissions as they are answered, in order, and lets a test wait for the n-th (an event, not a sleep).
import type { Admission } from '../../../src/budget/admission.js';

export interface Answered {
  label: string;
  admission: Admission;
}

export class Admissions {
  readonly answered: Answered[] = [];
  private readonly waits: { count: number; resolve: () => void }[] = [];

  /** Follows one request; `label` names it in `order()` (e.g. its caller). */
  track(label: string, pending: Promise<Admission>): Promise<Admission> {
    return pending.then((admission) => {
      this.answered.push({ label, admission });
      for (const wait of [...this.waits]) {
        if (this.admitted().length >= wait.count) {
          this.waits.splice(this.waits.indexOf(wait), 1);
          wait.resolve();
        }
      }
      return admission;
    });
  }

  /** Labels of the admitted requests, in the order they were admitted. */
  admitted(): string[] {
    return this.answered.filter((entry) => entry.admission.ok).map((entry) => entry.label);
  }

  refused(): Answered[] {
    return this.answered.filter((entry) => !entry.admission.ok);
  }

  /** Resolves once `count` requests have been admitted. */
  reach(count: number): Promise<void> {
    if (this.admitted().length >= count) {
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waits.push({ count, resolve }));
  }
}
