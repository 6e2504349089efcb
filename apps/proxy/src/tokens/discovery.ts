// An issuer's discovery document (OpenID Connect Discovery 1.0): where it is, and the key set's address it gives,
// trusted only when the document names the configured issuer exactly (§4.3) and the key set is served as safely as
// the issuer (an https issuer's keys over https: keys fetched in the clear could be swapped on the way).
import { isSecureUrl } from '../keys-file.js';
import { IssuerUnavailable } from './idp-fetch.js';

export function discoveryUrl(issuer: string): string {
  return `${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`;
}

/** The `jwks_uri` of an issuer's discovery document; IssuerUnavailable, saying why, when it cannot be trusted. */
export function keySetUrlOf(issuer: string, document: unknown): string {
  if (typeof document !== 'object' || document === null || Array.isArray(document)) {
    throw new IssuerUnavailable('the discovery document is not a JSON object');
  }
  const fields = document as { issuer?: unknown; jwks_uri?: unknown };
  if (fields.issuer !== issuer) {
    throw new IssuerUnavailable('the discovery document names another issuer');
  }
  const uri = fields.jwks_uri;
  // Stryker disable next-line ConditionalExpression: isSecureUrl() refuses what is not text too.
  if (typeof uri !== 'string' || !isSecureUrl(uri)) {
    throw new IssuerUnavailable('the discovery document gives no https jwks_uri');
  }
  if (new URL(issuer).protocol === 'https:' && new URL(uri).protocol !== 'https:') {
    throw new IssuerUnavailable(
      'the discovery document of an https issuer gives a jwks_uri that is not https',
    );
  }
  return uri;
}
