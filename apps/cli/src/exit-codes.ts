// The exit codes, in one table that scripts can rely on: its order is the precedence (first match wins), --help
// prints it, the README's table must say the same (test/docs/readme.test.ts), and a logoff's code is its first row
// whose condition holds.
import type { LogoffReport } from '@wks-logoff/core';

/** How a logoff ended, as the exit code reads it. */
interface Outcome {
  report: LogoffReport;
  interrupted: boolean;
}

/** Stops that a fix of credentials, permissions or settings must end, not a retry. */
const STOPPED_ON_ACCESS: readonly (string | undefined)[] = ['auth', 'forbidden', 'configuration'];

/** Each code with what it means and, when a batch can end that way, when it does. */
export const EXIT_CODES = [
  {
    name: 'usage',
    code: 2,
    means: 'usage or input error, or the confirmation was declined (nothing sent)',
  },
  {
    name: 'interrupted',
    code: 130,
    means: 'interrupted (Ctrl-C)',
    holds: (outcome: Outcome) => outcome.interrupted,
  },
  {
    name: 'auth',
    code: 3,
    means: 'the batch stopped on an authentication, permission or configuration failure',
    holds: (outcome: Outcome) => STOPPED_ON_ACCESS.includes(outcome.report.stopped?.reason),
  },
  {
    name: 'unreachable',
    code: 4,
    means: 'the batch stopped because the cloud was unreachable (the rest not sent: --resume it)',
    holds: (outcome: Outcome) => outcome.report.stopped?.reason === 'unreachable',
  },
  {
    name: 'partial',
    code: 1,
    means: 'some desktops failed or were skipped',
    holds: (outcome: Outcome) => outcome.report.totals.failed + outcome.report.totals.skipped > 0,
  },
  { name: 'ok', code: 0, means: 'every distinct desktop ID was logged off' },
] as const;

type Row = (typeof EXIT_CODES)[number];

/** Each code by its name: `EXIT.usage` is 2. */
export const EXIT = Object.fromEntries(EXIT_CODES.map((row) => [row.name, row.code])) as {
  readonly [R in Row as R['name']]: R['code'];
};

export const EXIT_CODES_HELP = [
  'Exit codes (first match wins):',
  ...EXIT_CODES.map((row) => `  ${String(row.code).padEnd(4)} ${row.means}`),
].join('\n');

/** The code of a logoff that ran: the first row whose condition holds, else every desktop was logged off. */
export function exitCodeOf(report: LogoffReport, interrupted: boolean): number {
  const outcome = { report, interrupted };
  return EXIT_CODES.find((row) => 'holds' in row && row.holds(outcome))?.code ?? EXIT.ok;
}
