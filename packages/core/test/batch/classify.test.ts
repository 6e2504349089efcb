// What a failed chunk means for the batch, read from the failure rules.
import { describe, expect, it } from 'vitest';
import { isIsolatable, isSystemic, isThrottled, namedIds, stopReason } from '../../src/batch/classify.js';
import { type WksError, WorkspaceApiError, WorkspaceNetworkError } from '../../src/index.js';

const api = (status: number, source: 'service' | 'gateway', errorDetail?: string) =>
  new WorkspaceApiError({ status, source, errorCode: 'X', errorDetail, retryable: false });
const ids = ['d-1', 'd-2'];
/** As the batch asks it: with the desktops of the chunk the error names. */
const isolatable = (error: WksError) => isIsolatable(error, namedIds(error, ids));

describe('isolation', () => {
  it('splits a chunk for the service’s own desktop errors', () => {
    for (const status of [403, 404, 409]) {
      expect(isolatable(api(status, 'service'))).toBe(true);
    }
  });

  it('splits on a 400 only when it names a desktop of the chunk', () => {
    expect(isolatable(api(400, 'service', 'desktop d-2 is invalid'))).toBe(true);
    expect(isolatable(api(400, 'service', 'body is malformed'))).toBe(false);
  });

  it('never splits a gateway error or a network failure: every half would fail alike', () => {
    expect(isolatable(api(404, 'gateway'))).toBe(false);
    // Not even when its text happens to name a desktop of the chunk.
    expect(isolatable(api(404, 'gateway', 'route for d-1 not found'))).toBe(false);
    expect(isolatable(api(503, 'service', 'd-1 could not be reached'))).toBe(false);
    expect(isolatable(new WorkspaceNetworkError('reset', 'reset'))).toBe(false);
  });

  it('stops the batch on a 401 and a gateway 403, not on a service 403', () => {
    expect(stopReason(api(401, 'gateway'))).toBe('auth');
    expect(stopReason(api(403, 'gateway'))).toBe('forbidden');
    expect(stopReason(api(403, 'service'))).toBeUndefined();
  });

  it('finds the desktops an error names, each as a whole word', () => {
    const error = api(404, 'service', 'desktops not found: d-2,d-10');
    expect(namedIds(error, ['d-1', 'd-2', 'd-10', 'd-100'])).toEqual(['d-2', 'd-10']);
    expect(namedIds(new WorkspaceNetworkError('reset', 'd-1'), ['d-1'])).toEqual([]);
    // The message and the detail are read apart: an ID ending one and an ID starting the other are both named.
    const both = new WorkspaceApiError({
      status: 409,
      source: 'service',
      errorMsg: 'busy: d-1',
      errorDetail: 'd-2 is busy too',
      retryable: false,
    });
    expect(namedIds(both, ['d-1', 'd-2'])).toEqual(['d-1', 'd-2']);
  });

  it('tells a cloud failing every call from one desktop’s error', () => {
    expect(isSystemic(new WorkspaceNetworkError('connect', 'ECONNREFUSED'))).toBe(true);
    expect(isSystemic(api(503, 'gateway'))).toBe(true);
    expect(isSystemic(api(404, 'service'))).toBe(false);
    expect(isSystemic(api(429, 'gateway'))).toBe(false);
    expect(isSystemic(new WorkspaceNetworkError('aborted', 'aborted'))).toBe(false);
  });

  it('knows throttling', () => {
    expect(isThrottled(api(429, 'gateway'))).toBe(true);
    expect(isThrottled(api(503, 'gateway'))).toBe(false);
  });
});
