import { credentialGetter } from './credential.js';
import type { TokenSource } from './token.js';
import type { Auth } from './types.js';

/**
 * Authenticates to the internal wks-logoff proxy: `Authorization: Bearer <credential>`, a caller key or a token of
 * an identity provider the proxy trusts (OIDC / workload identity). A function is asked on every attempt, so a
 * token read from a file that rotates (a Kubernetes projected token) is always the current one. `source` names
 * where the credential came from (e.g. the variable holding it), for the hint when the proxy refuses it and in
 * the refusal of a missing, empty or malformed credential (at once; a function's answer on every request: nothing
 * is sent).
 */
export function bearerAuth(credential: TokenSource, options: { source?: string | undefined } = {}): Auth {
  const current = credentialGetter(
    credential,
    options.source ?? 'The credential given to bearerAuth',
    options.source ?? 'The credential returned to bearerAuth',
  );
  return {
    scheme: 'bearer',
    source: options.source,
    async authorize(request) {
      request.headers.set('Authorization', `Bearer ${await current()}`);
    },
  };
}
