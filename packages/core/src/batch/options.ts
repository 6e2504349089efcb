// The batch's defaults and the checks of its options, in one place: logoffMany applies them, the CLI presents them
// (its help shows these defaults, its flags are checked by these rules).
import type { ValidationIssue } from '../errors/classes.js';
import type { ReportTarget } from '../spec/generated/report.js';
import { MAX_DESKTOP_IDS_PER_REQUEST } from '../spec/limits.js';
import { checkMessage } from '../spec/validate.js';

export interface BatchOptions {
  /** Message shown to each user. */
  message?: string | undefined;
  /** IDs per request (1–100, default 100). */
  chunkSize?: number | undefined;
  /** Requests in flight at once (default 4). */
  concurrency?: number | undefined;
  /**
   * Requests per second at most (default 1.5, i.e. 90 a minute: Workspace documents per-user write limits
   * around 100 a minute). Halved on throttling, raised again on success. A client with `bearerAuth` (through the
   * wks-logoff proxy, which paces every caller) has no default rate: `concurrency` bounds it.
   */
  ratePerSecond?: number | undefined;
  /**
   * Calls allowed for isolating failing desktops, in all (default: half a call per ID read, pooled). When it runs
   * out, a failing group fails whole, its desktops marked `unisolated` (resumable).
   */
  isolationBudget?: number | undefined;
  /** Times a chunk that stayed throttled through its retries is put back in the queue (default 3). */
  maxRequeues?: number | undefined;
  /**
   * Where the calls go and how they are authenticated, recorded in the report as `target` so that it says where
   * its desktops were logged off (logoffMany does not read it: the client decides). Never put a secret in it.
   */
  target?: ReportTarget | undefined;
  /** Number of distinct IDs, when known (for progress); arrays are counted automatically. */
  total?: number | undefined;
  /** Stops launching new requests; in-flight ones finish; the rest are reported as skipped (`cancelled`). */
  signal?: AbortSignal | undefined;
  onProgress?: ((progress: BatchProgress) => void) | undefined;
}

/** What `onProgress` is told after each call. */
export interface BatchProgress {
  /** Distinct IDs settled so far. */
  done: number;
  total: number | undefined;
  succeeded: number;
  failed: number;
  skipped: number;
  /** HTTP attempts so far, retries included. */
  requests: number;
  retries: number;
  inFlight: number;
  /**
   * The pacer's current rate, requests per second: `Infinity` when nothing here limits it (a bearer client of the
   * wks-logoff proxy with no rate set, whose pace the proxy's upstream budget sets).
   */
  ratePerSecond: number;
}

export const BATCH_DEFAULTS = Object.freeze({
  /** IDs per request: the spec's most. */
  chunkSize: MAX_DESKTOP_IDS_PER_REQUEST,
  /** Requests in flight at once. */
  concurrency: 4,
  /** Requests per second at most: 90 a minute, under Workspace's per-user write limits (about 100 a minute). */
  ratePerSecond: 1.5,
  /** Times a chunk that stayed throttled through its retries is put back in the queue. */
  maxRequeues: 3,
  /**
   * Isolation calls earned by each ID read (pooled): well above what isolating a few percent of bad desktops takes
   * (the batch benchmark measures it), so the budget runs out only when failures are common.
   */
  isolationBudgetPerId: 0.5,
  /** Calls failing in a row because the cloud is down or unreachable (after their retries) that stop the batch. */
  systemicFailuresToStop: 3,
});

const positiveInteger = (value: number) => Number.isInteger(value) && value >= 1;
const nonNegativeInteger = (value: number) => Number.isInteger(value) && value >= 0;

/** Problems with batch options (empty when they are fine); fields are the options' names. */
export function checkBatchOptions(options: BatchOptions): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const check = (field: keyof BatchOptions, ok: (value: number) => boolean, message: string) => {
    const value = options[field];
    if (value !== undefined && !(typeof value === 'number' && ok(value))) {
      issues.push({ field, value, message });
    }
  };
  const max = MAX_DESKTOP_IDS_PER_REQUEST;
  check('chunkSize', (v) => positiveInteger(v) && v <= max, `must be an integer from 1 to ${max}`);
  check('concurrency', positiveInteger, 'must be a positive integer');
  check('ratePerSecond', (v) => Number.isFinite(v) && v > 0, 'must be a positive number');
  check('isolationBudget', nonNegativeInteger, 'must be a non-negative integer');
  check('maxRequeues', nonNegativeInteger, 'must be a non-negative integer');
  // A bad message would fail every chunk alike.
  if (options.message !== undefined) {
    issues.push(...checkMessage(options.message));
  }
  return issues;
}
