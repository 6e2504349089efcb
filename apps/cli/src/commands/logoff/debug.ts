// --debug: one line per attempt (never a secret: status, code, request ID, the retry decision).
import type { AttemptEvent } from '@wks-logoff/core';

export function describeAttempt(e: AttemptEvent): string {
  const what = `${e.status ?? e.error?.name ?? '?'}${e.errorCode ? ` ${e.errorCode}` : ''}`;
  const request = e.requestId ? ` request ${e.requestId}` : '';
  const next = e.willRetry ? `, retrying in ${e.delayMs} ms (${e.reason})` : e.reason ? ` (${e.reason})` : '';
  return `attempt ${e.attempt}: ${what}${request}${next}`;
}
