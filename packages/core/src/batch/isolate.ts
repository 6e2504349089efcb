// Which failures one desktop can cause, so that splitting the chunk finds it. Only the service's own errors
// (WKS.*) qualify; a gateway error (APIGW.*: wrong endpoint, credentials, throttling) is the same for every
// half, so splitting would only multiply requests.
import { type WksError, WorkspaceApiError } from '../errors/classes.js';

export function isIsolatable(error: WksError, ids: readonly string[]): boolean {
  if (!(error instanceof WorkspaceApiError) || error.source !== 'service') return false;
  if (error.status === 404 || error.status === 409 || error.status === 403) return true;
  if (error.status === 400) {
    const text = `${error.errorMsg ?? ''} ${error.errorDetail ?? ''}`;
    return ids.some((id) => text.includes(id));
  }
  return false;
}

/** Failures after which nothing else should be sent: the credentials or the permission are wrong for all. */
export function stopReason(error: WksError): 'auth' | 'forbidden' | undefined {
  if (!(error instanceof WorkspaceApiError)) return undefined;
  if (error.status === 401) return 'auth';
  if (error.status === 403 && error.source !== 'service') return 'forbidden';
  return undefined;
}

export function isThrottled(error: WksError): boolean {
  return error instanceof WorkspaceApiError && error.status === 429;
}
