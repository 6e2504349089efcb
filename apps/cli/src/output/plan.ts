// --dry-run: what would be sent, where, how long it takes at least, and what would not be sent, without sending
// anything.
import type { BatchPlan, ReportTarget } from '@wks-logoff/core';
import type { ProjectPlan } from '../config/connect.js';
import { describeOrigin } from '../config/origin.js';
import type { SourcedIds } from '../input/read-ids.js';
import { counted } from './counted.js';
import { formatSeconds } from './duration.js';
import { invalidIdLines, quotedId } from './invalid-ids.js';
import { describeTarget } from './target.js';
import { terminalSafe } from './terminal-text.js';

export interface Plan {
  desktops: number;
  requests: number;
  chunkSize: number;
  duplicates: number;
  skipped: { id: string; where: string; reason: string }[];
  /** The project, when it is known without a request. */
  projectId: string | undefined;
  /** Where the project comes from: the setting that gave it, or how it will be looked up. */
  project: string;
  target: ReportTarget;
  /** The least time the requests take at the rate, in seconds. */
  estimatedSeconds: number;
  ratePerSecond: number;
  /** The --report file, checked writable. */
  report: string | undefined;
}

export interface PlanContext {
  project: ProjectPlan;
  target: ReportTarget;
  ratePerSecond: number;
  report: string | undefined;
}

export function buildPlan(input: SourcedIds, plan: BatchPlan, context: PlanContext): Plan {
  const known = 'id' in context.project ? context.project : undefined;
  return {
    desktops: plan.ids.length,
    requests: plan.requests,
    chunkSize: plan.chunkSize,
    duplicates: plan.duplicates,
    skipped: plan.invalid.map((bad) => ({ id: bad.id, where: input.where(bad.index), reason: bad.reason })),
    projectId: known?.id,
    project: known ? `from ${describeOrigin(known.origin)}` : (context.project as { lookup: string }).lookup,
    target: context.target,
    estimatedSeconds: Math.round(plan.estimatedMs) / 1000,
    ratePerSecond: context.ratePerSecond,
    report: context.report,
  };
}

export function formatPlan(plan: Plan): string {
  const project = plan.projectId
    ? `project ${terminalSafe(plan.projectId)}`
    : `the project ${terminalSafe(plan.project)},`;
  const lines = [
    `Dry run: nothing was sent.`,
    `  ${counted(plan.desktops, 'desktop')} in ${counted(plan.requests, 'request')} of at most ${plan.chunkSize}`,
    `  target: ${project} via ${describeTarget(plan.target)}`,
  ];
  if (plan.projectId) {
    lines.push(`  project ${terminalSafe(plan.project)}`);
  }
  lines.push(
    `  time: at least ${formatSeconds(plan.estimatedSeconds)} at ${plan.ratePerSecond} requests/s (more if desktops fail and are isolated, or the cloud throttles)`,
  );
  if (plan.report) {
    lines.push(`  report: ${terminalSafe(plan.report)} (can be written)`);
  }
  if (plan.duplicates) {
    lines.push(`  ${counted(plan.duplicates, 'repeated ID')} would be ignored`);
  }
  if (plan.skipped.length) {
    lines.push(`  ${counted(plan.skipped.length, 'invalid ID')} would be skipped:`);
  }
  lines.push(
    ...invalidIdLines(
      plan.skipped,
      (bad) => `    ${terminalSafe(bad.where)}: ${terminalSafe(quotedId(bad.id))} ${bad.reason}`,
      (count) => `    … and ${count} more`,
    ),
  );
  return lines.join('\n');
}
