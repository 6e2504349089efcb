// The retry policy, as a table: pure, no sockets.
import { describe, expect, it } from 'vitest';
import { ValidationError, WorkspaceApiError, WorkspaceNetworkError } from '../../src/index.js';
import { DEFAULT_RETRY_POLICY, decideRetry, retryPolicyOf } from '../../src/retry/policy.js';

const api = (status: number, extra: Partial<ConstructorParameters<typeof WorkspaceApiError>[0]> = {}) =>
  new WorkspaceApiError({ status, source: 'gateway', ...extra });
const net = (kind: 'connect' | 'timeout' | 'reset' | 'aborted' | 'network') =>
  new WorkspaceNetworkError(kind, kind);

describe('decideRetry', () => {
  it.each([
    ['429 throttled', api(429), true],
    ['502', api(502), true],
    ['503', api(503), true],
    ['504 (uncertain, retried by default)', api(504), true],
    ['connection refused', net('connect'), true],
    ['reset', net('reset'), true],
    ['timeout', net('timeout'), true],
    ['500 (not by default)', api(500), false],
    ['400', api(400), false],
    ['401 (never: AK/SK lockout)', api(401, { errorCode: 'APIGW.0301' }), false],
    ['403', api(403), false],
    ['404', api(404), false],
    ['409', api(409), false],
    ['aborted', net('aborted'), false],
    ['validation', new ValidationError([]), false],
    ['a foreign error', new Error('x'), false],
  ])('%s → retry %s', (_label, error, retry) => {
    expect(decideRetry(error, 1).retry).toBe(retry);
  });

  it('retries 500 only when asked to, and nothing else that is never retried', () => {
    const policy = { ...DEFAULT_RETRY_POLICY, retryServerErrors: true };
    expect(decideRetry(api(500), 1, policy).retry).toBe(true);
    for (const status of [400, 401, 403, 404, 409]) {
      expect(decideRetry(api(status), 1, policy)).toEqual({
        retry: false,
        reason: `HTTP ${status} is not retried`,
      });
    }
  });

  // The reason of each decision is what --debug and onAttempt show the user.
  it.each([
    [
      '429 with Retry-After',
      api(429, { retryAfterMs: 1000 }),
      DEFAULT_RETRY_POLICY,
      'throttled, Retry-After',
    ],
    ['429', api(429), DEFAULT_RETRY_POLICY, 'throttled'],
    ['503', api(503), DEFAULT_RETRY_POLICY, 'HTTP 503'],
    ['connection refused', net('connect'), DEFAULT_RETRY_POLICY, 'connect'],
    ['404', api(404), DEFAULT_RETRY_POLICY, 'HTTP 404 is not retried'],
    ['aborted', net('aborted'), DEFAULT_RETRY_POLICY, 'aborted'],
    ['validation', new ValidationError([]), DEFAULT_RETRY_POLICY, 'not retryable'],
    ['a foreign error', new Error('x'), DEFAULT_RETRY_POLICY, 'not retryable'],
    [
      '504, uncertain not retried',
      api(504),
      { ...DEFAULT_RETRY_POLICY, retryUncertain: false },
      'HTTP 504, outcome uncertain',
    ],
    [
      'timeout, uncertain not retried',
      net('timeout'),
      { ...DEFAULT_RETRY_POLICY, retryUncertain: false },
      'timeout, outcome uncertain',
    ],
  ])('the reason for %s', (_label, error, policy, reason) => {
    expect(decideRetry(error, 1, policy, () => 0).reason).toBe(reason);
  });

  it('does not retry uncertain outcomes when retryUncertain is off', () => {
    const policy = { ...DEFAULT_RETRY_POLICY, retryUncertain: false };
    expect(decideRetry(net('timeout'), 1, policy).retry).toBe(false);
    expect(decideRetry(net('reset'), 1, policy).retry).toBe(false);
    expect(decideRetry(api(504), 1, policy).retry).toBe(false);
    expect(decideRetry(net('connect'), 1, policy).retry).toBe(true);
  });

  it('stops at maxAttempts', () => {
    expect(decideRetry(api(503), 2).retry).toBe(true);
    expect(decideRetry(api(503), 3)).toEqual({ retry: false, reason: 'gave up after 3 attempt(s)' });
  });

  it('uses full jitter: random() × min(cap, base × 2^(attempt−1))', () => {
    const at = (attempt: number, error: unknown, r: number) => {
      const decision = decideRetry(error, attempt, { ...DEFAULT_RETRY_POLICY, maxAttempts: 20 }, () => r);
      return decision.retry ? decision.delayMs : -1;
    };
    expect([1, 2, 3].map((n) => at(n, api(503), 0.999999))).toEqual([99, 199, 399]);
    expect([1, 2, 3].map((n) => at(n, api(429), 0.999999))).toEqual([499, 999, 1999]);
    expect(at(15, api(503), 0.999999)).toBe(19_999);
    expect(at(3, api(503), 0)).toBe(0);
  });

  it('honours Retry-After, capped at maxDelayMs', () => {
    expect(decideRetry(api(429, { retryAfterMs: 3000 }), 1)).toMatchObject({ retry: true, delayMs: 3000 });
    expect(decideRetry(api(429, { retryAfterMs: 60_000 }), 1)).toMatchObject({
      retry: true,
      delayMs: 20_000,
    });
  });
});

describe('retryPolicyOf', () => {
  it('keeps the default of every field left unset or set to undefined', () => {
    expect(retryPolicyOf({ maxAttempts: undefined, maxDelayMs: 5 })).toEqual({
      ...DEFAULT_RETRY_POLICY,
      maxDelayMs: 5,
    });
    expect(retryPolicyOf()).toEqual(DEFAULT_RETRY_POLICY);
  });

  it('takes false and 0 as values, not as unset', () => {
    const policy = retryPolicyOf({ retryUncertain: false, baseDelayMs: 0 });
    expect(policy.retryUncertain).toBe(false);
    expect(policy.baseDelayMs).toBe(0);
  });
});
