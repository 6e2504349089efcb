// A token verified once is remembered (README: "A token verified once is remembered until it expires ..."): until
// its expiry, its maximum age, or its key set's maximum age, whichever comes first, and not one second longer; and
// a reload that leaves an issuer as it was keeps the issuer's key set. On the proxy's clock, which the tests move.
import { type IdentityProvider, startIdentityProvider } from '@wks-logoff/testkit';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Issuer, KeySetOptions } from '../../src/index.js';
import {
  bearer,
  type Harness,
  harness,
  KEYS,
  logoffUrl,
  PROJECT,
  testClock,
  writeKeysFile,
} from '../support/harness.js';

const AUDIENCE = 'wks-logoff-proxy';

let idp: IdentityProvider;
beforeAll(async () => {
  idp = await startIdentityProvider();
});
afterAll(async () => {
  await idp.close();
});

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const CALLER = { id: 'bot', issuer: '', subject: 'bot', projects: ['*'] };

/** A proxy trusting `idp` with no clock tolerance (so each limit falls on its exact second), on a test clock. */
async function start(issuer: Partial<Issuer> = {}, keySets: Partial<KeySetOptions> = {}) {
  // On a whole second, so that the proxy's clock and the token's times (in seconds) line up exactly.
  const clock = testClock(Math.floor(Date.now() / 1000) * 1000);
  const issuers = [
    { issuer: idp.issuer, audience: AUDIENCE, jwksUri: idp.jwksUri, clockToleranceSeconds: 0, ...issuer },
  ];
  h = await harness({
    now: clock.now,
    keySets: { cooldownMs: 1000, timeoutMs: 10_000, maxAgeMs: 600_000, ...keySets },
    tokens: { issuers, callers: [{ ...CALLER, issuer: idp.issuer }] },
  });
  const nowS = () => clock.now() / 1000;
  /** Moves the clock to this second. */
  const at = (second: number) => clock.advance(second * 1000 - clock.now());
  /** A token of the caller issued now on the proxy's clock (not the machine's), valid for an hour. */
  const sign = () => idp.sign({ sub: 'bot', aud: AUDIENCE, iat: nowS(), exp: nowS() + 3600 });
  return { h, clock, nowS, at, sign, issuers };
}

async function post(harnessed: Harness, token: string) {
  const response = await harnessed.app.inject({
    method: 'POST',
    url: logoffUrl(PROJECT),
    headers: { ...bearer(token), 'content-type': 'application/json' },
    payload: { desktop_ids: ['d-1'] },
  });
  return response.statusCode === 200
    ? 200
    : { status: response.statusCode, message: response.json().error_msg };
}

describe('a remembered token', () => {
  it('is refused from the second it expires', async () => {
    const { h: harnessed, nowS, at } = await start();
    const issued = nowS();
    const token = await idp.sign({ sub: 'bot', aud: AUDIENCE, iat: issued, exp: issued + 60 });
    expect(await post(harnessed, token)).toBe(200);
    at(issued + 59);
    expect(await post(harnessed, token)).toBe(200);
    at(issued + 60);
    expect(await post(harnessed, token)).toEqual({ status: 401, message: 'The token has expired.' });
  });

  it('is refused once older than its issuer’s maxTokenAgeSeconds, though it has not expired', async () => {
    const { h: harnessed, nowS, at } = await start({ maxTokenAgeSeconds: 60 });
    const issued = nowS();
    const token = await idp.sign({ sub: 'bot', aud: AUDIENCE, iat: issued, exp: issued + 3600 });
    expect(await post(harnessed, token)).toBe(200);
    at(issued + 60);
    expect(await post(harnessed, token)).toBe(200);
    at(issued + 61);
    expect(await post(harnessed, token)).toEqual({
      status: 401,
      message: 'The token was issued too long ago.',
    });
  });

  it('stays accepted until its key set’s maximum age, even when a later fetch no longer holds its key', async () => {
    const { h: harnessed, clock, sign } = await start({}, { maxAgeMs: 60_000 });
    const old = idp.currentKid;
    const remembered = await sign();
    expect(await post(harnessed, remembered)).toBe(200);
    await idp.rotate();
    idp.unpublish(old);
    // Past the cooldown, a token of the new key fetches the key set again: the old key is gone from it.
    clock.advance(1000);
    const before = idp.fetches.jwks;
    expect(await post(harnessed, await sign())).toBe(200);
    expect(idp.fetches.jwks - before).toBe(1);
    expect(await post(harnessed, remembered)).toBe(200);
    // Its key set was fetched 60 s ago: due again, and the token is checked again, against the keys of now.
    clock.advance(59_000);
    expect(await post(harnessed, remembered)).toMatchObject({ status: 401 });
  });
});

describe('a reload', () => {
  it('keeps the key set of an issuer it leaves as it was, and fetches one of an issuer it changes', async () => {
    const { h: harnessed, issuers, sign: token } = await start();
    expect(await post(harnessed, await token())).toBe(200);
    const before = idp.fetches.jwks;
    const reload = async (issuer: Issuer) => {
      await writeKeysFile(KEYS, harnessed.keysFile, {
        issuers: [issuer],
        callers: [{ ...CALLER, issuer: idp.issuer }],
      });
      await harnessed.keys.load();
    };
    await reload(issuers[0] as Issuer);
    expect(await post(harnessed, await token())).toBe(200);
    expect(idp.fetches.jwks).toBe(before);
    await reload({ ...(issuers[0] as Issuer), maxTokenAgeSeconds: 7200 });
    expect(await post(harnessed, await token())).toBe(200);
    expect(idp.fetches.jwks).toBe(before + 1);
  });
});
