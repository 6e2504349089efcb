// The keys file's problems as an operator reads them, beyond keys-file.test.ts: a file that is not an object, every
// entry's problems (not only the first entry's), each place named exactly (`keys[10]`, a property with digits in
// its name), the rules the schema cannot say, and the error a program embedding the proxy catches.
import { describe, expect, it } from 'vitest';
import { KeysFileError, keysFileProblems } from '../src/index.js';

const SHA = 'a'.repeat(64);
const key = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  sha256: SHA,
  projects: ['*'],
  ...extra,
});
const NOT_AN_OBJECT = 'must be an object: {"keys": [...], "issuers": [...], "callers": [...]}';

describe('keysFileProblems', () => {
  it.each([
    ['a list', []],
    ['null', null],
    ['a string', 'keys'],
  ])('a file that is %s: one problem, what it must be', (_label, value) => {
    expect(keysFileProblems(value)).toEqual([NOT_AN_OBJECT]);
  });

  it('a list that is not a list, and an empty object', () => {
    expect(keysFileProblems({ keys: 'x' })).toEqual(['keys must be a list of caller keys']);
    expect(keysFileProblems({ keys: [], issuers: 'x' })).toEqual(['issuers must be a list of issuers']);
    expect(keysFileProblems({})).toEqual(['keys is required']);
  });

  it('every entry’s problems, each in its own words', () => {
    expect(
      keysFileProblems({
        keys: [{ id: 'a' }, { id: 'b', sha256: 'zz', projects: [] }],
        issuers: [{ issuer: 5 }],
      }),
    ).toEqual([
      'keys[0].sha256 is required',
      'keys[0].projects is required',
      'keys[1].sha256 must be 64 lowercase hex characters',
      'keys[1].projects must be a non-empty list of project IDs, or ["*"]',
      'issuers[0].audience is required',
      "issuers[0].issuer must be the issuer's URL",
    ]);
  });

  it('names each place exactly: an index of two digits, properties whose names hold digits', () => {
    const keys = Array.from({ length: 11 }, (_, i) => key(`k${i}`));
    keys[10] = key('k10', { sha2: SHA });
    expect(keysFileProblems({ keys })).toEqual(['keys[10].sha2 is not a known property']);
    expect(keysFileProblems({ keys: [key('a', { '2fa': true })] })).toEqual([
      'keys[0].2fa is not a known property',
    ]);
  });

  it('an issuer listed twice; issuers that are not https (http only on loopback), or not URLs', () => {
    const issuer = (url: string) => ({ issuer: url, audience: 'wks-logoff-proxy' });
    expect(
      keysFileProblems({
        keys: [],
        issuers: [issuer('https://a.example.com'), issuer('https://a.example.com')],
      }),
    ).toEqual(['issuers[1].issuer "https://a.example.com" is listed twice']);
    expect(
      keysFileProblems({
        keys: [],
        issuers: [
          issuer('ftp://a.example.com'),
          issuer('http://b.example.com'),
          issuer('not a url'),
          issuer('ftp://127.0.0.1:21'),
          issuer('http://localhost:8080'),
          issuer('http://[::1]:8080'),
        ],
      }),
    ).toEqual([0, 1, 2, 3].map((i) => `issuers[${i}].issuer must be an https URL (http only on loopback)`));
  });
});

describe('KeysFileError', () => {
  it('is told by its name, and says the file and each problem on its own line', () => {
    const error = new KeysFileError('/etc/wks/keys.json', [
      'keys is required',
      'issuers must be a list of issuers',
    ]);
    expect(error.name).toBe('KeysFileError');
    expect(error.message).toBe(
      'Keys file /etc/wks/keys.json is invalid:\n  - keys is required\n  - issuers must be a list of issuers',
    );
  });
});
