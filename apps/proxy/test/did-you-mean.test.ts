// Which known name a misspelled one most likely meant: slips (a typo, a swapped or missing letter, another case
// or separator, a missing prefix) are suggested, other words are not.
import { describe, expect, it } from 'vitest';
import { didYouMean } from '../src/did-you-mean.js';

const SETTINGS = [
  'WKS_PROXY_PORT',
  'WKS_PROXY_HOST',
  'WKS_PROXY_KEYS_FILE',
  'WKS_PROXY_TOKEN_FILE',
  'WKS_PROXY_BODY_LIMIT',
  'WKS_ENDPOINT',
];

describe('didYouMean', () => {
  it.each([
    ['WKS_PROXY_PROT', 'WKS_PROXY_PORT'],
    ['WKS_PROXY_POT', 'WKS_PROXY_PORT'],
    ['wks_proxy_host', 'WKS_PROXY_HOST'],
    ['WKS_PROXY_BODYLIMIT', 'WKS_PROXY_BODY_LIMIT'],
    ['WKS-PROXY-KEYS-FILE', 'WKS_PROXY_KEYS_FILE'],
    ['keysFile', 'WKS_PROXY_KEYS_FILE'],
    ['port', 'WKS_PROXY_PORT'],
    ['WKS_ENDPIONT', 'WKS_ENDPOINT'],
  ])('%s → %s', (given, meant) => {
    expect(didYouMean(given, SETTINGS)).toBe(meant);
  });

  // `file` ends two names; `WKS_PROXY_POST` is one edit from PORT and from HOST.
  it.each([['HTTPS_PROXY'], ['LOG'], ['WKS_PROXY_COLOR'], [''], ['file'], ['WKS_PROXY_POST']])(
    '%s → nothing',
    (given) => {
      expect(didYouMean(given, SETTINGS)).toBeUndefined();
    },
  );
});
