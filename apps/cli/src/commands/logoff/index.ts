// `wks-logoff logoff`: check the options, load and plan every ID, show the plan or confirm, let core's logoffMany
// do the work, write the outputs, and say how it went in the exit code.
import { logoffMany, planBatch } from '@wks-logoff/core';
import { connect } from '../../config/connect.js';
import { CliError } from '../../errors.js';
import { EXIT } from '../../exit-codes.js';
import { buildPlan, formatPlan } from '../../output/plan.js';
import { ProgressBar } from '../../output/progress.js';
import { terminalSafe } from '../../output/terminal-text.js';
import { confirmOnTerminal } from '../../prompt.js';
import { confirmLogoff } from './confirm.js';
import { describeAttempt } from './debug.js';
import { exitCodeOf } from './exit-code.js';
import {
  batchOptionsOf,
  checkOptions,
  clientOptionsOf,
  DEFAULT_CONFIRM_ABOVE,
  type LogoffFlags,
} from './flags.js';
import { invalidInputError, loadIds, readReport } from './load.js';
import { writeOutputs } from './outputs.js';

export { DEFAULT_CONFIRM_ABOVE, type LogoffFlags } from './flags.js';

export interface Io {
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
  env: NodeJS.ProcessEnv;
  /** Registers the Ctrl-C handler: the first press stops launching requests, the second exits at once. */
  onInterrupt(first: () => void): void;
}

export async function runLogoff(args: string[], flags: LogoffFlags, io: Io): Promise<number> {
  const resumed = flags.resume ? { report: await readReport(flags.resume), path: flags.resume } : undefined;
  const message = flags.message ?? resumed?.report.message;
  const batch = batchOptionsOf(flags, message);
  const clientOptions = clientOptionsOf(flags);
  checkOptions(batch, clientOptions);

  const input = await loadIds({ args, idsFile: flags.idsFile, stdin: io.stdin }, resumed);
  if (resumed && input.ids.length === 0) {
    io.stderr.write(
      `Nothing to resume: every desktop in ${terminalSafe(resumed.path)} was logged off or invalid.\n`,
    );
    return EXIT.ok;
  }
  const plan = planBatch(input.ids, batch);
  if (plan.invalid.length > 0 && !flags.skipInvalid) {
    throw invalidInputError(input, plan.invalid);
  }
  const projectFlag = flags.projectId ?? resumed?.report.projectId;
  if (flags.dryRun) {
    const shown = buildPlan(input, plan, projectFlag);
    io.stdout.write(flags.json ? `${JSON.stringify(shown, null, 2)}\n` : `${formatPlan(shown)}\n`);
    return EXIT.ok;
  }
  if (plan.ids.length === 0) {
    throw new CliError('no valid desktop IDs to log off (all were invalid)');
  }

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
      onAttempt: debug && ((event) => debug(describeAttempt(event))),
    },
    io.env,
  );
  await confirmLogoff({
    desktops: plan.ids.length,
    requests: plan.requests,
    projectId: client.projectId,
    message,
    above: flags.confirmAbove ?? DEFAULT_CONFIRM_ABOVE,
    yes: flags.yes,
    ask: (question) => confirmOnTerminal(question, io.stderr),
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
    total: plan.ids.length + plan.invalid.length,
    signal: controller.signal,
    onProgress: bar && ((progress) => bar.update(progress)),
  });
  bar?.finish();
  await writeOutputs(report, flags, io);
  return exitCodeOf(report, controller.signal.aborted);
}
