// The fault matrix, for the proxy: one logoff through it per kind of upstream fault, and per kind of fault of a
// token caller's identity provider. Checked: the status and the spec's shape of the answer, the cloud's request ID
// where the cloud sent one, and one audit line per forwarded request.
import {
  type Fault,
  type IdentityProviderEndpoint,
  type IdentityProviderFault,
  startFakeCloud,
  startIdentityProvider,
} from '@wks-logoff/testkit';
import { afterEach, describe, expect, it } from 'vitest';
import { bearer, type Harness, harness, KEY_ALL, logoffUrl, PROJECT } from './support/harness.js';
import { specProblems } from './support/spec-responses.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

/** For the faults that never answer in time: 1 s, against an answer held for a minute. */
const SHORT_UPSTREAM_TIMEOUT = { WKS_PROXY_UPSTREAM_TIMEOUT_MS: '1000' };

async function logoff(harnessed: Harness) {
  const response = await harnessed.app.inject({
    method: 'POST',
    url: logoffUrl(),
    headers: { ...bearer(KEY_ALL), 'content-type': 'application/json' },
    payload: JSON.stringify({ desktop_ids: ['d-1', 'd-2'] }),
  });
  expect(
    specProblems(response.statusCode, response.body, response.headers['content-type'] as string),
  ).toEqual([]);
  const audits = harnessed.logs.map((line) => JSON.parse(line)).filter((line) => line.audit);
  expect(audits.at(-1)?.audit.outcome).toMatch(
    response.statusCode === 200 ? /^accepted$/ : /^(rejected|failed)$/,
  );
  return response;
}

async function withFault(fault: Fault | undefined, env: Record<string, string> = {}) {
  h = await harness({ env });
  if (fault) {
    h.cloud.inject(fault);
  }
  return { h, response: await logoff(h) };
}

