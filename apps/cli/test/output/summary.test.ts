// The summary: where the calls went, and failures grouped by cause, one line each, however many desktops share it.
import { describe, expect, it } from 'vitest';
import { formatSummary } from '../../src/output/summary.js';
import { reportOf } from '../support/reports.js';

const lines = (text: string, start: string) => text.split('\n').filter((line) => line.startsWith(start));

describe('formatSummary', () => {
  it('names the target, through the proxy or not', async () => {
    const report = await reportOf(['d-1']);
    report.target = {
      endpoint: 'https://workspace.cn-north-4.myhuaweicloud.com',
      region: 'cn-north-4',
      auth: 'aksk',
      proxy: false,
    };
    expect(formatSummary(report, undefined, { color: false })).toContain(
      '  target: https://workspace.cn-north-4.myhuaweicloud.com (region cn-north-4, AK/SK)',
    );
    report.target = { endpoint: 'http://wks-proxy.internal', auth: 'proxy-token', proxy: true };
    expect(formatSummary(report, undefined, { color: false })).toContain(
      '  target: the wks-logoff proxy at http://wks-proxy.internal (identity token)',
    );
  });

  it('counts read as words do: one desktop, one request, one retry', async () => {
    const one = await reportOf(['d-1']);
    one.requests.total = 1;
    one.requests.retries = 1;
    expect(formatSummary(one, undefined, { color: false })).toMatch(
      /^✔ 1 of 1 desktop logged off in project \S+ \(1 request, 1 retry, /,
    );
    const two = await reportOf(['d-1', 'd-2'], ['d-2']);
    expect(formatSummary(two, undefined, { color: false })).toMatch(
      /^✘ 1 of 2 desktops logged off .* retries, /,
    );
    expect(lines(formatSummary(two, undefined, { color: false }), '  failed')[0]).toMatch(
      /^ {2}failed {3}1 desktop: /,
    );
  });

  it('one line per cause with its count and three IDs, not a line per desktop', async () => {
    const ids = Array.from({ length: 500 }, (_, i) => `d-${i}`);
    const report = await reportOf(ids, ids.slice(0, 400));
    // In input order (calls in flight settle in any order).
    report.failed.sort((a, b) => Number(a.id.slice(2)) - Number(b.id.slice(2)));
    const text = formatSummary(report, 'r.json', { color: false });
    expect(lines(text, '  failed')).toEqual([
      '  failed   400 desktops: 404 WKS.0404 desktop not found (d-0, d-1, d-2, … 397 more)',
    ]);
  });

  it('at most ten causes, then how many more and where to read them', async () => {
    const ids = Array.from({ length: 12 }, (_, i) => `d-${i}`);
    const report = await reportOf(ids, ids);
    report.failed.forEach((entry, i) => {
      entry.errorMsg = `cause ${i}`;
    });
    const failed = lines(formatSummary(report, undefined, { color: false }), '  ');
    expect(failed.filter((line) => line.startsWith('  failed'))).toHaveLength(10);
    expect(failed).toContain('  … and 2 more causes (2 desktops failed): see the report');
  });

  it('one more cause of one desktop reads as words too', async () => {
    const ids = Array.from({ length: 11 }, (_, i) => `d-${i}`);
    const report = await reportOf(ids, ids);
    report.failed.forEach((entry, i) => {
      entry.errorMsg = `cause ${i}`;
    });
    expect(formatSummary(report, undefined, { color: false })).toContain(
      '  … and 1 more cause (1 desktop failed): see the report',
    );
  });

  it('skipped desktops grouped the same way', async () => {
    const report = await reportOf(['d-1']);
    report.skipped = ['s-1', 's-2'].map((id) => ({
      id,
      reason: 'stopped',
      detail: 'not sent: the batch stopped',
    }));
    expect(lines(formatSummary(report, undefined, { color: false }), '  skipped')).toEqual([
      '  skipped  2 desktops: stopped: not sent: the batch stopped (s-1, s-2)',
    ]);
  });
});
