// `wks-logoff logoff`: read and validate every ID, show the plan or ask to confirm, then let core's logoffMany
// do the work and present its report.
import { readFile } from 'node:fs/promises';
import {
  type BatchOptions,
  type ClientOptionsToCheck,
  checkBatchOptions,
  checkClientOptions,
  checkReport,
  type LogoffReport,
  logoffMany,
  MAX_DESKTOP_IDS_PER_REQUEST,
  planBatch,
  resumableIds,
} from '@wks-logoff/core';
import { connect } from '../../config/connect.js';
import { CliError } from '../../errors.js';
import { EXIT } from '../../exit-codes.js';
import { listedIds, readIds, type SourcedIds } from '../../input/read-ids.js';
import { buildPlan, formatPlan } from '../../output/plan.js';
import { ProgressBar } from '../../output/progress.js';
import { formatSummary } from '../../output/summary.js';
import { terminalSafe } from '../../output/terminal-text.js';
import { writeReportFile, writeReportTo } from '../../output/write-report.js';
import { confirmOnTerminal } from '../../prompt.js';

export interface LogoffFlags {
  projectId?: string;
  region?: string;
  endpoint?: string;
  profile?: string;
  proxyUrl?: string;
  message?: string;
  idsFile?: string;
  chunkSize?: number;
  concurrency?: number;
  rate?: number;
  maxAttempts?: number;
  timeout?: number;
  skipInvalid?: boolean;
  dryRun?: boolean;
  json?: boolean;
  report?: string;
  resume?: string;
  yes?: boolean;
  quiet?: boolean;
  debug?: boolean;
  confirmAbove?: number;
}

export interface Io {
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
  env: NodeJS.ProcessEnv;
  /** Registers the Ctrl-C handler: the first press stops launching requests, the second exits at once. */
  onInterrupt(first: () => void): void;
}

const SHOWN_INVALID = 20;

async function readReport(path: string): Promise<LogoffReport> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    const why = (error as { code?: string }).code ?? 'not JSON';
    throw new CliError(`cannot read the report ${path} to resume (${why})`);
  }
  const problems = checkReport(parsed);
  if (problems.length > 0)
    throw new CliError(`${path} is not a wks-logoff report: ${problems.slice(0, 3).join('; ')}`);
  return parsed as LogoffReport;
}

function invalidInputError(
  input: SourcedIds,
  invalid: { id: string; index: number; reason: string }[],
): CliError {
  const lines = invalid.slice(0, SHOWN_INVALID).map((bad) => {
    const shown = JSON.stringify(bad.id.length > 60 ? `${bad.id.slice(0, 57)}...` : bad.id);
    return `invalid desktop ID at ${input.where(bad.index)}: ${shown} ${bad.reason}`;
  });
  if (invalid.length > SHOWN_INVALID) lines.push(`… and ${invalid.length - SHOWN_INVALID} more invalid IDs`);
  lines.push(
    `nothing was sent; fix the input or pass --skip-invalid to skip ${invalid.length === 1 ? 'it' : 'them'}`,
  );
  return new CliError(lines);
}

/** The flag that sets each of core's options, to name it in errors. */
const FLAG_OF: Record<string, string> = {
  chunkSize: '--chunk-size',
  concurrency: '--concurrency',
  ratePerSecond: '--rate',
  message: '--message',
  timeoutMs: '--timeout',
  'retry/maxAttempts': '--max-attempts',
};

/** Confirmation is asked above one request's worth of desktops unless --confirm-above says otherwise. */
export const DEFAULT_CONFIRM_ABOVE = MAX_DESKTOP_IDS_PER_REQUEST;

function batchOptionsOf(flags: LogoffFlags, message: string | undefined): BatchOptions {
  return {
    ...(message !== undefined ? { message } : {}),
    ...(flags.chunkSize !== undefined ? { chunkSize: flags.chunkSize } : {}),
    ...(flags.concurrency !== undefined ? { concurrency: flags.concurrency } : {}),
    ...(flags.rate !== undefined ? { ratePerSecond: flags.rate } : {}),
  };
}

function clientOptionsOf(flags: LogoffFlags): ClientOptionsToCheck {
  return {
    ...(flags.timeout !== undefined ? { timeoutMs: flags.timeout * 1000 } : {}),
    ...(flags.maxAttempts !== undefined ? { retry: { maxAttempts: flags.maxAttempts } } : {}),
  };
}

/** Core's own checks of the options, each problem named by its flag: exit 2, before anything is read or sent. */
function checkOptions(batch: BatchOptions, client: ClientOptionsToCheck) {
  const issues = [...checkBatchOptions(batch), ...checkClientOptions(client)];
  if (issues.length > 0)
    throw new CliError(issues.map((issue) => `${FLAG_OF[issue.field] ?? issue.field} ${issue.message}`));
}

