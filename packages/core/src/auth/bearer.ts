import type { TokenSource } from './token.js';
import type { Auth } from './types.js';

/**
 * Authenticates to the internal wks-logoff proxy: `Authorization: Bearer <credential>`, a caller key or a token of
 * an identity provider the proxy trusts (OIDC / workload identity). A function is asked on every attempt, so a
 * token read from a file that rotates (a Kubernetes projected token) is always the current one. `source` names
 * where the credential came from (e.g. the variable holding it), for the hint when the proxy refuses it.
 */
export function bearerAuth(credential: TokenSource, options: { source?: string | undefined } = {}): Auth {
  const current = typeof credential === 'string' ? () => credential : credential;
  return {
    kind: 'bearer',
    source: options.source,
    async authorize(request) {
      request.headers.set('Authorization', `Bearer ${await current()}`);
    },
  };
}
