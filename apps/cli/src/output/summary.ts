// The human summary of a report: counts, failed and skipped IDs with their codes, where the report went.
import type { LogoffReport } from '@wks-logoff/core';
import { terminalSafe as safe } from './terminal-text.js';

const SHOWN = 20;

export interface SummaryStyle {
  color: boolean;
}

function paint(text: string, code: number, style: SummaryStyle) {
  return style.color ? `\x1b[${code}m${text}\x1b[0m` : text;
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
    `${ok ? paint('✔', 32, style) : paint('✘', 31, style)} ${t.succeeded} of ${t.distinct} desktops logged off in project ${safe(report.projectId)}` +
      ` (${report.requests.total} requests, ${report.requests.retries} retries, ${(report.durationMs / 1000).toFixed(1)} s)`,
  );
  const details = [
    t.failed ? `${t.failed} failed` : '',
    t.skipped ? `${t.skipped} skipped` : '',
    t.duplicates ? `${t.duplicates} repeated IDs ignored` : '',
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
  for (const entry of report.failed.slice(0, SHOWN)) {
    const why = [entry.status, entry.errorCode, entry.errorMsg].filter(Boolean).join(' ') || entry.reason;
    lines.push(`  failed   ${safe(entry.id)}  ${safe(why)}`);
  }
  if (report.failed.length > SHOWN) {
    lines.push(`  … and ${report.failed.length - SHOWN} more failed`);
  }
  for (const entry of report.skipped.slice(0, SHOWN)) {
    lines.push(`  skipped  ${safe(entry.id)}  ${entry.reason}: ${safe(entry.detail)}`);
  }
  if (report.skipped.length > SHOWN) {
    lines.push(`  … and ${report.skipped.length - SHOWN} more skipped`);
  }
  if (reportPath) {
    const path = safe(reportPath);
    lines.push(`  report: ${path}${ok ? '' : ` (re-run the rest with --resume ${path})`}`);
  }
  lines.push(
    '  The cloud logs users off asynchronously; a logged-off desktop here means the cloud accepted the task.',
  );
  return lines.join('\n');
}
