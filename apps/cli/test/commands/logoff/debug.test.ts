// --debug's line per attempt: what happened and what comes next, never more.
import { type AttemptEvent, WorkspaceNetworkError } from '@wks-logoff/core';
import { describe, expect, it } from 'vitest';
import { describeAttempt } from '../../../src/commands/logoff/debug.js';

const event = (fields: Partial<AttemptEvent>): AttemptEvent => ({
  attempt: 1,
  delayMs: undefined,
  error: undefined,
  errorCode: undefined,
  reason: undefined,
  requestId: undefined,
  status: undefined,
  willRetry: false,
  ...fields,
});

describe('describeAttempt', () => {
  it('names the status, code, request ID and the wait before a retry', () => {
    const line = describeAttempt(
      event({
        status: 429,
        errorCode: 'APIGW.0308',
        requestId: 'req-7',
        willRetry: true,
        delayMs: 1200,
        reason: 'throttled',
      }),
    );
    expect(line).toBe('attempt 1: 429 APIGW.0308 request req-7, retrying in 1200 ms (throttled)');
  });

  it('names a network error by its class and says why it stops', () => {
    const error = new WorkspaceNetworkError('reset', 'socket hang up');
    const line = describeAttempt(event({ attempt: 3, error, reason: 'attempts used up' }));
    expect(line).toBe('attempt 3: WorkspaceNetworkError (attempts used up)');
  });

  it('says nothing more for a plain success', () => {
    expect(describeAttempt(event({ status: 200, requestId: 'req-1' }))).toBe('attempt 1: 200 request req-1');
  });
});
