// The failure rules, row by row: what each failure means for retries, uncertainty, throttling, stopping a batch
// and isolating a desktop. The errors, the retry policy and the batch read these; this is their one statement.
import { describe, expect, it } from 'vitest';
import { type FailureRule, httpRule, networkRule, ruleOf } from '../../src/errors/rules.js';
import { WorkspaceApiError, WorkspaceNetworkError } from '../../src/index.js';

const row = (r: FailureRule) => [r.retry, r.uncertain, r.throttled, r.stop ?? '-', r.isolatable];

describe('failure rules', () => {
  it.each([
    // status, source, retry, uncertain, throttled, stop, isolatable
    [400, 'service', 'no', false, false, '-', 'if-named'],
    [400, 'gateway', 'no', false, false, '-', 'no'],
    [401, 'gateway', 'no', false, false, 'auth', 'no'],
    [401, 'service', 'no', false, false, 'auth', 'no'],
    [403, 'service', 'no', false, false, '-', 'yes'],
    [403, 'gateway', 'no', false, false, 'forbidden', 'no'],
    [403, 'unknown', 'no', false, false, 'forbidden', 'no'],
    [404, 'service', 'no', false, false, '-', 'yes'],
    [404, 'gateway', 'no', false, false, '-', 'no'],
    [409, 'service', 'no', false, false, '-', 'yes'],
    [413, 'gateway', 'no', false, false, '-', 'no'],
    [429, 'gateway', 'yes', false, true, '-', 'no'],
    [500, 'service', 'if-server-errors', false, false, '-', 'no'],
    [502, 'unknown', 'yes', false, false, '-', 'no'],
    [503, 'gateway', 'yes', false, false, '-', 'no'],
    [504, 'gateway', 'yes', true, false, '-', 'no'],
  ] as const)('HTTP %i from the %s', (status, source, ...expected) => {
    expect(row(httpRule(status, source))).toEqual(expected);
  });

  it.each([
    ['connect', 'yes', false],
    ['timeout', 'yes', true],
    ['reset', 'yes', true],
    ['network', 'yes', true],
    ['aborted', 'no', false],
    ['oversized', 'no', true],
  ] as const)('a network failure: %s', (kind, retry, uncertain) => {
    expect(row(networkRule(kind))).toEqual([retry, uncertain, false, '-', 'no']);
  });

  it('the errors carry what the rules say', () => {
    const api = new WorkspaceApiError({ status: 504, source: 'gateway', retryable: true, uncertain: true });
    expect(ruleOf(api)).toEqual(httpRule(504, 'gateway'));
    const reset = new WorkspaceNetworkError('reset', 'reset');
    expect([reset.retryable, reset.uncertain]).toEqual([true, true]);
    expect(ruleOf(new Error('anything else')).retry).toBe('no');
  });
});
