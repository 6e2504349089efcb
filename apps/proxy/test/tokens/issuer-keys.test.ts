// Fetching an issuer's keys (its discovery document, its key set): failed fetches are cooled down like successful
// ones, with backoff; discovery is trusted only for the configured issuer and an https key set; and a key set is
// fetched again once it is older than its maximum age, so a key rotated out stops being accepted. What each fault
// of an identity provider gets the caller is in the fault matrix (test/fault-matrix.test.ts).
import { type IdentityProvider, startIdentityProvider } from '@wks-logoff/testkit';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { keySetOptions } from '../../src/config.js';
import { ConfigProblems, type Issuer, type KeySetOptions, loadConfig } from '../../src/index.js';
import { keySetUrlOf } from '../../src/tokens/discovery.js';
import { bearer, type Harness, harness, logoffUrl, PROJECT, testClock } from '../support/harness.js';

const AUDIENCE = 'wks-logoff-proxy';
const UNAVAILABLE = "The token's issuer cannot be reached to check it; try again.";
const NOT_ACCEPTED =
  'The token is not accepted: it is malformed, or not signed by a key of an issuer this proxy trusts.';

let idp: IdentityProvider;
beforeAll(async () => {
  idp = await startIdentityProvider();
});
afterAll(async () => {
  await idp.close();
});

let h: Harness | undefined;
afterEach(async () => {
  idp.fault('jwks', undefined);
  idp.fault('discovery', undefined);
  idp.overrideDiscovery({});
  await h?.close();
  h = undefined;
});

/** A proxy trusting `idp`, by its jwksUri or through discovery, on a clock the test moves. */
async function start(
  how: 'jwksUri' | 'discovery',
  keySets: Partial<KeySetOptions> = {},
): Promise<{ h: Harness; clock: ReturnType<typeof testClock> }> {
  const clock = testClock();
  const issuer: Issuer = {
    issuer: idp.issuer,
    audience: AUDIENCE,
    ...(how === 'jwksUri' ? { jwksUri: idp.jwksUri } : {}),
  };
  h = await harness({
    now: clock.now,
    keySets: { cooldownMs: 30_000, timeoutMs: 10_000, maxAgeMs: 600_000, ...keySets },
    tokens: {
      issuers: [issuer],
      callers: [{ id: 'bot', issuer: idp.issuer, subject: 'bot', projects: ['*'] }],
    },
  });
  return { h, clock };
}

const token = (options: Parameters<IdentityProvider['sign']>[1] = {}) =>
  idp.sign({ sub: 'bot', aud: AUDIENCE }, { expiresIn: 3600, ...options });

async function post(harnessed: Harness, credential: string) {
  const response = await harnessed.app.inject({
    method: 'POST',
    url: logoffUrl(PROJECT),
    headers: { ...bearer(credential), 'content-type': 'application/json' },
    payload: { desktop_ids: ['d-1'] },
  });
  const message = response.body ? (response.json().error_msg as string) : undefined;
  const retryAfter = response.headers['retry-after'];
  return { status: response.statusCode, message, ...(retryAfter ? { retryAfter } : {}) };
}

describe('a failing identity provider is cooled down, with backoff', () => {
  it.each([
    ['key set', 'jwksUri', 'jwks'],
    ['discovery document', 'discovery', 'discovery'],
  ] as const)(
    'a failing %s: one fetch per cooldown, doubling while it fails',
    async (_label, how, endpoint) => {
      const { h: harnessed, clock } = await start(how);
      idp.fault(endpoint, { type: 'status', status: 500 });
      const before = idp.fetches[endpoint];
      const fetched = () => idp.fetches[endpoint] - before;
      // Each 503 says when the issuer will be asked again: the caller's retry then has a chance.
      expect(await post(harnessed, await token())).toMatchObject({ status: 503, retryAfter: '30' });
      clock.advance(10_000);
      for (let i = 0; i < 19; i++) {
        expect(await post(harnessed, await token())).toMatchObject({ status: 503, retryAfter: '20' });
      }
      expect(fetched()).toBe(1);
      clock.advance(20_000);
      expect(await post(harnessed, await token())).toMatchObject({ status: 503, retryAfter: '60' });
      expect(fetched()).toBe(2);
      // The second failure in a row doubles the wait: 30 s later is too soon.
      clock.advance(30_000);
      expect(await post(harnessed, await token())).toMatchObject({ status: 503, retryAfter: '30' });
      expect(fetched()).toBe(2);
      clock.advance(30_000);
      idp.fault(endpoint, undefined);
      expect((await post(harnessed, await token())).status).toBe(200);
      expect(fetched()).toBe(3);
    },
  );
});

