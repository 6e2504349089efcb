// `wks-logoff logoff`. Everything that needs no request is checked before the first one is sent (the options, the
// target and its credentials, the report path, every ID), so a refusal costs nothing and a dry run checks what the
// real run would; then core's logoffMany does the work, and the outputs and the exit code say how it went.
import { type BatchOptions, type BatchPlan, logoffMany, planBatch, resumableIds } from '@wks-logoff/core';
import { type PreparedConnection, prepareConnection } from '../../config/connect.js';
import { credentialEnvironment } from '../../config/credential-env.js';
import { loadProfile } from '../../config/profile.js';
import { type ResumedReport, resolveTargetSettings } from '../../config/target-settings.js';
import { CliError } from '../../errors.js';
import { EXIT, exitCodeOf } from '../../exit-codes.js';
import type { SourcedIds } from '../../input/read-ids.js';
import type { Io } from '../../io.js';
import { buildPlan, formatPlan } from '../../output/plan.js';
import { ProgressBar } from '../../output/progress.js';
import { checkReportPath } from '../../output/report-path.js';
import { describeTarget } from '../../output/target.js';
import { terminalSafe } from '../../output/terminal-text.js';
import type { LogoffFlags } from './command.js';
import { confirmLogoff } from './confirm.js';
import { describeAttempt, describeSettings } from './debug.js';
import { batchOptionsOf, checkOptions, clientOptionsOf } from './flags.js';
import { invalidInputError, loadIds, readReport, refuseIdsBesideResume } from './load.js';
import { messageOf, type SourcedMessage } from './message.js';
import { writeOutputs } from './outputs.js';

async function readResumed(flags: LogoffFlags, args: string[]): Promise<ResumedReport | undefined> {
  if (!flags.resume) {
    return undefined;
  }
  refuseIdsBesideResume({ args, idsFile: flags.idsFile });
  return { report: await readReport(flags.resume), path: flags.resume };
}

/** What a run works with, each part checked without a request. */
interface Checked {
  message: SourcedMessage | undefined;
  batch: BatchOptions;
  connection: PreparedConnection;
  input: SourcedIds;
  plan: BatchPlan;
}

/** Every check that needs no request: the options, the target and its credentials, the report path, every ID. */
async function check(
  args: string[],
  flags: LogoffFlags,
  io: Io,
  resumed: ResumedReport | undefined,
): Promise<Checked> {
  const profile = await loadProfile(flags.profile, io.env);
  for (const warning of profile?.warnings ?? []) {
    io.stderr.write(`wks-logoff: ${terminalSafe(warning)}\n`);
  }
  const message = messageOf(flags.message, resumed, profile);
  const batch = batchOptionsOf(flags, message?.text);
  const clientOptions = clientOptionsOf(flags);
  checkOptions(batch, clientOptions, message?.from);

  const debug = flags.debug ? (line: string) => io.stderr.write(`debug: ${terminalSafe(line)}\n`) : undefined;
  const settings = resolveTargetSettings(flags, io.env, profile, resumed);
  const credentials = credentialEnvironment(io.env, profile);
  if (debug) {
    for (const line of describeSettings(settings, credentials)) {
      debug(line);
    }
  }
  const connection = await prepareConnection(
    settings,
    credentials,
    { processEnv: io.env, profile },
    {
      timeoutMs: clientOptions.timeoutMs,
      maxAttempts: clientOptions.retry.maxAttempts,
      onAttempt: debug && ((event) => debug(describeAttempt(event))),
    },
  );
  debug?.(`target ${describeTarget(connection.target)}`);
  if (flags.report) {
    await checkReportPath(flags.report);
  }

  const input = await loadIds({ args, idsFile: flags.idsFile, stdin: io.stdin }, resumed);
  const plan = planBatch(input.ids, batch);
  if (plan.invalid.length > 0 && !flags.skipInvalid) {
    throw invalidInputError(input, plan.invalid);
  }
  return { message, batch, connection, input, plan };
}

/** The plan of a dry run, as text or (--json) JSON. */
function planText({ batch, connection, input, plan }: Checked, flags: LogoffFlags): string {
  const shown = buildPlan(input, plan, {
    project: connection.project,
    target: connection.target,
    ratePerSecond: batch.ratePerSecond,
    report: flags.report,
  });
  return flags.json ? JSON.stringify(shown, null, 2) : formatPlan(shown);
}

/** Sends, once confirmed: Ctrl-C stops new requests, a terminal shows the progress; the exit code says how it went. */
async function send({ message, batch, connection, input, plan }: Checked, flags: LogoffFlags, io: Io) {
  const client = await connection.connect();
  await confirmLogoff({
    desktops: plan.ids.length,
    requests: plan.requests,
    projectId: client.projectId,
    target: connection.target,
    message: message?.text,
    above: flags.confirmAbove,
    yes: flags.yes,
    ask: io.ask,
  });

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
    target: connection.target,
    signal: controller.signal,
    onProgress: bar && ((progress) => bar.update(progress)),
  });
  bar?.finish();
  await writeOutputs(report, flags, io);
  return exitCodeOf(report, controller.signal.aborted);
}

export async function runLogoff(args: string[], flags: LogoffFlags, io: Io): Promise<number> {
  const resumed = await readResumed(flags, args);
  if (resumed && resumableIds(resumed.report).length === 0) {
    io.stderr.write(
      `Nothing to resume: every desktop in ${terminalSafe(resumed.path)} was logged off or invalid.\n`,
    );
    return EXIT.ok;
  }
  const checked = await check(args, flags, io, resumed);
  if (flags.dryRun) {
    io.stdout.write(`${planText(checked, flags)}\n`);
    return EXIT.ok;
  }
  if (checked.plan.ids.length === 0) {
    throw new CliError('no valid desktop IDs to log off (all were invalid)');
  }
  return send(checked, flags, io);
}
