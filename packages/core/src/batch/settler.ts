// Turns each answer into what the batch knows: the report's entries, the isolation strategy's next steps, the
// pacer's rate, the breaker's count, the calls put back in the queue after throttling, and a stop when nothing
// more should be sent. A failure's rule (errors/rules.ts) is looked up once, and read for all of these.
import { type WksError, WorkspaceApiError } from '../errors/classes.js';
import { type FailureRule, ruleOf } from '../errors/rules.js';
import type { Breaker } from './breaker.js';
import type { Call, IsolationStrategy, Settlement } from './isolation.js';
import type { Pacer } from './pace.js';
import type { ReportBuilder, StopInfo } from './report.js';
import type { Answer } from './sender.js';

// A configuration failure is found before a request goes out: say so, and that the rest can be resumed.
const CONFIGURATION_HINT =
  'Nothing was sent from the call that found it on: fix what the message names, then resume the failed and skipped desktops.';

export class Settler {
  #stop: StopInfo | undefined;
  /** The latest failure, while every call so far failed because the cloud (or the way to it) was failing. */
  #everyCallFailedAlike: WksError | undefined;
  #answered = false;
  /** Throttled calls put back, in order, and how many times each one was. */
  readonly #requeued: Call[] = [];
  readonly #requeues = new Map<Call, number>();
  /** IDs of calls that never went out (the batch stopped while they waited for their turn). */
  readonly #unsent: string[] = [];

  constructor(
    private readonly report: ReportBuilder,
    private readonly strategy: IsolationStrategy<WksError>,
    private readonly pacer: Pacer,
    private readonly breaker: Breaker,
    private readonly maxRequeues: number,
  ) {}

  /** Why nothing more should be sent, once an answer said so. */
  get stop(): StopInfo | undefined {
    return this.#stop;
  }

  /** The next call put back after throttling: it goes before new ones. */
  nextRequeued(): Call | undefined {
    return this.#requeued.shift();
  }

  settle(call: Call, answer: Answer): void {
    const requeues = this.#requeues.get(call) ?? 0;
    this.#requeues.delete(call);
    this.#record(call, answer);
    if (answer.ok) {
      this.#answered = true;
      this.#everyCallFailedAlike = undefined;
      this.breaker.record(false);
      this.pacer.onSuccess();
      const { requestId, uncertain } = answer.result;
      this.report.succeed(call.ids, requestId, uncertain);
      this.recordFailures(this.strategy.accepted(call));
      return;
    }
    const { error } = answer;
    const meaning = meaningOf(error, call.ids);
    this.breaker.record(meaning.systemic);
    this.#answered ||= !meaning.systemic;
    this.#everyCallFailedAlike = this.#answered ? undefined : error;
    if (meaning.stop) {
      this.#stop ??= this.#stopInfo(meaning.stop, error, error.message);
    } else if (meaning.systemic && this.breaker.tripped) {
      this.#stop ??= this.#stopInfo(
        'unreachable',
        error,
        `the cloud is unreachable: ${error.message}; nothing more was sent`,
      );
    } else if (meaning.throttled) {
      this.pacer.onThrottled();
      // Isolation calls too: a valid desktop must never fail only because the call that would clear it was
      // throttled.
      if (requeues < this.maxRequeues && !this.#stop) {
        this.#requeues.set(call, requeues + 1);
        this.#requeued.push(call);
        this.report.countRequeue();
        return;
      }
    }
    this.recordFailures(this.strategy.failed(call, error, meaning.isolatable, meaning.named));
  }

  /** A call that was not sent after all: the batch stopped while it waited for its turn. */
  notSent(call: Call): void {
    this.#unsent.push(...this.strategy.abandon(call));
  }

  /** Everything held back when the batch stops: calls never sent, calls put back, what the strategy still holds. */
  takeUnsent(): string[] {
    const requeued = this.#requeued.splice(0).flatMap((call) => this.strategy.abandon(call));
    return [...this.#unsent.splice(0), ...requeued, ...this.strategy.drain()];
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
    this.report.recordCall({
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

/** What a failed call means for the batch, read from its failure rule. */
export interface FailureMeaning {
  /** Nothing more should be sent: the credentials, the permission or the configuration are wrong for all. */
  stop: FailureRule['stop'];
  /** The cloud, or the way to it, fails every call alike (down, unreachable, overloaded). */
  systemic: boolean;
  throttled: boolean;
  /** The call's IDs its error names, each as a whole word. */
  named: string[];
  /** One desktop can cause it, so isolating finds it (a 400 only when it names one of the call's desktops). */
  isolatable: boolean;
}

export function meaningOf(error: WksError, ids: readonly string[]): FailureMeaning {
  const { stop, systemic, throttled, isolatable } = ruleOf(error);
  const named = namedIds(error, ids);
  return {
    stop,
    systemic,
    throttled,
    named,
    isolatable: isolatable === 'yes' || (isolatable === 'if-named' && named.length > 0),
  };
}

/** The IDs of `ids` the error's message or detail names, each as a whole word (not inside a longer ID). */
function namedIds(error: WksError, ids: readonly string[]): string[] {
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
