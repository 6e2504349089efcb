// How long a failing identity provider is left alone, as callers (Retry-After) and operators (the log's
// issuerProblem) see it: the cooldown doubled for each failure in a row, never more than 8 times it, and back to
// one cooldown once a fetch succeeds. On the proxy's clock, which the test moves.
import { type IdentityProvider, startIdentityProvider } from '@wks-logoff/testkit';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { bearer, type Harness, harness, logoffUrl, PROJECT, testClock } from '../support/harness.js';

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
  idp.fault('jwks', undefined);
  await h?.close();
  h = undefined;
});

describe('a failing key set fetch', () => {
  it('waits 30, 60, 120, 240 s, then stays at 240 s; a success starts again from 30 s', async () => {
    const clock = testClock();
    h = await harness({
      now: clock.now,
      keySets: { cooldownMs: 30_000, timeoutMs: 10_000, maxAgeMs: 600_000 },
      tokens: {
        issuers: [{ issuer: idp.issuer, audience: AUDIENCE, jwksUri: idp.jwksUri }],
        callers: [{ id: 'bot', issuer: idp.issuer, subject: 'bot', projects: ['*'] }],
      },
    });
    const harnessed = h;
    const post = async (options: Parameters<IdentityProvider['sign']>[1] = {}) => {
      const response = await harnessed.app.inject({
        method: 'POST',
        url: logoffUrl(PROJECT),
        headers: {
          ...bearer(await idp.sign({ sub: 'bot', aud: AUDIENCE }, { expiresIn: 3600, ...options })),
          'content-type': 'application/json',
        },
        payload: { desktop_ids: ['d-1'] },
      });
      const logged = harnessed.logs
        .map((line) => JSON.parse(line))
        .filter((line) => line.msg === 'request failed')
        .at(-1);
      return {
        status: response.statusCode,
        retryAfter: response.headers['retry-after'],
        issuerProblem: logged?.issuerProblem,
      };
    };
    idp.fault('jwks', { type: 'status', status: 500 });
    const waits = [];
    for (let failure = 1; failure <= 6; failure++) {
      const answer = await post();
      expect(answer).toMatchObject({ status: 503, issuerProblem: `${idp.jwksUri} answered HTTP 500` });
      waits.push(Number(answer.retryAfter));
      clock.advance(Number(answer.retryAfter) * 1000);
    }
    expect(waits).toEqual([30, 60, 120, 240, 240, 240]);
    expect(idp.fetches.jwks).toBe(6);

    // Meanwhile, the log says when the provider will be asked again; the caller's Retry-After says the same.
    await post();
    clock.advance(1000);
    expect(await post()).toEqual({
      status: 503,
      retryAfter: '239',
      issuerProblem: 'its last fetch failed; the next is allowed in 239 s',
    });
    expect(idp.fetches.jwks).toBe(7);

    clock.advance(239_000);
    idp.fault('jwks', undefined);
    expect((await post()).status).toBe(200);
    // A token of a key not in hand makes the proxy fetch again, once the cooldown has passed: that fetch fails.
    idp.fault('jwks', { type: 'status', status: 500 });
    clock.advance(30_000);
    expect(await post({ kid: 'rotated-in' })).toMatchObject({ status: 503, retryAfter: '30' });
  });
});
