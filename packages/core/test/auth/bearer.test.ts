// The proxy's bearer credential: a key, or a token asked for on every attempt (a projected token file rotates).
import { describe, expect, it } from 'vitest';
import { bearerAuth } from '../../src/index.js';

const authorize = async (auth: ReturnType<typeof bearerAuth>) => {
  const headers = new Headers();
  await auth.authorize({
    method: 'POST',
    url: 'http://proxy.test/v2/p/desktops/logoff',
    headers,
    body: '{}',
  });
  return headers.get('authorization');
};

describe('bearerAuth', () => {
  it('sends a key as the bearer credential and names where it came from', async () => {
    const auth = bearerAuth('wksp_key', { source: 'WKS_PROXY_KEY' });
    expect(await authorize(auth)).toBe('Bearer wksp_key');
    expect(auth.source).toBe('WKS_PROXY_KEY');
  });

  it('asks a function for the current credential on every attempt', async () => {
    const tokens = ['token-1', 'token-2'];
    let asked = 0;
    const auth = bearerAuth(async () => tokens[asked++] as string);
    expect(await authorize(auth)).toBe('Bearer token-1');
    expect(await authorize(auth)).toBe('Bearer token-2');
  });
});
