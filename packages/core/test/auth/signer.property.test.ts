// Our signer against the official Huawei Node SDK's AKSKSigner (a devDependency, never shipped), on random
// requests drawn where the two are comparable: the official signer signs every header present, hashes
// JSON.stringify of a parsed body, and orders names with `_` or digits inconsistently, so header names are
// lowercase letters and `-`, values have no outer whitespace, and bodies are JSON objects.
import { createRequire } from 'node:module';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { signRequest } from '../../src/auth/signer.js';

const require = createRequire(import.meta.url);
const { AKSKSigner } = require('@huaweicloud/huaweicloud-sdk-core/auth/AKSKSigner.js') as {
  AKSKSigner: { sign(request: object, credential: object): Record<string, string> };
};

const RESERVED = new Set(['host', 'authorization', 'x-sdk-date', 'content-type']);
const text = fc.string({
  unit: fc.constantFrom(...'abcXYZ019 -_.~!*éü€中文🙂'.split(/(?:)/u)),
  maxLength: 12,
});
// `.` and `..` are excluded: URLs normalise them away before anything is sent.
const segment = fc
  .string({ unit: fc.constantFrom(...'abcxyz019-_.~éü中🙂'.split(/(?:)/u)), minLength: 1, maxLength: 10 })
  .filter((s) => s !== '.' && s !== '..');
const headerName = fc
  .stringMatching(/^[a-z][a-z-]{0,14}[a-z]$/)
  .filter((name) => !RESERVED.has(name) && !name.includes('--'));
const headerValue = fc
  .string({ unit: fc.constantFrom(...'abcXYZ019-_=/+;,.: '.split('')), minLength: 1, maxLength: 20 })
  .map((v) => v.trim())
  .filter((v) => v.length > 0);

const requestArb = fc.record({
  method: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE'),
  path: fc.array(segment, { minLength: 1, maxLength: 4 }),
  query: fc.dictionary(fc.stringMatching(/^[a-z]{1,6}$/), text, { maxKeys: 4 }),
  headers: fc.dictionary(headerName, headerValue, { maxKeys: 5 }),
  body: fc.option(
    fc.dictionary(
      fc.stringMatching(/^[a-z_]{1,8}$/),
      fc.oneof(text, fc.integer(), fc.array(text, { maxLength: 3 })),
    ),
    { nil: undefined },
  ),
  securityToken: fc.option(fc.stringMatching(/^[A-Za-z0-9+/=]{8,40}$/), { nil: undefined }),
  accessKey: fc.stringMatching(/^[A-Z0-9]{20}$/),
  secretKey: fc.stringMatching(/^[A-Za-z0-9]{40}$/),
  date: fc.date({
    min: new Date('2000-01-01T00:00:00Z'),
    max: new Date('2099-12-31T23:59:59Z'),
    noInvalidDate: true,
  }),
});

function sdkDate(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

describe('signRequest agrees with the official AKSKSigner', () => {
  it('on random requests (Authorization headers identical)', () => {
    fc.assert(
      fc.property(requestArb, (r) => {
        const headers: Record<string, string> = {
          ...r.headers,
          'content-type': 'application/json',
          'X-Sdk-Date': sdkDate(r.date),
        };
        if (r.securityToken) {
          headers['x-security-token'] = r.securityToken;
        }
        const rawPath = `/${r.path.join('/')}`;
        const base = 'https://workspace.cn-north-4.myhuaweicloud.com';
        const url = new URL(
          `${base}${r.path
            .map((s) => encodeURIComponent(s))
            .map((s) => `/${s}`)
            .join('')}`,
        );
        for (const [name, value] of Object.entries(r.query)) {
          url.searchParams.append(name, value);
        }
        const body = r.body === undefined ? '' : JSON.stringify(r.body);

        const ours = signRequest({ method: r.method, url, headers, body }, r, { signedHeaders: 'all' });
        const official = AKSKSigner.sign(
          {
            method: r.method,
            endpoint: `${base}${rawPath}`,
            headers: { ...headers },
            queryParams: r.query,
            data: r.body,
          },
          { getAk: () => r.accessKey, getSk: () => r.secretKey },
        );
        expect(ours.authorization).toBe(official.Authorization);
      }),
      { numRuns: 300 },
    );
  });
});
