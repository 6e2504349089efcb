// The callers beyond callers.test.ts, as operators meet it: a reload of a keys file that cannot be read keeps the
// keys in force and says why, and the keys keygen makes.
import { rm } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { generateKey } from '../src/index.js';
import { looksLikeJwt } from '../src/tokens/looks-like-jwt.js';
import { bearer, harness, KEY_ALL, logoffUrl } from './support/harness.js';

describe('a reload of a keys file that cannot be read', () => {
  it('is refused saying why, and the keys in force stay', async () => {
    const h = await harness();
    try {
      await rm(h.keysFile);
      await expect(h.keys.load()).rejects.toMatchObject({
        problems: ['cannot read it (ENOENT)'],
        message: `Keys file ${h.keysFile} is invalid:\n  - cannot read it (ENOENT)`,
      });
      const response = await h.app.inject({
        method: 'POST',
        url: logoffUrl(),
        headers: { ...bearer(KEY_ALL), 'content-type': 'application/json' },
        payload: { desktop_ids: ['d-1'] },
      });
      expect(response.statusCode).toBe(200);
    } finally {
      await h.close();
    }
  });
});

describe('a key made by keygen', () => {
  it('is wksp_ and 256 random bits in base64url, new each time, and never looks like a token', () => {
    const keys = [generateKey(), generateKey()];
    for (const key of keys) {
      expect(key).toMatch(/^wksp_[A-Za-z0-9_-]{43}$/);
      expect(looksLikeJwt(key)).toBe(false);
    }
    expect(keys[0]).not.toBe(keys[1]);
  });
});
