// Inbound authentication as callers and operators meet it: what each refusal says and how it is answered, and why
// it was refused, in the log line and the metrics (where a refused caller's kind and reason are counted).
import { type IdentityProvider, startIdentityProvider } from '@wks-logoff/testkit';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  bearer,
  type Harness,
  harness,
  KEY_ONE,
  KEY_SLOW,
  logoffUrl,
  OTHER_PROJECT,
  PROJECT,
} from '../helpers.js';

const AUDIENCE = 'wks-logoff-proxy';

let idp: IdentityProvider;
beforeAll(async () => {
  idp = await startIdentityProvider();
});
afterAll(async () => {
  await idp.close();
});

let h: Harness;
afterEach(async () => {
  await h.close();
});

const start = async () => {
  h = await harness({
    tokens: {
      issuers: [{ issuer: idp.issuer, audience: AUDIENCE, jwksUri: idp.jwksUri }],
      callers: [{ id: 'bot', issuer: idp.issuer, subject: 'bot', projects: [PROJECT] }],
    },
  });
};

const post = (headers: Record<string, string>, project = PROJECT) =>
  h.app.inject({
    method: 'POST',
    url: logoffUrl(project),
    headers: { 'content-type': 'application/json', ...headers },
    payload: { desktop_ids: ['d-1'] },
  });

const failures = () =>
  h.logs
    .map((line) => JSON.parse(line))
    .filter((line) => line.msg === 'request failed')
    .map((line) => ({ status: line.status, reason: line.reason }));

const metric = async (name: string, labels: string) =>
  new RegExp(`^${name}\\{${labels}\\} (\\d+)$`, 'm').exec((await h.app.inject('/metrics')).body)?.[1];

describe('a key caller refused', () => {
  it('without a key or with an unknown one: 401 saying how to authenticate, the reason logged and counted', async () => {
    await start();
    for (const headers of [{}, bearer('wksp_unknown-key-do-not-leak'), { authorization: 'Basic dXNlcg==' }]) {
      const response = await post(headers);
      expect(response.statusCode).toBe(401);
      expect(response.headers['www-authenticate']).toBe('Bearer');
      expect(response.json().error_msg).toBe(
        'Missing or unknown caller key: send Authorization: Bearer <key>.',
      );
    }
    expect(failures()).toEqual([
      { status: 401, reason: 'missing' },
      { status: 401, reason: 'unknown-key' },
      { status: 401, reason: 'missing' },
    ]);
    expect(await metric('wks_proxy_auth_refusals_total', 'kind="key",reason="missing"')).toBe('2');
    expect(await metric('wks_proxy_auth_refusals_total', 'kind="key",reason="unknown-key"')).toBe('1');
  });

  it('outside its projects (403) or over its rate (429): each says which, the reason logged and counted', async () => {
    await start();
    expect((await post(bearer(KEY_ONE), OTHER_PROJECT)).statusCode).toBe(403);
    expect((await post(bearer(KEY_SLOW))).statusCode).toBe(200);
    const limited = await post(bearer(KEY_SLOW));
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error_msg).toBe('Key "team-slow" is over its rate of 1 requests per second.');
    expect(failures()).toEqual([
      { status: 403, reason: 'project' },
      { status: 429, reason: 'rate' },
    ]);
    expect(await metric('wks_proxy_auth_refusals_total', 'kind="key",reason="project"')).toBe('1');
    expect(await metric('wks_proxy_auth_refusals_total', 'kind="key",reason="rate"')).toBe('1');
    expect(await metric('wks_proxy_caller_requests_total', 'caller="team-slow",kind="key"')).toBe('1');
  });
});

describe('a token caller refused', () => {
  it('a token that cannot be trusted: 401 with the Bearer challenge of an invalid token (RFC 6750)', async () => {
    await start();
    const expired = await idp.sign({ sub: 'bot', aud: AUDIENCE }, { expiresIn: -120 });
    const response = await post(bearer(expired));
    expect(response.statusCode).toBe(401);
    expect(response.headers['www-authenticate']).toBe('Bearer error="invalid_token"');
  });

  it('a valid token outside its caller’s projects: 403, no challenge, named as a caller', async () => {
    await start();
    const response = await post(bearer(await idp.sign({ sub: 'bot', aud: AUDIENCE })), OTHER_PROJECT);
    expect(response.statusCode).toBe(403);
    expect(response.headers['www-authenticate']).toBeUndefined();
    expect(response.json().error_msg).toBe('Caller "bot" may not use this project.');
    expect(await metric('wks_proxy_auth_refusals_total', 'kind="token",reason="project"')).toBe('1');
  });

  it('a token whose issuer cannot be reached: 503 with Retry-After, no challenge', async () => {
    await start();
    idp.fault('jwks', { type: 'status', status: 500 });
    try {
      const response = await post(bearer(await idp.sign({ sub: 'bot', aud: AUDIENCE })));
      expect(response.statusCode).toBe(503);
      expect(response.headers['www-authenticate']).toBeUndefined();
      expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
    } finally {
      idp.fault('jwks', undefined);
    }
  });
});
