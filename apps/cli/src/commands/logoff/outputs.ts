// Where the report goes, so that it is never lost: a --report file (or stdout, said on stderr, when the file cannot
// be written after all), the JSON report on stdout with --json, else the human summary (with --quiet, only when
// something failed or was skipped).
import type { LogoffReport } from '@wks-logoff/core';
import { errorReason } from '../../errors.js';
import { formatSummary } from '../../output/summary.js';
import { terminalSafe } from '../../output/terminal-text.js';
import { writeReportFile, writeReportTo } from '../../output/write-report.js';

export interface OutputStreams {
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
  env: NodeJS.ProcessEnv;
}

export async function writeOutputs(
  report: LogoffReport,
  flags: { report?: string; json?: boolean; quiet?: boolean },
  io: OutputStreams,
): Promise<void> {
  let reportPath = flags.report;
  if (flags.report) {
    try {
      await writeReportFile(flags.report, report);
    } catch (error) {
      io.stderr.write(
        `wks-logoff: cannot write the report to ${terminalSafe(flags.report)} (${errorReason(error)}); it follows on stdout\n`,
      );
      reportPath = undefined;
      if (!flags.json) {
        await writeReportTo(io.stdout, report);
      }
    }
  }
  if (flags.json) {
    await writeReportTo(io.stdout, report);
    return;
  }
  if (flags.quiet && report.totals.failed + report.totals.skipped === 0) {
    return;
  }
  io.stdout.write(
    `${formatSummary(report, reportPath, { color: Boolean(io.stdout.isTTY) && !io.env.NO_COLOR })}\n`,
  );
}
