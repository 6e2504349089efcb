// The callers' own rules: constant-time lookup by digest and the per-key rate, on an injected clock.
import { writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { type CallerKey, Callers, hashKey, KeyStore } from '../src/index.js';
import { KEY_ALL, KEYS, writeKeysFile } from './support/harness.js';

function storeAt(clock: { now: number }) {
  return new Callers('unused.json', () => clock.now);
}

const key = (rate: number): CallerKey => ({ id: 'k', sha256: hashKey('k'), projects: ['*'], rate });

describe('per-key rate', () => {
  it('0.5 requests per second: one request every two seconds, never refused forever', () => {
    const clock = { now: 0 };
    const keys = storeAt(clock);
    const slow = key(0.5);
    expect(keys.throttle(slow)).toBe(0);
    expect(keys.throttle(slow)).toBe(2000);
    clock.now = 1999;
    expect(keys.throttle(slow)).toBe(1);
    clock.now = 2000;
    expect(keys.throttle(slow)).toBe(0);
    clock.now = 3000;
    expect(keys.throttle(slow)).toBe(1000);
    clock.now = 4000;
    expect(keys.throttle(slow)).toBe(0);
  });

  it('a rate of 5 allows a burst of 5, then one every 200 ms', () => {
    const clock = { now: 0 };
    const keys = storeAt(clock);
    const fast = key(5);
    expect(Array.from({ length: 6 }, () => keys.throttle(fast))).toEqual([0, 0, 0, 0, 0, 200]);
    clock.now = 200;
    expect(keys.throttle(fast)).toBe(0);
    expect(keys.throttle(fast)).toBe(200);
  });
});

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