describe('fault matrix: the proxy', () => {
  it('upstream down: 502, the cloud could not be reached', async () => {
    const down = await startFakeCloud();
    const url = down.url;
    await down.close();
    h = await harness({ endpoint: url });
    const response = await logoff(h);
    expect(response.statusCode).toBe(502);
    expect(response.json().error_msg).toBe('Could not reach the cloud (connect).');
  });

  it.each([
    ['slow headers', { type: 'slow', delayMs: 60_000 }],
    ['slow body', { type: 'slow-body', status: 503, delayMs: 60_000 }],
  ] as const)('%s: 504 at the upstream timeout', async (_label, fault) => {
    const { response } = await withFault(fault, SHORT_UPSTREAM_TIMEOUT);
    expect(response.statusCode).toBe(504);
    expect(response.json().error_msg).toBe('The cloud did not answer within 1000 ms.');
  });

  it.each([
    ['reset before the answer', { type: 'reset' }],
    ['reset mid-answer', { type: 'reset-mid-answer', status: 200, when: 'after' }],
  ] as const)(
    '%s: 502, the connection was reset (the caller retries: core marks it uncertain)',
    async (_label, fault) => {
      const { response } = await withFault(fault);
      expect(response.statusCode).toBe(502);
      expect(response.json().error_msg).toBe('Could not reach the cloud (reset).');
    },
  );

  it.each([
    ['no Retry-After', undefined, undefined],
    ['Retry-After in seconds', '3', '3'],
    ['Retry-After as an HTTP date', 'date', /^([3-5]\d|60)$/],
    ['an unreadable Retry-After', 'soon', undefined],
  ] as const)(
    'a 429 with %s: passed through with the cloud’s code and request ID',
    async (_label, form, header) => {
      // A minute ahead: an HTTP date has whole seconds, and a slow run must not reach it before it is read (the
      // proxy is started after the date is made: about a minute, not exactly).
      const retryAfter = form === 'date' ? new Date(Date.now() + 60_000).toUTCString() : form;
      const { h: harnessed, response } = await withFault({
        type: 'throttle',
        retryAfter,
      });
      expect(response.statusCode).toBe(429);
      expect(response.json().error_code).toBe('APIGW.0308');
      expect(response.headers['x-request-id']).toBe(harnessed.cloud.log[0]?.requestId);
      if (header === undefined) {
        expect(response.headers['retry-after']).toBeUndefined();
      } else {
        expect(response.headers['retry-after']).toMatch(header);
      }
    },
  );

  it('a 5xx burst: the proxy tries once (callers retry); the cloud’s status and body are passed through', async () => {
    const { response } = await withFault({ type: 'status', status: 503, errorCode: 'APIGW.0613' });
    expect(response.statusCode).toBe(503);
    expect(response.json().error_code).toBe('APIGW.0613');
    expect(h?.cloud.log).toHaveLength(1);
  });

  it('a non-JSON body: 502 with a generic message and the cloud’s request ID', async () => {
    const { response } = await withFault({ type: 'non-json', status: 500, body: '<h1>db-7 down</h1>' });
    expect(response.statusCode).toBe(502);
    expect(response.body).not.toContain('db-7');
  });

  it('a huge body: not read, 502', async () => {
    const { response } = await withFault({ type: 'huge', status: 200, bytes: 8 * 1024 * 1024 });
    expect(response.statusCode).toBe(502);
    expect(response.json().error_msg).toMatch(/larger than a logoff’s answer can be/);
  });

  it('token expiry between requests (IAM password mode): refreshed once, 200', async () => {
    h = await harness({
      cloud: {
        users: [{ domain: 'acme', user: 'ops', password: 'test-pw-do-not-leak' }],
        projects: { r: PROJECT },
      },
      iamPassword: true,
    });
    expect((await logoff(h)).statusCode).toBe(200);
    h.cloud.expireTokens();
    expect((await logoff(h)).statusCode).toBe(200);
    expect(h.cloud.iam.issued).toHaveLength(2);
  });

  it('clock skew: the cloud refuses the proxy’s signature; 401 passed through with its code (callers stop)', async () => {
    const skewed = await startFakeCloud({
      keys: { TESTPROXYAK000000001: 'test-proxy-secret-do-not-leak-01234567' },
      now: () => Date.now() + 20 * 60_000,
    });
    h = await harness({ existingCloud: skewed });
    const response = await logoff(h);
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ error_code: 'APIGW.0301' });
    expect(response.json().error_msg).toMatch(/x-sdk-date is out of range/);
  });

  it('a redirect to another origin: never followed, 502 outside the API’s shapes; nothing reaches the other origin', async () => {
    const { h: harnessed, response } = await withFault({ type: 'redirect', status: 307 });
    expect(response.statusCode).toBe(502);
    expect(response.json().error_msg).toBe(
      `The cloud answered HTTP 307 outside the API's error shapes (request ID ${harnessed.cloud.log[0]?.requestId}).`,
    );
    expect(harnessed.cloud.elsewhere.requests).toEqual([]);
  });

  it('another 2xx than the documented 200: 502 outside the API’s shapes, never a success', async () => {
    const { h: harnessed, response } = await withFault({ type: 'other-success', status: 202, when: 'after' });
    expect(response.statusCode).toBe(502);
    expect(response.json().error_msg).toMatch(/^The cloud answered HTTP 202 outside the API's error shapes/);
    expect(harnessed.cloud.log).toHaveLength(1);
  });

  it('a credential with a line break: refused at start, naming the variable, never the value', async () => {
    const cloud = await startFakeCloud();
    const env = { HUAWEICLOUD_SDK_SECURITY_TOKEN: 'test-proxy-token-do-not-leak\nX-Injected: 1' };
    await expect(harness({ existingCloud: cloud, env }).finally(() => cloud.close())).rejects.toThrow(
      /^HUAWEICLOUD_SDK_SECURITY_TOKEN contains a line break \(CR or LF\) at character 29; a credential cannot hold it\.$/,
    );
  });
});

