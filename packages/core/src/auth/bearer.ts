import type { Auth } from './types.js';

/**
 * Authenticates to the internal wks-logoff proxy with a caller key: `Authorization: Bearer <key>`. `source` names
 * where the key came from (e.g. the variable holding it), for the hint when the proxy refuses it.
 */
export function bearerAuth(key: string, options: { source?: string | undefined } = {}): Auth {
  return {
    kind: 'bearer',
    source: options.source,
    authorize(request) {
      request.headers.set('Authorization', `Bearer ${key}`);
    },
  };
}
