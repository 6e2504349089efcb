// The client's defaults and the checks of its options, in one place: createLogoffClient applies them, the CLI
// presents them.
import type { ValidationIssue } from '../errors/classes.js';
import { DEFAULT_RETRY_POLICY, type RetryOptions } from '../retry/policy.js';

export const CLIENT_DEFAULTS = Object.freeze({
  /** Timeout of one attempt, in ms. */
  timeoutMs: 30_000,
  retry: DEFAULT_RETRY_POLICY,
});

export interface ClientOptionsToCheck {
  timeoutMs?: number | undefined;
  totalTimeoutMs?: number | undefined;
  retry?: RetryOptions | undefined;
}

/** Problems with the client's numbers (empty when they are fine); retry fields are named `retry/<name>`. */
export function checkClientOptions(options: ClientOptionsToCheck): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const check = (field: string, value: unknown, ok: (value: number) => boolean, message: string) => {
    if (value !== undefined && !(typeof value === 'number' && ok(value))) {
      issues.push({ field, value, message });
    }
  };
  const positive = (v: number) => Number.isFinite(v) && v > 0;
  const nonNegative = (v: number) => Number.isFinite(v) && v >= 0;
  check('timeoutMs', options.timeoutMs, positive, 'must be a positive number');
  check('totalTimeoutMs', options.totalTimeoutMs, positive, 'must be a positive number');
  const retry = options.retry ?? {};
  check(
    'retry/maxAttempts',
    retry.maxAttempts,
    (v) => Number.isInteger(v) && v >= 1,
    'must be a positive integer',
  );
  for (const name of ['baseDelayMs', 'throttleBaseDelayMs', 'maxDelayMs'] as const) {
    check(`retry/${name}`, retry[name], nonNegative, 'must be a non-negative number');
  }
  return issues;
}
