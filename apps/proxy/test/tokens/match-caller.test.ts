// Which caller a valid token gets in as: its issuer's first caller whose subject equals the token's `sub` exactly
// and whose every claim the token carries (a string claim equal to the value, an array claim containing it).
// Anything looser would let the wrong caller in.
import { type IdentityProvider, startIdentityProvider } from '@wks-logoff/testkit';
import type { JWTPayload } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, type Harness, harness, logoffUrl, PROJECT } from '../support/harness.js';

const AUDIENCE = 'wks-logoff-proxy';

let idp: IdentityProvider;
let h: Harness;
beforeAll(async () => {
  idp = await startIdentityProvider();
  const caller = (id: string, match: { subject?: string; claims?: Record<string, string> }) => ({
    id,
    issuer: idp.issuer,
    projects: ['*'],
    ...match,
  });
  h = await harness({
    tokens: {
      issuers: [{ issuer: idp.issuer, audience: AUDIENCE, jwksUri: idp.jwksUri }],
      callers: [
        caller('by-subject', { subject: 'bot' }),
        caller('by-claim', { claims: { groups: 'sre-oncall' } }),
        caller('by-both', { subject: 'alice', claims: { team: 'ops', env: 'prod' } }),
        caller('twin-first', { subject: 'twin' }),
        caller('twin-second', { subject: 'twin' }),
      ],
    },
  });
});
afterAll(async () => {
  await h.close();
  await idp.close();
});

/** The caller a token with these claims gets in as, or the status it is refused with. */
async function admitted(claims: Record<string, unknown>): Promise<string | number> {
  const response = await h.app.inject({
    method: 'POST',
    url: logoffUrl(PROJECT),
    headers: {
      ...bearer(await idp.sign({ aud: AUDIENCE, ...claims } as JWTPayload)),
      'content-type': 'application/json',
    },
    payload: { desktop_ids: ['d-1'] },
  });
  if (response.statusCode !== 200) {
    expect(response.json().error_msg).toBe('No caller matches this token.');
    return response.statusCode;
  }
  return h.logs
    .map((line) => JSON.parse(line))
    .filter((line) => line.audit)
    .at(-1).audit.callerId;
}

describe('a caller’s subject', () => {
  it.each([
    ['the same subject', 'bot', 'by-subject'],
    ['another case', 'Bot', 403],
    ['a prefix of it', 'bo', 403],
    ['it with more after', 'bot-2', 403],
    ['it with a space after', 'bot ', 403],
  ] as const)('%s: %s', async (_label, sub, expected) => {
    expect(await admitted({ sub })).toBe(expected);
  });

  it('a token without sub matches no caller that names one', async () => {
    expect(await admitted({ sub: undefined })).toBe(403);
  });
});

describe('a caller’s claims', () => {
  it.each([
    ['a string claim equal to the value', { groups: 'sre-oncall' }, 'by-claim'],
    ['an array claim containing the value', { groups: ['dev', 'sre-oncall'] }, 'by-claim'],
    ['a string claim of another value', { groups: 'dev' }, 403],
    ['a string claim the value is part of', { groups: 'sre-oncall-readonly' }, 403],
    ['an array claim without the value', { groups: ['dev', 'sre'] }, 403],
    ['an array claim holding the value inside another', { groups: ['sre-oncall-readonly'] }, 403],
    ['an object claim holding the value', { groups: { name: 'sre-oncall' } }, 403],
    ['no such claim', {}, 403],
  ] as const)('%s: %s', async (_label, claims, expected) => {
    expect(await admitted({ sub: 'someone', ...claims })).toBe(expected);
  });

  it('a caller with a subject and claims needs all of them', async () => {
    expect(await admitted({ sub: 'alice', team: 'ops', env: 'prod' })).toBe('by-both');
    expect(await admitted({ sub: 'alice', team: 'ops' })).toBe(403);
    expect(await admitted({ sub: 'alice', team: 'ops', env: 'dev' })).toBe(403);
    expect(await admitted({ sub: 'bob', team: 'ops', env: 'prod' })).toBe(403);
  });
});

describe('two callers that both match', () => {
  it('the first listed in the keys file gets in', async () => {
    expect(await admitted({ sub: 'twin' })).toBe('twin-first');
  });
});
