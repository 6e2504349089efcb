// Readiness as a load balancer or Kubernetes sees it: ready while the keys file names any caller, by key or by
// token, and 503 with the reason when it names none (a proxy that can only refuse should take no traffic).
import { afterEach, describe, expect, it } from 'vitest';
import { type Harness, harness, KEYS, writeKeysFile } from '../support/harness.js';

const ISSUER = 'https://sso.example.com';
const TOKENS = {
  issuers: [{ issuer: ISSUER, audience: 'wks-logoff-proxy' }],
  callers: [{ id: 'sre', issuer: ISSUER, subject: 'alice', projects: ['*'] }],
};

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('/readyz', () => {
  it('counts callers of both kinds: not ready with none, ready with keys, token callers, or both', async () => {
    h = await harness();
    const harnessed = h;
    const readiness = async (keys: typeof KEYS, tokens = {}) => {
      await writeKeysFile(keys, harnessed.keysFile, tokens);
      await harnessed.keys.load();
      const response = await harnessed.app.inject('/readyz');
      return { status: response.statusCode, body: response.json() };
    };
    expect(await readiness([])).toEqual({
      status: 503,
      body: { status: 'not ready', reason: 'no callers (keys or token callers) are configured' },
    });
    expect(await readiness([], TOKENS)).toEqual({ status: 200, body: { status: 'ready' } });
    expect(await readiness(KEYS.slice(0, 1), TOKENS)).toEqual({ status: 200, body: { status: 'ready' } });
    expect(await readiness(KEYS.slice(0, 1))).toEqual({ status: 200, body: { status: 'ready' } });
    expect(await readiness([], { issuers: TOKENS.issuers })).toMatchObject({ status: 503 });
  });
});
