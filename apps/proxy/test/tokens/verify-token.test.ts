// A token without `kid` while its issuer publishes two keys of its algorithm (a rotation) is tried with each key;
// what the caller is told is about the token, not about the key that did not fit.
import { type IdentityProvider, startIdentityProvider } from '@wks-logoff/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, harness, logoffUrl, PROJECT } from '../support/harness.js';

const AUDIENCE = 'wks-logoff-proxy';

let idp: IdentityProvider;
beforeAll(async () => {
  idp = await startIdentityProvider();
  await idp.rotate();
});
afterAll(async () => {
  await idp.close();
});

describe('a token without kid during a rotation', () => {
  it('an expired one is told it has expired (by the key that fits), not that its signature is wrong', async () => {
    const h = await harness({
      tokens: {
        issuers: [{ issuer: idp.issuer, audience: AUDIENCE, jwksUri: idp.jwksUri }],
        callers: [{ id: 'bot', issuer: idp.issuer, subject: 'bot', projects: ['*'] }],
      },
    });
    try {
      const token = await idp.sign({ sub: 'bot', aud: AUDIENCE }, { withoutKid: true, expiresIn: -3600 });
      const response = await h.app.inject({
        method: 'POST',
        url: logoffUrl(PROJECT),
        headers: { ...bearer(token), 'content-type': 'application/json' },
        payload: { desktop_ids: ['d-1'] },
      });
      expect(response.statusCode).toBe(401);
      expect(response.json().error_msg).toBe('The token has expired.');
    } finally {
      await h.close();
    }
  });
});
