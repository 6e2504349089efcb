// The report on its own: what the builder settles, what resume picks, what checkReport refuses.
import { describe, expect, it } from 'vitest';
import { ReportBuilder } from '../../src/batch/report.js';
import { checkReport, resumableIds, WorkspaceApiError } from '../../src/index.js';

function sample() {
  const builder = new ReportBuilder('p1', 'bye');
  // Six IDs read, one of them a repeat.
  for (const repeat of [false, false, false, false, false, true]) {
    builder.countInput(repeat);
  }
  builder.succeed(['a', 'b'], 'r1', false);
  builder.fail(
    ['c'],
    new WorkspaceApiError({
      status: 409,
      source: 'service',
      errorCode: 'WKS.0407',
      requestId: 'r2',
    }),
    true,
  );
  builder.skip(['bad id'], 'invalid', 'must be printable ASCII characters without spaces');
  builder.skip(['e'], 'cancelled', 'not sent: the batch was cancelled');
  return builder.build();
}

describe('the report', () => {
  it('settles every ID once and adds up', () => {
    const report = sample();
    expect(report.totals).toEqual({
      input: 6,
      distinct: 5,
      succeeded: 2,
      failed: 1,
      skipped: 2,
      duplicates: 1,
      uncertain: 0,
    });
    expect(report.failed[0]).toMatchObject({
      id: 'c',
      status: 409,
      errorCode: 'WKS.0407',
      requestId: 'r2',
      isolated: true,
    });
    expect(checkReport(JSON.parse(JSON.stringify(report)))).toEqual([]);
  });

  it('resumes the failed and the skipped, except the invalid', () => {
    expect(resumableIds(sample())).toEqual(['c', 'e']);
  });

  it('checkReport refuses a target without its endpoint, auth and proxy fields', () => {
    const report = JSON.parse(JSON.stringify(sample()));
    report.target = { endpoint: 'https://workspace.cn-north-4.myhuaweicloud.com' };
    expect(checkReport(report)).toEqual([
      "/target must have required property 'auth'",
      "/target must have required property 'proxy'",
    ]);
    report.target = { endpoint: 'https://w.example', auth: 'aksk', proxy: false, secretKey: 'x' };
    expect(checkReport(report)).toEqual(['/target must NOT have additional properties']);
  });

  it('checkReport names what is wrong with a file that is not a report', () => {
    expect(checkReport({ schemaVersion: 2 })[0]).toMatch(/^\(report\) must have required property/);
    const report = JSON.parse(JSON.stringify(sample()));
    report.succeeded[0].id = 5;
    expect(checkReport(report)).toEqual(['/succeeded/0/id must be string']);
  });
});
