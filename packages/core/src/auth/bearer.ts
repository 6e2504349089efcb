import type { Auth } from './types.js';

/** Authenticates to the internal wks-logoff proxy with a caller key: `Authorization: Bearer <key>`. */
export function bearerAuth(key: string): Auth {
  return {
    kind: 'bearer',
    authorize(request) {
      request.headers.set('Authorization', `Bearer ${key}`);
    },
  };
}
