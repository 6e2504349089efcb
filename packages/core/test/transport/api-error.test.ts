import { describe, expect, it } from 'vitest';
import { toApiError } from '../../src/transport/api-error.js';

function response(status: number, headers: Record<string, string> = {}) {
  return new Response(null, { status, headers });
}

describe('toApiError', () => {
  it('reads the service shape and prefers the X-Request-Id header', () => {
    const error = toApiError(response(409, { 'x-request-id': 'rid-header' }), {
      error_code: 'WKS.0407',
      error_msg: 'busy',
      error_detail: 'desktop d1 is busy',
    });
    expect(error).toMatchObject({
      status: 409,
      source: 'service',
      errorCode: 'WKS.0407',
      errorMsg: 'busy',
      errorDetail: 'desktop d1 is busy',
      requestId: 'rid-header',
      retryable: false,
      uncertain: false,
    });
  });

  it('reads the gateway shape and takes request_id from the body when no header came', () => {
    const error = toApiError(response(429), {
      error_code: 'APIGW.0308',
      error_msg: 'throttled',
      request_id: 'abc',
    });
    expect(error).toMatchObject({
      source: 'gateway',
      errorCode: 'APIGW.0308',
      requestId: 'abc',
      retryable: true,
    });
  });

  it('recognises the older APIG. prefix as the gateway', () => {
    expect(toApiError(response(401), { error_code: 'APIG.0301', error_msg: 'x' }).source).toBe('gateway');
  });

  it('finds {code, message} nested one level deeper, as the official SDKs do', () => {
    const error = toApiError(response(500), { error: { code: 'WKS.9999', message: 'nested' } });
    expect(error).toMatchObject({
      errorCode: 'WKS.9999',
      errorMsg: 'nested',
      source: 'service',
      retryable: false,
    });
  });

  it('keeps a non-JSON body as the message, shortened to 1000 characters', () => {
    const html = `<html>${'x'.repeat(2000)}</html>`;
    const error = toApiError(response(502), html);
    expect(error.source).toBe('unknown');
    expect(error.errorMsg).toHaveLength(1000);
    expect(error.retryable).toBe(true);
  });

  it('falls back to the status text for an empty body', () => {
    const error = toApiError(new Response(null, { status: 503, statusText: 'Service Unavailable' }), '');
    expect(error.errorMsg).toBe('Service Unavailable');
    expect(error.errorCode).toBeUndefined();
  });

  it('marks 504 as uncertain: the backend may have processed the request', () => {
    expect(toApiError(response(504), undefined)).toMatchObject({ retryable: true, uncertain: true });
    expect(toApiError(response(502), undefined)).toMatchObject({ retryable: true, uncertain: false });
  });

  it('serialises to JSON with its fields and a readable message', () => {
    const error = toApiError(response(404, { 'x-request-id': 'r1' }), {
      error_code: 'WKS.0003',
      error_msg: 'gone',
    });
    expect(JSON.parse(JSON.stringify(error))).toMatchObject({
      name: 'WorkspaceApiError',
      status: 404,
      errorCode: 'WKS.0003',
      requestId: 'r1',
    });
    expect(String(error)).toBe(
      'WorkspaceApiError: Workspace API answered HTTP 404 WKS.0003: gone (request ID r1)',
    );
  });
});
