// --dry-run: what would be sent, and what would not, without sending anything.
import type { BatchPlan } from '@wks-logoff/core';
import type { SourcedIds } from '../input/read-ids.js';
import { terminalSafe } from './terminal-text.js';

export interface Plan {
  desktops: number;
  requests: number;
  chunkSize: number;
  duplicates: number;
  skipped: { id: string; where: string; reason: string }[];
  projectId: string | undefined;
}

export function buildPlan(input: SourcedIds, plan: BatchPlan, projectId?: string): Plan {
  return {
    desktops: plan.ids.length,
    requests: plan.requests,
    chunkSize: plan.chunkSize,
    duplicates: plan.duplicates,
    skipped: plan.invalid.map((bad) => ({ id: bad.id, where: input.where(bad.index), reason: bad.reason })),
    projectId,
  };
}

export function formatPlan(plan: Plan): string {
  const project = plan.projectId ? ` in project ${terminalSafe(plan.projectId)}` : '';
  const lines = [
    `Dry run: nothing was sent.`,
    `  ${plan.desktops} desktops in ${plan.requests} requests of at most ${plan.chunkSize}${project}`,
  ];
  if (plan.duplicates) {
    lines.push(`  ${plan.duplicates} repeated IDs would be ignored`);
  }
  if (plan.skipped.length) {
    lines.push(`  ${plan.skipped.length} invalid IDs would be skipped:`);
  }
  for (const bad of plan.skipped.slice(0, 20)) {
    lines.push(`    ${terminalSafe(bad.where)}: ${terminalSafe(JSON.stringify(bad.id))} ${bad.reason}`);
  }
  if (plan.skipped.length > 20) {
    lines.push(`    … and ${plan.skipped.length - 20} more`);
  }
  return lines.join('\n');
}
