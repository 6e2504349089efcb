// The attempts of one call: send; on a failure, ask the Auth whether fresh credentials help (once), then the retry
// policy whether another attempt does, and wait for it. The attempt itself is injected, so the loop is tested
// without sockets (test/client/attempts.test.ts).
import type { Auth } from '../auth/types.js';
import { type WksError, WorkspaceApiError, WorkspaceNetworkError } from '../errors/classes.js';
import { decideRetry, type RetryPolicy } from '../retry/policy.js';
import { sleep } from '../retry/sleep.js';
import { hintFor } from './hints.js';

/** What happened in one attempt, for logs and progress. */
export interface AttemptEvent {
  /** 1-based attempt number. */
  attempt: number;
  /** HTTP status, when the cloud answered. */
  status: number | undefined;
  /** The cloud's error code, when it sent one. */
  errorCode: string | undefined;
  /** The cloud's request ID, when it sent one. */
  requestId: string | undefined;
  /** The failure, or undefined for the successful attempt. */
  error: WksError | undefined;
  /** Whether another attempt follows. */
  willRetry: boolean;
  /** Milliseconds until that attempt. */
  delayMs: number | undefined;
  /** Why it is (not) retried. */
  reason: string | undefined;
}

export interface LogoffResult {
  /** The cloud's request ID (`X-Request-Id`), if it sent one. */
  requestId: string | undefined;
  /** The HTTP status of the success (200). */
  status: number;
  /** Attempts made, including the successful one. */
  attempts: number;
  /** An earlier attempt may also have reached the cloud (it timed out or was reset after sending). */
  uncertain: boolean;
}

export interface AttemptLoop {
  /** One attempt: the status and request ID of a success; throws on a failure. */
  send(): Promise<{ status: number; requestId: string | undefined }>;
  auth: Pick<Auth, 'scheme' | 'source' | 'refresh'>;
  policy: RetryPolicy;
  /** Random source of the backoff jitter. */
  random: () => number;
  /** Cuts a wait short: the caller's signal, or the call's deadline. */
  signal: AbortSignal | undefined;
  /** What a thrown value (or a wait's abort reason) is as a WksError. */
  toError(caught: unknown): WksError;
  emit(event: AttemptEvent): void;
}

export async function runAttempts(loop: AttemptLoop): Promise<LogoffResult> {
  let uncertain = false;
  let refreshed = false;
  for (let attempt = 1; ; attempt++) {
    let error: WksError;
    try {
      const { status, requestId } = await loop.send();
      loop.emit({
        attempt,
        status,
        errorCode: undefined,
        requestId,
        error: undefined,
        willRetry: false,
        delayMs: undefined,
        reason: undefined,
      });
      return { requestId, status, attempts: attempt, uncertain };
    } catch (caught) {
      error = loop.toError(caught);
    }
    const apiError = error instanceof WorkspaceApiError ? error : undefined;
    const described = {
      attempt,
      status: apiError?.status,
      errorCode: apiError?.errorCode,
      requestId: apiError?.requestId,
      error,
    };
    // The Auth decides whether the failure meant its credentials had expired; once per call.
    if (!refreshed && loop.auth.refresh && (await loop.auth.refresh(error))) {
      refreshed = true;
      loop.emit({ ...described, willRetry: true, delayMs: 0, reason: 'credentials refreshed' });
      continue;
    }
    uncertain ||= error.uncertain;
    const decision = decideRetry(error, attempt, loop.policy, loop.random);
    loop.emit({
      ...described,
      willRetry: decision.retry,
      delayMs: decision.retry ? decision.delayMs : undefined,
      reason: decision.reason,
    });
    if (!decision.retry) {
      throw finish(error, attempt, uncertain, loop.auth);
    }
    try {
      await sleep(decision.delayMs, loop.signal);
    } catch (reason) {
      throw finish(loop.toError(reason), attempt, uncertain, loop.auth);
    }
  }
}

/** The error a call fails with: how many attempts it took, whether any may have reached the cloud, a hint. */
function finish(error: WksError, attempts: number, uncertain: boolean, auth: AttemptLoop['auth']): WksError {
  if (error instanceof WorkspaceApiError || error instanceof WorkspaceNetworkError) {
    error.attempts = attempts;
    error.uncertain = uncertain || error.uncertain;
  }
  if (error instanceof WorkspaceApiError) {
    error.hint ??= hintFor(error, auth);
  }
  return error;
}
