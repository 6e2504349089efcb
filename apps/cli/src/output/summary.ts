// The human summary of a report: counts, where the calls went, failed and skipped desktops grouped by cause (one
// line per distinct error, with its count and a few IDs, so a thousand failures of one cause read as one line),
// and where the report went, which has them all.
import type { LogoffReport } from '@wks-logoff/core';
import { counted } from './counted.js';
import { describeTarget } from './target.js';
import { terminalSafe as safe } from './terminal-text.js';

/** Causes shown one by one, at most, for failed and for skipped desktops each. */
const CAUSES_SHOWN = 10;
/** IDs named for each cause. */
const IDS_SHOWN = 3;

export interface SummaryStyle {
  color: boolean;
}

function paint(text: string, code: number, style: SummaryStyle) {
  return style.color ? `\x1b[${code}m${text}\x1b[0m` : text;
}

/** The entries by cause, in the order each cause first appears. */
function byCause<T extends { id: string }>(entries: readonly T[], causeOf: (entry: T) => string) {
  const causes = new Map<string, { count: number; ids: string[] }>();
  for (const entry of entries) {
    const cause = causeOf(entry);
    const group = causes.get(cause) ?? { count: 0, ids: [] };
    group.count++;
    if (group.ids.length < IDS_SHOWN) {
      group.ids.push(entry.id);
    }
    causes.set(cause, group);
  }
  return [...causes];
}

function causeLines<T extends { id: string }>(
  label: string,
  entries: readonly T[],
  causeOf: (entry: T) => string,
): string[] {
  const causes = byCause(entries, causeOf);
  const lines = causes.slice(0, CAUSES_SHOWN).map(([cause, { count, ids }]) => {
    const more = count > ids.length ? `, … ${count - ids.length} more` : '';
    return `  ${label.padEnd(8)} ${counted(count, 'desktop')}: ${safe(cause)} (${ids.map(safe).join(', ')}${more})`;
  });
  if (causes.length > CAUSES_SHOWN) {
    const rest = causes.slice(CAUSES_SHOWN).reduce((sum, [, group]) => sum + group.count, 0);
    lines.push(
      `  … and ${counted(causes.length - CAUSES_SHOWN, 'more cause')} (${counted(rest, 'desktop')} ${label}): see the report`,
    );
  }
  return lines;
}

export function formatSummary(
  report: LogoffReport,
  reportPath: string | undefined,
  style: SummaryStyle,
): string {
  const t = report.totals;
  const lines: string[] = [];
  const ok = t.failed === 0 && t.skipped === 0;
  lines.push(
    `${ok ? paint('✔', 32, style) : paint('✘', 31, style)} ${t.succeeded} of ${counted(t.distinct, 'desktop')} logged off in project ${safe(report.projectId)}` +
      ` (${counted(report.requests.total, 'request')}, ${counted(report.requests.retries, 'retry', 'retries')}, ${(report.durationMs / 1000).toFixed(1)} s)`,
  );
  if (report.target) {
    lines.push(`  target: ${describeTarget(report.target)}`);
  }
  const details = [
    t.failed ? `${t.failed} failed` : '',
    t.skipped ? `${t.skipped} skipped` : '',
    t.duplicates ? `${counted(t.duplicates, 'repeated ID')} ignored` : '',
    t.uncertain ? `${t.uncertain} may have been delivered twice` : '',
  ].filter(Boolean);
  if (details.length > 0) {
    lines.push(`  ${details.join(', ')}`);
  }
  if (report.stopped) {
    const then =
      report.stopped.reason !== 'unreachable'
        ? ''
        : reportPath
          ? `; re-run with --resume ${safe(reportPath)}`
          : '; re-run once the cloud is reachable';
    lines.push(`  stopped: ${safe(report.stopped.message ?? report.stopped.reason)}${then}`);
  }
  if (report.stopped?.hint) {
    lines.push(`  hint: ${safe(report.stopped.hint)}`);
  }
  lines.push(
    ...causeLines(
      'failed',
      report.failed,
      (entry) => [entry.status, entry.errorCode, entry.errorMsg].filter(Boolean).join(' ') || entry.reason,
    ),
    ...causeLines('skipped', report.skipped, (entry) => `${entry.reason}: ${entry.detail}`),
  );
  if (reportPath) {
    const path = safe(reportPath);
    lines.push(`  report: ${path}${ok ? '' : ` (re-run the rest with --resume ${path})`}`);
  }
  lines.push(
    '  The cloud logs users off asynchronously; a logged-off desktop here means the cloud accepted the task.',
  );
  return lines.join('\n');
}