describe('discovery (OpenID Connect Discovery 1.0)', () => {
  it('a document naming another issuer is refused (§4.3): 503, its key set is never fetched', async () => {
    const { h: harnessed } = await start('discovery');
    idp.overrideDiscovery({ issuer: 'https://impostor.example.com' });
    const before = idp.fetches.jwks;
    expect(await post(harnessed, await token())).toEqual({
      status: 503,
      message: UNAVAILABLE,
      retryAfter: '30',
    });
    expect(idp.fetches.jwks).toBe(before);
  });

  it('a jwks_uri in plain http (not on loopback) is refused: 503', async () => {
    const { h: harnessed } = await start('discovery');
    idp.overrideDiscovery({ jwks_uri: 'http://keys.example.com/jwks' });
    expect(await post(harnessed, await token())).toEqual({
      status: 503,
      message: UNAVAILABLE,
      retryAfter: '30',
    });
  });

  it.each([
    [
      'https issuer, https key set',
      'https://sso.example.com',
      { issuer: 'https://sso.example.com', jwks_uri: 'https://keys.example.com/jwks' },
      true,
    ],
    [
      'https issuer, http key set on loopback',
      'https://sso.example.com',
      { issuer: 'https://sso.example.com', jwks_uri: 'http://127.0.0.1:8443/jwks' },
      false,
    ],
    [
      'https issuer, http key set',
      'https://sso.example.com',
      { issuer: 'https://sso.example.com', jwks_uri: 'http://sso.example.com/jwks' },
      false,
    ],
    [
      'loopback http issuer, loopback http key set (tests)',
      'http://127.0.0.1:1',
      { issuer: 'http://127.0.0.1:1', jwks_uri: 'http://127.0.0.1:1/jwks' },
      true,
    ],
    [
      'another issuer',
      'https://sso.example.com',
      { issuer: 'https://sso.example.com/', jwks_uri: 'https://sso.example.com/jwks' },
      false,
    ],
    ['no issuer', 'https://sso.example.com', { jwks_uri: 'https://sso.example.com/jwks' }, false],
    ['no jwks_uri', 'https://sso.example.com', { issuer: 'https://sso.example.com' }, false],
    [
      'a jwks_uri that is not a URL',
      'https://sso.example.com',
      { issuer: 'https://sso.example.com', jwks_uri: 'keys' },
      false,
    ],
    ['not an object', 'https://sso.example.com', ['https://sso.example.com'], false],
  ])('%s', (_label, issuer, document, accepted) => {
    const read = () => keySetUrlOf(issuer, document);
    if (accepted) {
      expect(read()).toBe((document as { jwks_uri: string }).jwks_uri);
    } else {
      expect(read).toThrow();
    }
  });
});

describe('the key set’s maximum age (WKS_PROXY_JWKS_MAX_AGE_MS)', () => {
  it('a key rotated out stops being accepted once the key set is older than its maximum age', async () => {
    const { h: harnessed, clock } = await start('jwksUri');
    const old = idp.currentKid;
    const seen = await token();
    const unseen = await token();
    expect((await post(harnessed, seen)).status).toBe(200);
    await idp.rotate();
    idp.unpublish(old);
    const fresh = await token();
    clock.advance(600_000);
    // Neither the token verified before (remembered) nor one never seen is accepted with the retired key.
    expect(await post(harnessed, seen)).toEqual({ status: 401, message: NOT_ACCEPTED });
    expect(await post(harnessed, unseen)).toEqual({ status: 401, message: NOT_ACCEPTED });
    expect((await post(harnessed, fresh)).status).toBe(200);
  });

  it('is a setting: 10 minutes by default, from 1 s to a day', () => {
    const env = { WKS_PROXY_KEYS_FILE: 'keys.json' };
    expect(keySetOptions(loadConfig(env)).maxAgeMs).toBe(600_000);
    expect(keySetOptions().maxAgeMs).toBe(600_000);
    expect(keySetOptions(loadConfig({ ...env, WKS_PROXY_JWKS_MAX_AGE_MS: '60000' })).maxAgeMs).toBe(60_000);
    expect(() => loadConfig({ ...env, WKS_PROXY_JWKS_MAX_AGE_MS: '0' })).toThrow(ConfigProblems);
  });

  it('before its maximum age, a known key costs no fetch', async () => {
    const { h: harnessed, clock } = await start('jwksUri');
    expect((await post(harnessed, await token())).status).toBe(200);
    const before = idp.fetches.jwks;
    clock.advance(599_000);
    expect((await post(harnessed, await token())).status).toBe(200);
    expect(idp.fetches.jwks).toBe(before);
  });
});

describe('secrets', () => {
  it('the user info and query of a key set’s address never reach the log', async () => {
    const secretUri = `${idp.jwksUri.replace('http://', 'http://ops:idp-pass-do-not-leak@')}?key=idp-query-do-not-leak`;
    h = await harness({
      tokens: {
        issuers: [{ issuer: idp.issuer, audience: AUDIENCE, jwksUri: secretUri }],
        callers: [{ id: 'bot', issuer: idp.issuer, subject: 'bot', projects: ['*'] }],
      },
    });
    expect((await post(h, await token())).status).toBe(503);
    const logs = h.logs.join('\n');
    expect(logs).toContain('"issuerProblem"');
    expect(logs).not.toContain('do-not-leak');
  });
});
