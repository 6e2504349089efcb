// What a failed chunk means for the batch, read from the failure rules (errors/rules.ts): whether one desktop can
// cause it (so splitting the chunk finds it), whether everything must stop, whether the gateway is throttling.
import { type WksError, WorkspaceApiError } from '../errors/classes.js';
import { ruleOf } from '../errors/rules.js';

export function isIsolatable(error: WksError, ids: readonly string[]): boolean {
  const { isolatable } = ruleOf(error);
  if (isolatable !== 'if-named') {
    return isolatable === 'yes';
  }
  const named =
    error instanceof WorkspaceApiError ? `${error.errorMsg ?? ''} ${error.errorDetail ?? ''}` : '';
  return ids.some((id) => named.includes(id));
}

/** Failures after which nothing else should be sent: the credentials or the permission are wrong for all. */
export function stopReason(error: WksError): 'auth' | 'forbidden' | undefined {
  return ruleOf(error).stop;
}

export function isThrottled(error: WksError): boolean {
  return ruleOf(error).throttled;
}
