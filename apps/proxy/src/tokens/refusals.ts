// Why a token was refused, said once for the caller (the answer) and the operator (logs and metrics). Every 401
// the caller cannot fix by itself (a malformed or forged token, an issuer or algorithm not accepted) has one text,
// so an anonymous caller cannot tell configured issuers from others; the precise reason goes to the log only. The
// rest (expired, wrong audience, ...) is only reached by a token whose signature checked out. 401 when the token
// cannot be trusted, 403 when it can but names no caller, 503 when its identity provider cannot be asked.
import { errors } from 'jose';
import { IssuerUnavailable } from './idp-fetch.js';

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
  /** For the log only: what the identity provider did, when it could not be asked. */
  issuerProblem?: string;
  /** When it could not be asked: when it will be asked again (the caller's Retry-After). */
  retryAfterMs?: number;
}

const NOT_ACCEPTED =
  'The token is not accepted: it is malformed, or not signed by a key of an issuer this proxy trusts.';

const MESSAGES: Record<TokenFailure, [TokenRefusal['status'], string]> = {
  malformed: [401, NOT_ACCEPTED],
  'unknown-issuer': [401, NOT_ACCEPTED],
  algorithm: [401, NOT_ACCEPTED],
  'unknown-signing-key': [401, NOT_ACCEPTED],
  signature: [401, NOT_ACCEPTED],
  expired: [401, 'The token has expired.'],
  'not-yet-valid': [401, 'The token is not valid yet.'],
  'issued-in-the-future': [401, 'The token was issued in the future: check the clocks.'],
  'too-old': [401, 'The token was issued too long ago.'],
  audience: [401, "The token's audience is not this proxy."],
  'missing-claim': [401, 'The token lacks a required claim (exp and iat are required).'],
  'no-caller': [403, 'No caller matches this token.'],
  'issuer-unavailable': [503, "The token's issuer cannot be reached to check it; try again."],
};

export function refusal(reason: TokenFailure): TokenRefusal {
  const [status, message] = MESSAGES[reason];
  return { status, reason, message };
}

/** The refusal for an error of jose's verification (or of fetching the issuer's keys). */
export function refusalOf(error: unknown): TokenRefusal {
  if (error instanceof IssuerUnavailable) {
    return {
      ...refusal('issuer-unavailable'),
      issuerProblem: error.message,
      ...(error.retryAfterMs ? { retryAfterMs: error.retryAfterMs } : {}),
    };
  }
  if (error instanceof errors.JWKSInvalid) {
    // A member of the key set that is not a usable public key: the provider's fault, found when it is imported.
    return {
      ...refusal('issuer-unavailable'),
      issuerProblem: 'its key set holds a key that is not a public key',
    };
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
      // Stryker disable next-line StringLiteral: unreachable, the issuer is chosen by the token's own iss; kept for safety.
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
  // Anything else came from fetching the key set.
  return { ...refusal('issuer-unavailable'), issuerProblem: String(error) };
}