describe('fault matrix: a token caller’s identity provider', () => {
  const AUDIENCE = 'wks-logoff-proxy';
  const UNAVAILABLE = "The token's issuer cannot be reached to check it; try again.";

  /** One logoff with a token of an identity provider whose `endpoint` has `fault`. */
  async function logoffWithToken(
    how: 'jwksUri' | 'discovery',
    endpoint: IdentityProviderEndpoint,
    fault: IdentityProviderFault | 'down',
    timeoutMs = 10_000,
  ) {
    const idp = await startIdentityProvider();
    try {
      const token = await idp.sign({ sub: 'bot', aud: AUDIENCE });
      h = await harness({
        keySets: { cooldownMs: 30_000, timeoutMs, maxAgeMs: 600_000 },
        tokens: {
          issuers: [
            {
              issuer: idp.issuer,
              audience: AUDIENCE,
              ...(how === 'jwksUri' ? { jwksUri: idp.jwksUri } : {}),
            },
          ],
          callers: [{ id: 'bot', issuer: idp.issuer, subject: 'bot', projects: ['*'] }],
        },
      });
      if (fault === 'down') {
        await idp.close();
      } else {
        idp.fault(endpoint, fault);
      }
      const response = await h.app.inject({
        method: 'POST',
        url: logoffUrl(),
        headers: { ...bearer(token), 'content-type': 'application/json' },
        payload: JSON.stringify({ desktop_ids: ['d-1'] }),
      });
      expect(
        specProblems(response.statusCode, response.body, response.headers['content-type'] as string),
      ).toEqual([]);
      expect(h.cloud.log).toHaveLength(0);
      const failed = h.logs.map((line) => JSON.parse(line)).find((line) => line.msg === 'request failed');
      return { response, failed };
    } finally {
      await idp.close();
    }
  }

  // Each fault, and what the log line's issuerProblem says of it (the README's table).
  const faults: [string, IdentityProviderFault | 'down', RegExp][] = [
    ['down', 'down', /could not be reached \(ECONNREFUSED\)$/],
    [
      'a redirect (302)',
      { type: 'redirect', location: 'http://127.0.0.1:9/elsewhere' },
      /answered HTTP 302 \(a redirect, not followed\)$/,
    ],
    ['an HTML page (200)', { type: 'html' }, /did not answer JSON \(text\/html\)$/],
    ['a server error (500)', { type: 'status', status: 500, body: 'oops' }, /answered HTTP 500$/],
    ['not found (404)', { type: 'status', status: 404 }, /answered HTTP 404$/],
    [
      'JSON that is not the document',
      { type: 'status', status: 200, body: '[1,2]', contentType: 'application/json' },
      /did not answer a key set \(JWKS\)$|^the discovery document is not a JSON object$/,
    ],
    [
      'huge: 2 MiB (valid JSON, padded)',
      { type: 'huge', bytes: 2 * 1024 * 1024 },
      /answered more than 1048576 bytes; it was not read$/,
    ],
  ];

  describe.each([
    ['its key set', 'jwksUri', 'jwks'],
    ['its discovery document', 'discovery', 'discovery'],
  ] as const)('%s', (_label, how, endpoint) => {
    it.each(faults)(
      '%s: 503, the issuer cannot be reached (not the caller’s 401); the log says what it did',
      async (_fault, fault, problem) => {
        const { response, failed } = await logoffWithToken(how, endpoint, fault);
        expect(response.statusCode).toBe(503);
        expect(response.json().error_msg).toBe(UNAVAILABLE);
        expect(failed).toMatchObject({
          status: 503,
          reason: 'issuer-unavailable',
          issuerProblem: expect.stringMatching(problem),
        });
      },
    );

    it('slow (never answers): 503 at WKS_PROXY_JWKS_TIMEOUT_MS', async () => {
      const { response, failed } = await logoffWithToken(how, endpoint, { type: 'slow' }, 300);
      expect(response.statusCode).toBe(503);
      expect(failed.issuerProblem).toMatch(/did not answer within 300 ms/);
    });
  });
});
