// The failure rules, row by row: what each failure means for retries, uncertainty, throttling, stopping a batch
// and isolating a desktop. The errors, the retry policy and the batch read these; this is their one statement.
import { describe, expect, it } from 'vitest';
import { type FailureRule, httpRule, networkRule, ruleOf } from '../../src/errors/rules.js';
import {
  ConfigurationError,
  LocalLimitError,
  ValidationError,
  WorkspaceApiError,
  WorkspaceNetworkError,
} from '../../src/index.js';

const row = (r: FailureRule) => [r.retry, r.uncertain, r.throttled, r.stop ?? '-', r.systemic, r.isolatable];

describe('failure rules', () => {
  it.each([
    // status, source, retry, uncertain, throttled, stop, systemic, isolatable
    [400, 'service', 'no', false, false, '-', false, 'if-named'],
    [400, 'gateway', 'no', false, false, '-', false, 'no'],
    [401, 'gateway', 'no', false, false, 'auth', false, 'no'],
    [401, 'service', 'no', false, false, 'auth', false, 'no'],
    [403, 'service', 'no', false, false, '-', false, 'yes'],
    [403, 'gateway', 'no', false, false, 'forbidden', false, 'no'],
    [403, 'unknown', 'no', false, false, 'forbidden', false, 'no'],
    [404, 'service', 'no', false, false, '-', false, 'yes'],
    [404, 'gateway', 'no', false, false, '-', false, 'no'],
    [409, 'service', 'no', false, false, '-', false, 'yes'],
    [413, 'gateway', 'no', false, false, '-', false, 'no'],
    [429, 'gateway', 'yes', false, true, '-', false, 'no'],
    [500, 'service', 'if-server-errors', false, false, '-', true, 'no'],
    [502, 'unknown', 'yes', false, false, '-', true, 'no'],
    [503, 'gateway', 'yes', false, false, '-', true, 'no'],
    [504, 'gateway', 'yes', true, false, '-', true, 'no'],
    // A redirect: the cloud did not do the work, and it would answer every call alike; never followed.
    [301, 'unknown', 'no', false, false, '-', true, 'no'],
    [307, 'unknown', 'no', false, false, '-', true, 'no'],
    [308, 'gateway', 'no', false, false, '-', true, 'no'],
    // A success the spec does not declare: the cloud may have done the work.
    [201, 'unknown', 'no', true, false, '-', false, 'no'],
    [202, 'unknown', 'no', true, false, '-', false, 'no'],
    [204, 'unknown', 'no', true, false, '-', false, 'no'],
    // A status nobody lists: a refusal, certain (it is reported failed, never "may have been delivered").
    [418, 'service', 'no', false, false, '-', false, 'no'],
    [599, 'unknown', 'no', false, false, '-', false, 'no'],
  ] as const)('HTTP %i from the %s', (status, source, ...expected) => {
    expect(row(httpRule(status, source))).toEqual(expected);
  });

  it.each([
    ['connect', 'yes', false, true],
    ['timeout', 'yes', true, true],
    ['reset', 'yes', true, true],
    ['network', 'yes', true, true],
    ['aborted', 'no', false, false],
    ['oversized', 'no', true, true],
  ] as const)('a network failure: %s', (kind, retry, uncertain, systemic) => {
    expect(row(networkRule(kind))).toEqual([retry, uncertain, false, '-', systemic, 'no']);
  });

  it('the errors carry what the rules say', () => {
    const api = new WorkspaceApiError({ status: 504, source: 'gateway' });
    expect(ruleOf(api)).toEqual(httpRule(504, 'gateway'));
    const reset = new WorkspaceNetworkError('reset', 'reset');
    expect([reset.retryable, reset.uncertain]).toEqual([true, true]);
    expect(ruleOf(new Error('anything else')).retry).toBe('no');
  });

  it('a configuration error at request time stops a batch: nothing was sent, every call would fail alike', () => {
    expect(row(ruleOf(new ConfigurationError('a token file vanished')))).toEqual([
      'no',
      false,
      false,
      'configuration',
      false,
      'no',
    ]);
  });

  it('a local limit of this process can be retried, but only later; invalid input never', () => {
    expect(row(ruleOf(new LocalLimitError('IAM login limit reached', 60_000)))).toEqual([
      'later',
      false,
      false,
      '-',
      false,
      'no',
    ]);
    expect(row(ruleOf(new ValidationError([])))).toEqual(['no', false, false, '-', false, 'no']);
  });
});
