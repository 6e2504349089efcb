// toErrorBody is the reverse of reading an error answer: what it builds, toApiError reads back unchanged.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toErrorBody } from '../../src/index.js';
import { toApiError } from '../../src/transport/api-error.js';

const answer = (status: number, body: unknown) => ({
  status,
  ok: false,
  headers: { get: () => null },
  text: async () => JSON.stringify(body),
});

describe('toErrorBody', () => {
  it('builds the service’s shape for its own errors and the gateway’s otherwise', () => {
    expect(
      toErrorBody({
        source: 'service',
        errorCode: 'WKS.0407',
        errorMsg: 'busy',
        errorDetail: 'd-1',
        requestId: 'r',
      }),
    ).toEqual({ error_code: 'WKS.0407', error_msg: 'busy', error_detail: 'd-1' });
    expect(
      toErrorBody({ source: 'gateway', errorCode: 'APIGW.0308', errorMsg: 'slow down', requestId: 'r1' }),
    ).toEqual({
      error_code: 'APIGW.0308',
      error_msg: 'slow down',
      request_id: 'r1',
    });
  });

  it('holds the spec’s lengths', () => {
    const body = toErrorBody({
      source: 'service',
      errorCode: 'WKS.1',
      errorMsg: 'm'.repeat(2000),
      errorDetail: 'd'.repeat(2000),
    });
    expect(body).toMatchObject({ error_msg: 'm'.repeat(1000), error_detail: 'd'.repeat(1000) });
  });

  it('property: what it builds, toApiError reads back', () => {
    const text = fc.string({ minLength: 1, maxLength: 40 }).filter((s) => s.trim() === s);
    fc.assert(
      fc.property(
        fc.constantFrom(400, 403, 404, 409, 429, 500, 503),
        fc.boolean(),
        fc.stringMatching(/^WKS\.\d{4}$/),
        text,
        fc.option(text, { nil: undefined }),
        (status, service, serviceCode, errorMsg, extra) => {
          const errorCode = service ? serviceCode : 'APIGW.0101';
          const fields = service
            ? { source: 'service' as const, errorCode, errorMsg, errorDetail: extra }
            : { source: 'gateway' as const, errorCode, errorMsg, requestId: extra };
          const read = toApiError(answer(status, toErrorBody(fields)), toErrorBody(fields));
          expect(read).toMatchObject({ status, source: fields.source, errorCode, errorMsg });
          if (service) {
            expect(read.errorDetail).toBe(extra);
          } else {
            expect(read.requestId).toBe(extra);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
