// A bearer credential of three base64url segments is a token (JWT) and is verified as one; anything else is looked
// up as a key. The signature segment may be empty (an unsigned `alg: none` token), so such a token is refused as
// a token rather than looked up as a key.
const JWT = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

export function looksLikeJwt(credential: string): boolean {
  return JWT.test(credential);
}
