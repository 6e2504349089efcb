// Confirmation before a large logoff: above the threshold, asked on the terminal (or --yes); with no terminal to
// ask on, refused. Either way, nothing is sent without a yes.
import type { ReportTarget } from '@wks-logoff/core';
import { CliError } from '../../errors.js';
import { counted } from '../../output/counted.js';
import { describeTarget } from '../../output/target.js';
import { terminalSafe } from '../../output/terminal-text.js';

export interface ConfirmRequest {
  desktops: number;
  requests: number;
  projectId: string;
  /** Where the calls go: asked with the rest, so that a yes is a yes to this target. */
  target: ReportTarget;
  message: string | undefined;
  /** Ask above this many desktops. */
  above: number;
  yes: boolean | undefined;
  /** Asks on the terminal: the answer, or undefined when there is no terminal. */
  ask(question: string): Promise<boolean | undefined>;
}

export async function confirmLogoff(request: ConfirmRequest): Promise<void> {
  if (request.desktops <= request.above || request.yes) {
    return;
  }
  const shown = request.message ? ` with the message ${terminalSafe(JSON.stringify(request.message))}` : '';
  const answer = await request.ask(
    `Log off ${counted(request.desktops, 'desktop')} in project ${terminalSafe(request.projectId)} via ${describeTarget(request.target)} in ${counted(request.requests, 'request')}${shown}? [y/N] `,
  );
  if (answer === undefined) {
    throw new CliError(
      `refusing to log off ${counted(request.desktops, 'desktop')} (more than ${request.above}) without confirmation and no terminal to ask on: pass --yes`,
    );
  }
  if (!answer) {
    throw new CliError('declined: nothing was sent');
  }
}
