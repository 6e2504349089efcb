// Why a token was refused, as its caller reads it (status and text) and its operator (the reason in the log line,
// and what the identity provider did): the claims a token must carry, a token too old, a broken token, and a key
// set the proxy cannot trust.
import { type IdentityProvider, startIdentityProvider } from '@wks-logoff/testkit';
import { exportJWK, generateKeyPair } from 'jose';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { bearer, type Harness, harness, logoffUrl, PROJECT } from '../support/harness.js';

const AUDIENCE = 'wks-logoff-proxy';
const NOT_ACCEPTED =
  'The token is not accepted: it is malformed, or not signed by a key of an issuer this proxy trusts.';
const UNAVAILABLE = "The token's issuer cannot be reached to check it; try again.";

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
  await h?.close();
  h = undefined;
});

const start = async () => {
  h = await harness({
    tokens: {
      issuers: [{ issuer: idp.issuer, audience: AUDIENCE, jwksUri: idp.jwksUri, maxTokenAgeSeconds: 3600 }],
      callers: [{ id: 'bot', issuer: idp.issuer, subject: 'bot', projects: ['*'] }],
    },
  });
  return h;
};

/** The answer to one token, and what the log says of it. */
async function refused(token: string) {
  const harnessed = h as Harness;
  const response = await harnessed.app.inject({
    method: 'POST',
    url: logoffUrl(PROJECT),
    headers: { ...bearer(token), 'content-type': 'application/json' },
    payload: { desktop_ids: ['d-1'] },
  });
  const logged = harnessed.logs
    .map((line) => JSON.parse(line))
    .filter((line) => line.msg === 'request failed')
    .at(-1);
  return {
    status: response.statusCode,
    message: response.json().error_msg as string,
    reason: logged?.reason,
    issuerProblem: logged?.issuerProblem,
  };
}

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const nowS = () => Math.floor(Date.now() / 1000);

describe('the claims a token must carry', () => {
  it.each(['exp', 'iat'])(
    'a token without %s is refused, saying which claims are required',
    async (claim) => {
      await start();
      const token = await idp.sign({ sub: 'bot', aud: AUDIENCE, [claim]: undefined });
      expect(await refused(token)).toMatchObject({
        status: 401,
        message: 'The token lacks a required claim (exp and iat are required).',
        reason: 'missing-claim',
      });
    },
  );

  it('a token whose exp is not a time is refused as malformed', async () => {
    await start();
    const token = await idp.sign({ sub: 'bot', aud: AUDIENCE, exp: 'tomorrow' as unknown as number });
    expect(await refused(token)).toMatchObject({ status: 401, message: NOT_ACCEPTED, reason: 'malformed' });
  });
});

describe('tokens refused for their age or their form', () => {
  it('issued longer ago than the issuer’s maxTokenAgeSeconds, though not expired: too old, not expired', async () => {
    await start();
    const token = await idp.sign({ sub: 'bot', aud: AUDIENCE }, { issuedAt: -7200, expiresIn: 3600 });
    expect(await refused(token)).toMatchObject({
      status: 401,
      message: 'The token was issued too long ago.',
      reason: 'too-old',
    });
  });

  it('a header without an algorithm: malformed', async () => {
    await start();
    const token = `${base64url({ typ: 'JWT', kid: idp.currentKid })}.${base64url({
      iss: idp.issuer,
      sub: 'bot',
      aud: AUDIENCE,
      iat: nowS(),
      exp: nowS() + 600,
    })}.AAAA`;
    expect(await refused(token)).toMatchObject({ status: 401, message: NOT_ACCEPTED, reason: 'malformed' });
  });

  it('a payload changed after signing: the signature, in the log only', async () => {
    await start();
    const [header, , signature] = (await idp.sign({ sub: 'nobody', aud: AUDIENCE })).split('.');
    const payload = base64url({ iss: idp.issuer, sub: 'bot', aud: AUDIENCE, iat: nowS(), exp: nowS() + 600 });
    expect(await refused(`${header}.${payload}.${signature}`)).toMatchObject({
      status: 401,
      message: NOT_ACCEPTED,
      reason: 'signature',
    });
  });
});

describe('a key set the proxy cannot trust is the identity provider’s fault: 503, what it did in the log', () => {
  /** The identity provider answers its key set with these keys instead of its own. */
  const serveKeys = (keys: unknown[]) =>
    idp.fault('jwks', {
      type: 'status',
      status: 200,
      contentType: 'application/json',
      body: JSON.stringify({ keys }),
    });

  it('a private key published in the key set', async () => {
    await start();
    const { privateKey } = await generateKeyPair('RS256', { extractable: true });
    serveKeys([{ ...(await exportJWK(privateKey)), kid: idp.currentKid, alg: 'RS256' }]);
    expect(await refused(await idp.sign({ sub: 'bot', aud: AUDIENCE }))).toEqual({
      status: 503,
      message: UNAVAILABLE,
      reason: 'issuer-unavailable',
      issuerProblem: 'its key set holds a key that is not a public key',
    });
  });

  it('a key too short to be trusted', async () => {
    await start();
    serveKeys([{ ...idp.currentPublicJwk(), n: 'AQAB' }]);
    expect(await refused(await idp.sign({ sub: 'bot', aud: AUDIENCE }))).toEqual({
      status: 503,
      message: UNAVAILABLE,
      reason: 'issuer-unavailable',
      issuerProblem: expect.stringContaining('modulusLength to be 2048 bits or larger'),
    });
  });
});
