// The command's exit code, first match wins (the table is in --help and the README).
import type { LogoffReport } from '@wks-logoff/core';
import { EXIT } from '../../exit-codes.js';

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
