// One token's signature and claims, checked with jose against an issuer's keys. A token without `kid` matches
// every published key of its algorithm, and an issuer publishes two during a key rotation: each is tried in turn.
import { errors, type JWTPayload, type JWTVerifyGetKey, type JWTVerifyOptions, jwtVerify } from 'jose';

export async function verifyToken(
  token: string,
  getKey: JWTVerifyGetKey,
  options: JWTVerifyOptions,
): Promise<JWTPayload> {
  try {
    return (await jwtVerify(token, getKey, options)).payload;
  } catch (error) {
    if (!(error instanceof errors.JWKSMultipleMatchingKeys)) {
      throw error;
    }
    // jose's error iterates over the candidate keys.
    for await (const key of error as unknown as AsyncIterable<CryptoKey>) {
      try {
        return (await jwtVerify(token, key, options)).payload;
      } catch (attempt) {
        if (!(attempt instanceof errors.JWSSignatureVerificationFailed)) {
          throw attempt;
        }
      }
    }
    throw new errors.JWSSignatureVerificationFailed();
  }
}
