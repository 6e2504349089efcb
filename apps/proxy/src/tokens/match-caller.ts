// Which caller a verified token is: the first entry of the keys file's `callers` with the token's issuer whose
// subject equals its `sub` and whose claims it carries (a string claim equal to the value, an array claim
// containing it).
import type { JWTPayload } from 'jose';
import type { TokenCaller } from '../keys-file.js';

export function matchCaller(
  callers: readonly TokenCaller[],
  issuer: string,
  claims: JWTPayload,
): TokenCaller | undefined {
  return callers.find(
    (caller) =>
      caller.issuer === issuer &&
      (caller.subject === undefined || claims.sub === caller.subject) &&
      Object.entries(caller.claims ?? {}).every(([name, wanted]) => {
        const value = claims[name];
        return typeof value === 'string' ? value === wanted : Array.isArray(value) && value.includes(wanted);
      }),
  );
}
