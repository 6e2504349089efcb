// The callers' own rules: lookup by digest, the keys file's encoding and checks, a caller's weight (a caller's
// rate: test/budget/caller-rate.test.ts).
import { writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { type CallerKey, Callers, KeyStore, keysFileProblems } from '../src/index.js';
import { KEY_ALL, KEYS, writeKeysFile } from './support/harness.js';

describe('the keys file’s encoding', () => {
  it('a file that is not valid UTF-8 is refused, not read with U+FFFD in place of its bytes; the previous keys stay', async () => {
    const path = await writeKeysFile(KEYS);
    const store = new Callers(path);
    await store.load();
    // A subject saved in Latin-1: read as UTF-8 it would silently never match the token's `sub`.
    const issuer = 'https://sso.example.com';
    const text = JSON.stringify({
      keys: KEYS,
      issuers: [{ issuer, audience: 'wks-logoff-proxy' }],
      callers: [{ id: 'sre', issuer, subject: 'andr#', projects: ['*'] }],
    });
    await writeFile(path, Buffer.from(text.replace('andr#', 'andr\u00e9'), 'latin1'));
    await expect(store.load()).rejects.toMatchObject({ problems: ['not valid UTF-8 (save it as UTF-8)'] });
    expect(store.authenticate(KEY_ALL)?.id).toBe('ops-all');
    expect(store.size).toBe(KEYS.length);
  });
});

describe('the name of 0.1.0', () => {
  it('KeyStore, deprecated, still builds the callers embedders of 0.1.0 pass to buildServer', async () => {
    const store = new KeyStore(await writeKeysFile(KEYS));
    await store.load();
    expect(store).toBeInstanceOf(Callers);
    expect(store.authenticate(KEY_ALL)?.id).toBe('ops-all');
  });
});

describe('a caller’s weight (its share of the upstream budget while requests wait)', () => {
  const issuer = { issuer: 'https://sso.example.com', audience: 'wks-logoff-proxy' };
  const tokenCaller = { id: 'bot', issuer: issuer.issuer, subject: 'bot', projects: ['*'] };

  it('is optional, on keys and on token callers alike', () => {
    expect(
      keysFileProblems({
        keys: [{ ...KEYS[0], weight: 2 }, { ...KEYS[1], weight: 0.5 }, KEYS[2]],
        issuers: [issuer],
        callers: [{ ...tokenCaller, weight: 1000 }],
      }),
    ).toEqual([]);
  });

  it.each([0, -1, 1001, '2', null])('%j is refused, in the operator’s words', (weight) => {
    expect(
      keysFileProblems({
        keys: [{ ...KEYS[0], weight }],
        issuers: [issuer],
        callers: [{ ...tokenCaller, weight }],
      }),
    ).toEqual([
      'keys[0].weight must be a number above 0 and at most 1000',
      'callers[0].weight must be a number above 0 and at most 1000',
    ]);
  });

  it('a reload changes it', async () => {
    const key = KEYS[0] as CallerKey;
    const path = await writeKeysFile([{ ...key, weight: 1 }]);
    const store = new Callers(path);
    await store.load();
    expect(store.authenticate(KEY_ALL)?.weight).toBe(1);
    await writeKeysFile([{ ...key, weight: 3 }], path);
    await store.load();
    expect(store.authenticate(KEY_ALL)?.weight).toBe(3);
  });
});
