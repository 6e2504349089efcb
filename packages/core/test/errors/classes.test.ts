// The typed errors: what they say about retrying comes from the failure rules, and they all serialise alike.
import { describe, expect, it } from 'vitest';
import {
  ConfigurationError,
  LocalLimitError,
  ValidationError,
  type WksError,
  WorkspaceApiError,
  WorkspaceNetworkError,
} from '../../src/index.js';

describe('the typed errors', () => {
  it.each([
    ['a throttled answer', new WorkspaceApiError({ status: 429, source: 'gateway' }), true, false],
    ['a gateway timeout', new WorkspaceApiError({ status: 504, source: 'gateway' }), true, true],
    ['a server error', new WorkspaceApiError({ status: 500, source: 'service' }), false, false],
    ['an unknown desktop', new WorkspaceApiError({ status: 404, source: 'service' }), false, false],
    ['a reset', new WorkspaceNetworkError('reset', 'reset'), true, true],
    ['an oversized answer', new WorkspaceNetworkError('oversized', 'oversized'), false, true],
    ['an abort', new WorkspaceNetworkError('aborted', 'aborted'), false, false],
    ['a local limit (later)', new LocalLimitError('limit', 60_000), true, false],
    ['a configuration error', new ConfigurationError('no token'), false, false],
    ['invalid input', new ValidationError([]), false, false],
  ] as [string, WksError, boolean, boolean][])(
    '%s: retryable and uncertain as the failure rules say',
    (_label, error, retryable, uncertain) => {
      expect([error.retryable, error.uncertain]).toEqual([retryable, uncertain]);
    },
  );

  it('every error serialises as name, message, retryable and uncertain, then its own fields', () => {
    const api = new WorkspaceApiError({
      status: 403,
      source: 'service',
      errorCode: 'WKS.0006',
      errorMsg: 'No operation permissions.',
      errorDetail: 'not allowed on desktops',
      encodedAuthorizationMessage: 'encoded',
      requestId: 'fd6530a01c09807640189e65e837b8ad',
      retryAfterMs: 2000,
    });
    api.hint = 'Check the IAM policy.';
    const errors: WksError[] = [
      new ValidationError([{ field: 'message', value: 1, message: 'must be string' }]),
      new ConfigurationError('No credentials.'),
      new LocalLimitError('IAM login limit reached.', 60_000),
      api,
      new WorkspaceNetworkError('timeout', 'Request to https://example.test timed out'),
    ];
    const shapes = errors.map((error) => JSON.parse(JSON.stringify(error)));
    for (const shape of shapes) {
      expect(Object.keys(shape).slice(0, 4)).toEqual(['name', 'message', 'retryable', 'uncertain']);
    }
    expect(shapes.map((shape) => Object.keys(shape).slice(4))).toEqual([
      ['issues'],
      [],
      ['retryAfterMs'],
      [
        'status',
        'source',
        'errorCode',
        'errorMsg',
        'errorDetail',
        'encodedAuthorizationMessage',
        'requestId',
        'retryAfterMs',
        'attempts',
        'hint',
      ],
      ['kind', 'attempts'],
    ]);
  });
});
