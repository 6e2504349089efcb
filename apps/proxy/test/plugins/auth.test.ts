// Inbound authentication as callers and operators meet it: what each refusal says and how it is answered, and why
// it was refused, in the log line and the metrics (where a refused caller's kind and reason are counted).
import { type IdentityProvider, startIdentityProvider } from '@wks-logoff/testkit';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  bearer,
  type Harness,
  harness,
  KEY_ONE,
  logoffUrl,
  OTHER_PROJECT,
  PROJECT,
} from '../support/harness.js';

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

  it('outside its projects: 403 naming the key, the reason logged and counted (its rate: plugins/budget.test.ts)', async () => {
    await start();
    const refused = await post(bearer(KEY_ONE), OTHER_PROJECT);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error_msg).toBe('Key "team-one" may not use this project.');
    expect(failures()).toEqual([{ status: 403, reason: 'project' }]);
    expect(await metric('wks_proxy_auth_refusals_total', 'kind="key",reason="project"')).toBe('1');
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

describe('the Authorization header', () => {
  const answer = async (authorization: string) => {
    const response = await post({ authorization });
    return response.statusCode === 200 ? 200 : `${response.statusCode} ${response.json().error_msg}`;
  };
  const UNKNOWN_KEY = '401 Missing or unknown caller key: send Authorization: Bearer <key>.';
  const NOT_A_TOKEN =
    '401 The token is not accepted: it is malformed, or not signed by a key of an issuer this proxy trusts.';

  it.each([
    ['Bearer and the key', `Bearer ${KEY_ONE}`, 200],
    ['the scheme in any case', `bEARER ${KEY_ONE}`, 200],
    ['more than one space before the key', `Bearer   ${KEY_ONE}`, 200],
    ['spaces after the key', `Bearer ${KEY_ONE}  `, 200],
    ['more after the key', `Bearer ${KEY_ONE} ${KEY_ONE}`, UNKNOWN_KEY],
    ['the key glued to the scheme', `Bearer${KEY_ONE}`, UNKNOWN_KEY],
    ['another scheme ending in Bearer', `XBearer ${KEY_ONE}`, UNKNOWN_KEY],
    ['Bearer alone', 'Bearer ', UNKNOWN_KEY],
  ])('%s: %s', async (_label, authorization, expected) => {
    await start();
    expect(await answer(authorization)).toBe(expected);
  });

  it.each([
    ['three base64url segments', 'aaa.bbb.ccc', NOT_A_TOKEN],
    ['three segments, the signature empty (alg: none)', 'aaa.bbb.', NOT_A_TOKEN],
    ['four segments', 'aaa.bbb.ccc.ddd', UNKNOWN_KEY],
    ['a character outside base64url before them', '!aaa.bbb.ccc', UNKNOWN_KEY],
    ['a character outside base64url after them', 'aaa.bbb.ccc!', UNKNOWN_KEY],
    ['two segments', 'aaa.bbb', UNKNOWN_KEY],
  ])('a credential of %s (%s)', async (_label, credential, expected) => {
    await start();
    expect(await answer(`Bearer ${credential}`)).toBe(expected);
  });
});
