// What a failed call means for the batch, read from the failure rules (errors/rules.ts): whether one desktop can
// cause it (so isolating finds it) and which desktops its error names, whether everything must stop, whether the
// cloud is failing every call alike, whether the gateway is throttling.
import type { WksError, WorkspaceApiError } from '../errors/classes.js';
import { ruleOf } from '../errors/rules.js';

/** The IDs of `ids` the error's message or detail names, each as a whole word (not inside a longer ID). */
export function namedIds(error: WksError, ids: readonly string[]): string[] {
  // Only the cloud's answers carry a message and a detail; join() writes what is missing as ''.
  const { errorMsg, errorDetail } = error as Partial<WorkspaceApiError>;
  const text = [errorMsg, errorDetail].join(' ');
  return ids.filter((id) => {
    for (let at = text.indexOf(id); at !== -1; at = text.indexOf(id, at + 1)) {
      if (!isIdCharacter(text[at - 1]) && !isIdCharacter(text[at + id.length])) {
        return true;
      }
    }
    return false;
  });
}

function isIdCharacter(character: string | undefined): boolean {
  return character !== undefined && /[A-Za-z0-9_.-]/.test(character);
}

/** One desktop can cause this failure (a 400 only when it names one: `named`, from namedIds). */
export function isIsolatable(error: WksError, named: readonly string[]): boolean {
  const { isolatable } = ruleOf(error);
  return isolatable === 'yes' || (isolatable === 'if-named' && named.length > 0);
}

/**
 * Failures after which nothing else should be sent: the credentials or the permission are wrong for all, or the
 * configuration fails every request before it goes out.
 */
export function stopReason(error: WksError): 'auth' | 'forbidden' | 'configuration' | undefined {
  return ruleOf(error).stop;
}

/** The cloud, or the way to it, fails every call alike (down, unreachable, overloaded). */
export function isSystemic(error: WksError): boolean {
  return ruleOf(error).systemic;
}

export function isThrottled(error: WksError): boolean {
  return ruleOf(error).throttled;
}
