// Why a token was refused, said once for the caller (the answer) and the operator (logs and metrics): each reason
// names only what the caller sent. 401 when the token cannot be trusted, 403 when it can but names no caller, 503
// when its identity provider cannot be asked.
import { errors } from 'jose';
import { IssuerUnavailable } from './issuer-keys.js';

export type TokenFailure =
  | 'malformed'
  | 'unknown-issuer'
  | 'expired'
  | 'not-yet-valid'
  | 'issued-in-the-future'
  | 'too-old'
  | 'audience'
  | 'missing-claim'
  | 'algorithm'
  | 'unknown-signing-key'
  | 'signature'
  | 'no-caller'
  | 'issuer-unavailable';

export interface TokenRefusal {
  status: 401 | 403 | 503;
  reason: TokenFailure;
  message: string;
}

const MESSAGES: Record<TokenFailure, [TokenRefusal['status'], string]> = {
  malformed: [401, 'The token is malformed.'],
  'unknown-issuer': [401, "The token's issuer is not accepted."],
  expired: [401, 'The token has expired.'],
  'not-yet-valid': [401, 'The token is not valid yet.'],
  'issued-in-the-future': [401, 'The token was issued in the future: check the clocks.'],
  'too-old': [401, 'The token was issued too long ago.'],
  audience: [401, "The token's audience is not this proxy."],
  'missing-claim': [401, 'The token lacks a required claim (exp and iat are required).'],
  algorithm: [401, "The token's signing algorithm is not accepted."],
  'unknown-signing-key': [401, 'The token was signed with a key its issuer does not publish.'],
  signature: [401, "The token's signature is invalid."],
  'no-caller': [403, 'No caller matches this token.'],
  'issuer-unavailable': [503, "The token's issuer cannot be reached to check it; try again."],
};

export function refusal(reason: TokenFailure): TokenRefusal {
  const [status, message] = MESSAGES[reason];
  return { status, reason, message };
}

/** The refusal for an error of jose's verification (or of fetching the issuer's keys). */
export function refusalOf(error: unknown): TokenRefusal {
  if (
    error instanceof IssuerUnavailable ||
    error instanceof errors.JWKSTimeout ||
    error instanceof errors.JWKSInvalid
  ) {
    return refusal('issuer-unavailable');
  }
  if (error instanceof errors.JWTExpired) {
    return refusal(error.claim === 'iat' ? 'too-old' : 'expired');
  }
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.reason === 'missing') {
      return refusal('missing-claim');
    }
    const byClaim: Partial<Record<string, TokenFailure>> = {
      nbf: 'not-yet-valid',
      iat: 'issued-in-the-future',
      aud: 'audience',
      iss: 'unknown-issuer',
    };
    return refusal(byClaim[error.claim] ?? 'malformed');
  }
  if (error instanceof errors.JOSEAlgNotAllowed) {
    return refusal('algorithm');
  }
  if (error instanceof errors.JWKSNoMatchingKey) {
    return refusal('unknown-signing-key');
  }
  if (error instanceof errors.JWSSignatureVerificationFailed) {
    return refusal('signature');
  }
  if (error instanceof errors.JOSEError) {
    return refusal('malformed');
  }
  // Anything else came from fetching the key set (a refused connection, a body that is not a key set).
  return refusal('issuer-unavailable');
}
