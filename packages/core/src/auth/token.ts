import type { Auth } from './types.js';

/** A static IAM user token, or a function that returns the current one. */
export type TokenSource = string | (() => string | Promise<string>);

/** Authenticates with an IAM token in `X-Auth-Token`. */
export function tokenAuth(token: TokenSource): Auth {
  const current = typeof token === 'string' ? () => token : token;
  return {
    kind: 'iam-token',
    async authorize(request) {
      request.headers.set('X-Auth-Token', await current());
    },
  };
}
