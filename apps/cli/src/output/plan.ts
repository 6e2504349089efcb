// --dry-run: what would be sent, where, how long it takes at least, and what would not be sent, without sending
// anything.
import { BATCH_DEFAULTS, type BatchPlan, type ReportTarget } from '@wks-logoff/core';
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
  /** The least time the requests take at the rate, in seconds; null when the proxy sets the pace. */
  estimatedSeconds: number | null;
  /** Null through --proxy-url without --rate: the proxy's upstream budget paces its callers together. */
  ratePerSecond: number | null;
  /** The --report file, checked writable. */
  report: string | undefined;
}

export interface PlanContext {
  project: ProjectPlan;
  target: ReportTarget;
  /** The --rate given, if any. */
  ratePerSecond: number | undefined;
  report: string | undefined;
}

/**
 * The rate and the least time it gives. Through the proxy with no --rate, neither is known here: the proxy shares
 * its upstream rate among every caller at that moment (the CLI's own default would be a wrong guess).
 */
function pace(plan: BatchPlan, context: PlanContext): Pick<Plan, 'estimatedSeconds' | 'ratePerSecond'> {
  if (context.ratePerSecond === undefined && context.target.proxy) {
    return { estimatedSeconds: null, ratePerSecond: null };
  }
  // planBatch estimated the time at the same rate: the one given, or the default.
  return {
    estimatedSeconds: Math.round(plan.estimatedMs) / 1000,
    ratePerSecond: context.ratePerSecond ?? BATCH_DEFAULTS.ratePerSecond,
  };
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
    ...pace(plan, context),
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
    plan.estimatedSeconds === null
      ? `  time: set by the proxy, which shares its upstream rate among its callers (--rate caps it here)`
      : `  time: at least ${formatSeconds(plan.estimatedSeconds)} at ${plan.ratePerSecond} requests/s (more if desktops fail and are isolated, or the cloud throttles)`,
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
