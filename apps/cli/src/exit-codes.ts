// Exit codes, first match wins (documented in --help and the README).
import type { LogoffReport } from '@wks-logoff/core';

export const EXIT = {
  /** Every distinct desktop ID was logged off (repeated IDs do not count against it). */
  ok: 0,
  /** Some desktops failed or were skipped. */
  partial: 1,
  /** Usage or input error, or the confirmation was declined: nothing was sent. */
  usage: 2,
  /** The batch stopped on an authentication, permission or configuration failure (even after some successes). */
  auth: 3,
  /** The batch stopped because the cloud was unreachable or failing every call; the rest was not sent. */
  unreachable: 4,
  /** Interrupted (Ctrl-C). */
  interrupted: 130,
} as const;

export const EXIT_CODES_HELP = `Exit codes (first match wins):
  2    usage or input error, or the confirmation was declined (nothing sent)
  130  interrupted (Ctrl-C)
  3    the batch stopped on an authentication, permission or configuration failure
  4    the batch stopped because the cloud was unreachable (the rest not sent: --resume it)
  1    some desktops failed or were skipped
  0    every distinct desktop ID was logged off`;

export function exitCodeOf(report: LogoffReport, interrupted: boolean): number {
  if (interrupted) {
    return EXIT.interrupted;
  }
  const stopped = report.stopped?.reason;
  if (stopped === 'auth' || stopped === 'forbidden' || stopped === 'configuration') {
    return EXIT.auth;
  }
  if (report.stopped?.reason === 'unreachable') {
    return EXIT.unreachable;
  }
  if (report.totals.failed + report.totals.skipped > 0) {
    return EXIT.partial;
  }
  return EXIT.ok;
}
