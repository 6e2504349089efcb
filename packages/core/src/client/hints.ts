// What a user can do about an error, in one sentence. Never repeats a secret: only names variables.
import type { Auth } from '../auth/types.js';
import { ENV } from '../config/env.js';
import { type WksError, WorkspaceApiError } from '../errors/classes.js';

export function hintFor(error: WksError, auth: Pick<Auth, 'scheme' | 'source'>): string | undefined {
  if (!(error instanceof WorkspaceApiError)) {
    return undefined;
  }
  const code = error.errorCode ?? '';
  if (error.status === 401) {
    if (auth.scheme === 'aksk') {
      return `Check ${ENV.accessKey}/${ENV.secretKey} (and ${ENV.securityToken} for temporary keys) and that this machine’s clock is within 15 minutes of UTC. Not retried: five failures in a row lock the key for 5 minutes.`;
    }
    if (auth.scheme === 'bearer') {
      // The proxy's own answers carry WKSP.* codes; anything else came from the cloud, about the proxy's keys.
      return code.startsWith('WKSP.')
        ? `The proxy rejected the caller's credential${auth.source ? `: check ${auth.source}` : ''}.`
        : `The cloud rejected the proxy's own credentials (${code || 'no error code'}): tell the proxy's operators.`;
    }
    return code === 'APIGW.0307'
      ? 'The token has expired or belongs to another region: get a new one.'
      : `The token was rejected: check ${auth.source ?? ENV.token} (or the IAM settings).`;
  }
  if (error.status === 403 && error.source === 'gateway') {
    return 'The credentials may not call this API here: check the IAM policy (workspace:desktops:logoff) and the project.';
  }
  if (error.status === 404 && error.source === 'gateway') {
    return 'The API was not found: check the endpoint or region.';
  }
  return undefined;
}
