// Sends one call of the batch: waits for the pacer, sends the IDs with the batch's message through the client,
// and counts every attempt where it happens, so the report's request counts are exact. Never throws for the
// cloud's answers: a failure is an answer too, for the settler to read.
import type { AttemptEvent, LogoffResult } from '../client/attempts.js';
import type { LogoffClient } from '../client/create-client.js';
import { WksError } from '../errors/classes.js';
import type { Call } from './isolation.js';
import type { Pacer } from './pace.js';
import type { ReportBuilder } from './report.js';

export type Answer =
  | { ok: true; result: LogoffResult; attempts: number }
  | { ok: false; error: WksError; attempts: number };

export interface SendContext {
  client: LogoffClient;
  message: string | undefined;
  pacer: Pacer;
  signal: AbortSignal | undefined;
  report: ReportBuilder;
}

/** The answer, or undefined when the batch was cancelled before the call could go out. */
export async function sendCall(call: Call, context: SendContext): Promise<Answer | undefined> {
  const { client, message, pacer, signal, report } = context;
  try {
    await pacer.acquire(signal);
  } catch {
    // The batch stopped or was cancelled before this call's turn: it is not sent.
    return undefined;
  }
  if (call.isolation) {
    report.countIsolationCall();
  }
  let attempts = 0;
  const countAttempt = (event: AttemptEvent) => {
    attempts = event.attempt;
    report.countAttempt(event.attempt);
  };
  // Stryker disable next-line ConditionalExpression: { message: undefined } is sent as no message at all.
  const body = { desktop_ids: [...call.ids], ...(message !== undefined ? { message } : {}) };
  try {
    return { ok: true, result: await client.logoff(body, { onAttempt: countAttempt }), attempts };
  } catch (error) {
    if (!(error instanceof WksError)) {
      throw error;
    }
    return { ok: false, error, attempts };
  }
}
