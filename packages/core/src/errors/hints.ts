// What a user can do about an error, in one sentence. Never repeats a secret: only names variables.
import { type WksError, WorkspaceApiError } from './classes.js';

export function hintFor(error: WksError, authKind: string): string | undefined {
  if (!(error instanceof WorkspaceApiError)) return undefined;
  const code = error.errorCode ?? '';
  if (error.status === 401) {
    if (authKind === 'aksk') {
      return 'Check HUAWEICLOUD_SDK_AK/HUAWEICLOUD_SDK_SK (and HUAWEICLOUD_SDK_SECURITY_TOKEN for temporary keys) and that this machine’s clock is within 15 minutes of UTC. Not retried: five failures in a row lock the key for 5 minutes.';
    }
    if (authKind === 'bearer') {
      // The proxy's own answers carry WKSP.* codes; anything else came from the cloud, about the proxy's keys.
      return code.startsWith('WKSP.')
        ? 'The proxy rejected the caller key: check WKS_PROXY_KEY.'
        : `The cloud rejected the proxy's own credentials (${code || 'no error code'}): tell the proxy's operators.`;
    }
    return code === 'APIGW.0307'
      ? 'The token has expired or belongs to another region: get a new one.'
      : 'The token was rejected: check WKS_AUTH_TOKEN (or the IAM settings).';
  }
  if (error.status === 403 && error.source === 'gateway') {
    return 'The credentials may not call this API here: check the IAM policy (workspace:desktops:logoff) and the project.';
  }
  if (error.status === 404 && error.source === 'gateway')
    return 'The API was not found: check the endpoint or region.';
  return undefined;
}
