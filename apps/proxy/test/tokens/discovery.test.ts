// Where an issuer's discovery document is, and why a document is not trusted, in the words the log's issuerProblem
// gives the operator (README: "When an identity provider misbehaves").
import { describe, expect, it } from 'vitest';
import { discoveryUrl, keySetUrlOf } from '../../src/tokens/discovery.js';
import { IssuerUnavailable } from '../../src/tokens/idp-fetch.js';

const ISSUER = 'https://sso.example.com';

describe('discoveryUrl', () => {
  it.each([
    ['https://sso.example.com', 'https://sso.example.com/.well-known/openid-configuration'],
    ['https://sso.example.com/', 'https://sso.example.com/.well-known/openid-configuration'],
    [
      'https://sso.example.com/realms/ops/',
      'https://sso.example.com/realms/ops/.well-known/openid-configuration',
    ],
    [
      'https://sso.example.com/realms/ops',
      'https://sso.example.com/realms/ops/.well-known/openid-configuration',
    ],
  ])('%s: %s', (issuer, url) => {
    expect(discoveryUrl(issuer)).toBe(url);
  });
});

describe('a discovery document not trusted, and why', () => {
  it.each([
    ['null', null, 'the discovery document is not a JSON object'],
    ['a list', [{ issuer: ISSUER }], 'the discovery document is not a JSON object'],
    ['a string', ISSUER, 'the discovery document is not a JSON object'],
    [
      'of another issuer',
      { issuer: `${ISSUER}/`, jwks_uri: `${ISSUER}/jwks` },
      'the discovery document names another issuer',
    ],
    ['without jwks_uri', { issuer: ISSUER }, 'the discovery document gives no https jwks_uri'],
    [
      'with a jwks_uri that is not text',
      { issuer: ISSUER, jwks_uri: 5 },
      'the discovery document gives no https jwks_uri',
    ],
    [
      'with an http jwks_uri off loopback',
      { issuer: ISSUER, jwks_uri: 'http://sso.example.com/jwks' },
      'the discovery document gives no https jwks_uri',
    ],
    [
      'of an https issuer, with an http jwks_uri on loopback',
      { issuer: ISSUER, jwks_uri: 'http://127.0.0.1:8443/jwks' },
      'the discovery document of an https issuer gives a jwks_uri that is not https',
    ],
  ])('%s', (_label, document, why) => {
    let thrown: unknown;
    try {
      keySetUrlOf(ISSUER, document);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(IssuerUnavailable);
    expect((thrown as Error).message).toBe(why);
  });
});
