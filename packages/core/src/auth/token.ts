import { credentialGetter } from './credential.js';
import type { Auth } from './types.js';

/** A static IAM user token, or a function that returns the current one. */
export type TokenSource = string | (() => string | Promise<string>);

/**
 * Authenticates with an IAM token in `X-Auth-Token`. A missing, empty or malformed token is refused at once (a
 * function's answer, on every request) with a ConfigurationError, and nothing is sent. `source` names where the
 * token came from (e.g. the variable holding it), in refusals and in the hint when the cloud rejects it.
 */
export function tokenAuth(token: TokenSource, options: { source?: string | undefined } = {}): Auth {
  const current = credentialGetter(
    token,
    options.source ?? 'The token given to tokenAuth',
    options.source ?? 'The token returned to tokenAuth',
  );
  return {
    scheme: 'iam-token',
    source: options.source,
    async authorize(request) {
      request.headers.set('X-Auth-Token', await current());
    },
  };
}
