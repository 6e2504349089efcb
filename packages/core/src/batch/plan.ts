// The plan of a batch: a finite list of IDs validated and de-duplicated completely, before anything is sent (the
// CLI's default, and its --dry-run), with the number of requests its chunks take at least.
import { type InvalidId, invalidReason } from './input.js';
import { BATCH_DEFAULTS, type BatchOptions } from './options.js';
import { pacedMs } from './pace.js';

export interface BatchPlan {
  /** Valid, distinct IDs in input order. */
  ids: string[];
  invalid: InvalidId[];
  /** Repeated occurrences (of valid or invalid IDs), collapsed. */
  duplicates: number;
  /** IDs read, repeated occurrences included. */
  total: number;
  chunkSize: number;
  /** Requests the valid IDs take at least (isolating failures takes more). */
  requests: number;
  /**
   * The least time those requests take at the rate (`ratePerSecond`, default 1.5), in ms; retries, isolation and
   * throttling take longer.
   */
  estimatedMs: number;
}

export function planBatch(
  ids: Iterable<string>,
  options: Pick<BatchOptions, 'chunkSize' | 'ratePerSecond'> = {},
): BatchPlan {
  const chunkSize = options.chunkSize ?? BATCH_DEFAULTS.chunkSize;
  const seen = new Set<string>();
  const plan: BatchPlan = {
    ids: [],
    invalid: [],
    duplicates: 0,
    total: 0,
    chunkSize,
    requests: 0,
    estimatedMs: 0,
  };
  for (const id of ids) {
    const index = plan.total++;
    if (seen.has(id)) {
      plan.duplicates++;
      continue;
    }
    seen.add(id);
    const reason = invalidReason(id);
    if (reason) {
      plan.invalid.push({ id, index, reason });
    } else {
      plan.ids.push(id);
    }
  }
  plan.requests = Math.ceil(plan.ids.length / chunkSize);
  plan.estimatedMs = pacedMs(plan.requests, options.ratePerSecond ?? BATCH_DEFAULTS.ratePerSecond);
  return plan;
}