export async function runLogoff(args: string[], flags: LogoffFlags, io: Io): Promise<number> {
  const resumed = flags.resume ? await readReport(flags.resume) : undefined;
  const message = flags.message ?? resumed?.message;
  const batch = batchOptionsOf(flags, message);
  const clientOptions = clientOptionsOf(flags);
  checkOptions(batch, clientOptions);
  const input: SourcedIds = resumed
    ? listedIds(resumableIds(resumed), (index) => `${flags.resume} entry ${index + 1}`)
    : await readIds({ args, idsFile: flags.idsFile, stdin: io.stdin });
  if (resumed && input.ids.length === 0) {
    io.stderr.write(
      `Nothing to resume: every desktop in ${terminalSafe(flags.resume ?? '')} was logged off or invalid.\n`,
    );
    return EXIT.ok;
  }
  if (input.ids.length === 0) {
    throw new CliError(
      'no desktop IDs given: pass them as arguments, with --ids-file FILE (- for stdin), or on stdin',
    );
  }
  const prepared = planBatch(input.ids, batch);
  if (prepared.invalid.length > 0 && !flags.skipInvalid) throw invalidInputError(input, prepared.invalid);
  const projectFlag = flags.projectId ?? resumed?.projectId;
  const plan = buildPlan(input, prepared, projectFlag);
  if (flags.dryRun) {
    io.stdout.write(flags.json ? `${JSON.stringify(plan, null, 2)}\n` : `${formatPlan(plan)}\n`);
    return EXIT.ok;
  }
  if (prepared.ids.length === 0) throw new CliError('no valid desktop IDs to log off (all were invalid)');

  const debug = flags.debug ? (line: string) => io.stderr.write(`debug: ${terminalSafe(line)}\n`) : undefined;
  const client = await connect(
    {
      projectId: projectFlag,
      region: flags.region,
      endpoint: flags.endpoint,
      proxyUrl: flags.proxyUrl,
      profile: flags.profile,
      timeoutMs: clientOptions.timeoutMs,
      maxAttempts: clientOptions.retry?.maxAttempts,
      ...(debug
        ? {
            onAttempt: (e) =>
              debug(
                `attempt ${e.attempt}: ${e.status ?? e.error?.name ?? '?'}${e.errorCode ? ` ${e.errorCode}` : ''}` +
                  `${e.requestId ? ` request ${e.requestId}` : ''}${e.willRetry ? `, retrying in ${e.delayMs} ms (${e.reason})` : e.reason ? ` (${e.reason})` : ''}`,
              ),
          }
        : {}),
    },
    io.env,
  );

  const threshold = flags.confirmAbove ?? DEFAULT_CONFIRM_ABOVE;
  if (prepared.ids.length > threshold && !flags.yes) {
    const shown = message ? ` with the message ${terminalSafe(JSON.stringify(message))}` : '';
    const question = `Log off ${prepared.ids.length} desktops in project ${terminalSafe(client.projectId)} (${plan.requests} requests)${shown}? [y/N] `;
    const answer = await confirmOnTerminal(question, io.stderr);
    if (answer === undefined) {
      throw new CliError(
        `refusing to log off ${prepared.ids.length} desktops (more than ${threshold}) without confirmation and no terminal to ask on: pass --yes`,
      );
    }
    if (!answer) throw new CliError('declined: nothing was sent');
  }

  const controller = new AbortController();
  io.onInterrupt(() => {
    io.stderr.write(
      '\nStopping: no new requests; waiting for the ones in flight (Ctrl-C again to quit at once)…\n',
    );
    controller.abort();
  });
  const bar = !flags.quiet && io.stderr.isTTY ? new ProgressBar(io.stderr) : undefined;
  const report = await logoffMany(client, input.ids, {
    ...batch,
    total: prepared.ids.length + prepared.invalid.length,
    signal: controller.signal,
    ...(bar ? { onProgress: (p) => bar.update(p) } : {}),
  });
  bar?.finish();

  let reportPath = flags.report;
  if (flags.report) {
    try {
      await writeReportFile(flags.report, report);
    } catch (error) {
      io.stderr.write(
        `wks-logoff: cannot write the report to ${terminalSafe(flags.report)} (${(error as { code?: string }).code ?? 'error'}); it follows on stdout\n`,
      );
      reportPath = undefined;
      if (!flags.json) await writeReportTo(io.stdout, report);
    }
  }
  if (flags.json) await writeReportTo(io.stdout, report);
  else if (!flags.quiet || report.totals.failed + report.totals.skipped > 0) {
    io.stdout.write(
      `${formatSummary(report, reportPath, { color: Boolean(io.stdout.isTTY) && !io.env.NO_COLOR })}\n`,
    );
  }

  if (controller.signal.aborted) return EXIT.interrupted;
  if (report.stopped?.reason === 'auth' || report.stopped?.reason === 'forbidden') return EXIT.auth;
  if (report.totals.failed + report.totals.skipped > 0) return EXIT.partial;
  return EXIT.ok;
}
