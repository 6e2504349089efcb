// Turns each answer into what the batch knows: the report's entries, the isolation strategy's next steps, the
// pacer's rate, the breaker's count, and a stop when nothing more should be sent.
import { type WksError, WorkspaceApiError } from '../errors/classes.js';
import { ruleOf } from '../errors/rules.js';
import type { Breaker } from './breaker.js';
import type { Call, IsolationStrategy, Settlement } from './isolation.js';
import type { Pacer } from './pace.js';
import type { ReportBuilder, StopInfo } from './report.js';
import type { Answer } from './sender.js';

// A configuration failure is found before a request goes out: say so, and that the rest can be resumed.
const CONFIGURATION_HINT =
  'Nothing was sent from the call that found it on: fix what the message names, then resume the failed and skipped desktops.';

/** What the scheduler does with the call next. */
export type Next = 'done' | 'requeue';

export class Settler {
  stop: StopInfo | undefined;
  /** The latest failure, while every call so far failed because the cloud (or the way to it) was failing. */
  #everyCallFailedAlike: WksError | undefined;
  #answered = false;

  constructor(
    private readonly report: ReportBuilder,
    private readonly strategy: IsolationStrategy<WksError>,
    private readonly pacer: Pacer,
    private readonly breaker: Breaker,
    private readonly maxRequeues: number,
  ) {}

  /** Settles an answer; `requeues`: times this call was put back already. */
  settle(call: Call, answer: Answer, requeues: number): Next {
    this.#record(call, answer);
    if (answer.ok) {
      this.#answered = true;
      this.#everyCallFailedAlike = undefined;
      this.breaker.record(false);
      this.pacer.onSuccess();
      const { requestId, uncertain } = answer.result;
      this.report.succeed(call.ids, requestId, uncertain);
      this.recordFailures(this.strategy.accepted(call));
      // Stryker disable next-line StringLiteral: the scheduler tells only 'requeue' apart.
      return 'done';
    }
    const { error } = answer;
    const systemic = isSystemic(error);
    this.breaker.record(systemic);
    this.#answered ||= !systemic;
    this.#everyCallFailedAlike = this.#answered ? undefined : error;
    const reason = stopReason(error);
    if (reason) {
      this.stop ??= this.#stopInfo(reason, error, error.message);
    } else if (systemic && this.breaker.tripped) {
      this.stop ??= this.#stopInfo(
        'unreachable',
        error,
        `the cloud is unreachable: ${error.message}; nothing more was sent`,
      );
    } else if (isThrottled(error)) {
      this.pacer.onThrottled();
      // Isolation calls too: a valid desktop must never fail only because the call that would clear it was
      // throttled.
      if (requeues < this.maxRequeues && !this.stop) {
        this.report.requests.requeued++;
        return 'requeue';
      }
    }
    const named = namedIds(error, call.ids);
    const isolatable = !reason && isIsolatable(error, named);
    this.recordFailures(this.strategy.failed(call, error, isolatable, named));
    return 'done';
  }

  /**
   * At the end of a batch that did not stop: when every call failed the way that trips the breaker, the batch had
   * too few calls to trip it, and ends as it would have stopped (a batch of any size says the cloud is unreachable).
   */
  unreachableAtEnd(): StopInfo | undefined {
    const error = this.#everyCallFailedAlike;
    return (
      error &&
      this.#stopInfo('unreachable', error, `the cloud is unreachable: ${error.message}; every call failed`)
    );
  }

  /** Puts a settlement's failures into the report (its successes come with their answer's request ID). */
  recordFailures(settlement: Settlement<WksError>): void {
    for (const group of settlement.failed) {
      this.report.fail(group.ids, group.failure, group.isolated, group.unisolated === true);
    }
  }

  #record(call: Call, answer: Answer): void {
    const apiError = !answer.ok && answer.error instanceof WorkspaceApiError ? answer.error : undefined;
    const requestId = answer.ok ? answer.result.requestId : apiError?.requestId;
    this.report.calls.push({
      size: call.ids.length,
      outcome: answer.ok ? 'succeeded' : 'failed',
      ...(answer.ok ? { status: answer.result.status } : apiError ? { status: apiError.status } : {}),
      ...(apiError?.errorCode ? { errorCode: apiError.errorCode } : {}),
      ...(requestId ? { requestId } : {}),
      attempts: answer.attempts,
      isolation: call.isolation,
    });
  }

  #stopInfo(reason: StopInfo['reason'], error: WksError, message: string): StopInfo {
    const apiError = error instanceof WorkspaceApiError ? error : undefined;
    const hint = apiError?.hint ?? (reason === 'configuration' ? CONFIGURATION_HINT : undefined);
    return {
      reason,
      ...(apiError ? { status: apiError.status } : {}),
      ...(apiError?.errorCode ? { errorCode: apiError.errorCode } : {}),
      message,
      ...(hint ? { hint } : {}),
    };
  }
}

// What a failed call means for the batch, read from the failure rules (errors/rules.ts): whether one desktop can
// cause it (so isolating finds it) and which desktops its error names, whether everything must stop, whether the
// cloud is failing every call alike, whether the gateway is throttling.

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
