// The retry policy of one request: which failures are worth another attempt and how long to wait. Pure (the
// random source is injected); the client runs the loop. AWS SDK "standard" mode is the anchor.
import { WorkspaceApiError, WorkspaceNetworkError } from '../errors/classes.js';
import { ruleOf } from '../errors/rules.js';

export interface RetryPolicy {
  /** Attempts in all, the first included (default 3; 1 disables retries). */
  maxAttempts: number;
  /** Base of the exponential backoff, in ms (default 100). */
  baseDelayMs: number;
  /** Base for throttling (429), in ms (default 500). */
  throttleBaseDelayMs: number;
  /** Longest wait between attempts, in ms (default 20 000); also caps `Retry-After`. */
  maxDelayMs: number;
  /** Retry HTTP 500 (default false: the service may have done part of the work). */
  retryServerErrors: boolean;
  /**
   * Retry when the outcome is uncertain: a timeout or reset after the request was sent, or a gateway 504.
   * The cloud may already have accepted the logoff, so a retry can deliver it (and its message) twice; the
   * desktop is not harmed by a second logoff. Default true; the result and errors say `uncertain: true`.
   */
  retryUncertain: boolean;
}

export const DEFAULT_RETRY_POLICY: Readonly<RetryPolicy> = Object.freeze({
  maxAttempts: 3,
  baseDelayMs: 100,
  throttleBaseDelayMs: 500,
  maxDelayMs: 20_000,
  retryServerErrors: false,
  retryUncertain: true,
});

/** The policy's fields a caller may set; an unset or undefined field keeps its default. */
export type RetryOptions = { [K in keyof RetryPolicy]?: RetryPolicy[K] | undefined };

/** The defaults with the fields `options` sets. */
export function retryPolicyOf(options: RetryOptions = {}): RetryPolicy {
  const defaults = DEFAULT_RETRY_POLICY;
  return {
    maxAttempts: options.maxAttempts ?? defaults.maxAttempts,
    baseDelayMs: options.baseDelayMs ?? defaults.baseDelayMs,
    throttleBaseDelayMs: options.throttleBaseDelayMs ?? defaults.throttleBaseDelayMs,
    maxDelayMs: options.maxDelayMs ?? defaults.maxDelayMs,
    retryServerErrors: options.retryServerErrors ?? defaults.retryServerErrors,
    retryUncertain: options.retryUncertain ?? defaults.retryUncertain,
  };
}

export type RetryDecision =
  | { retry: false; reason: string }
  | { retry: true; delayMs: number; reason: string };

/**
 * Decides whether attempt number `attempt` (1-based), which failed with `error`, is followed by another,
 * and after how long: full jitter, `random() * min(cap, base * 2^(attempt-1))`, or `Retry-After` when given.
 */
export function decideRetry(
  error: unknown,
  attempt: number,
  policy: RetryPolicy = DEFAULT_RETRY_POLICY,
  random: () => number = Math.random,
): RetryDecision {
  const verdict = classify(error, policy);
  if (!verdict.retry) {
    return verdict;
  }
  if (attempt >= policy.maxAttempts) {
    return { retry: false, reason: `gave up after ${attempt} attempt(s)` };
  }
  const retryAfter = error instanceof WorkspaceApiError ? error.retryAfterMs : undefined;
  if (retryAfter !== undefined) {
    return {
      retry: true,
      delayMs: Math.min(policy.maxDelayMs, retryAfter),
      reason: `${verdict.reason}, Retry-After`,
    };
  }
  const base = verdict.throttled ? policy.throttleBaseDelayMs : policy.baseDelayMs;
  const ceiling = Math.min(policy.maxDelayMs, base * 2 ** (attempt - 1));
  return { retry: true, delayMs: Math.floor(random() * ceiling), reason: verdict.reason };
}

type Verdict = { retry: false; reason: string } | { retry: true; reason: string; throttled: boolean };

/** Whether the failure is worth another attempt under `policy`, from the failure rules (errors/rules.ts). */
function classify(error: unknown, policy: RetryPolicy): Verdict {
  const network = error instanceof WorkspaceNetworkError;
  if (!network && !(error instanceof WorkspaceApiError)) {
    return { retry: false, reason: 'not retryable' };
  }
  const rule = ruleOf(error);
  const what = network ? error.kind : `HTTP ${error.status}`;
  const allowed = rule.retry === 'yes' || (rule.retry === 'if-server-errors' && policy.retryServerErrors);
  if (!allowed) {
    return { retry: false, reason: network ? what : `${what} is not retried` };
  }
  if (rule.uncertain && !policy.retryUncertain) {
    return { retry: false, reason: `${what}, outcome uncertain` };
  }
  return { retry: true, reason: rule.throttled ? 'throttled' : what, throttled: rule.throttled };
}
