// The exit code scripts branch on: first match wins, as --help and the README list them.
import { describe, expect, it } from 'vitest';
import { EXIT, exitCodeOf } from '../src/exit-codes.js';
import { reportOf } from './support/reports.js';

describe('exitCodeOf', () => {
  it('is 0 when every desktop was logged off, repeats included', async () => {
    expect(exitCodeOf(await reportOf(['d-1', 'd-2', 'd-1']), false)).toBe(EXIT.ok);
  });

  it('is 1 when some desktop failed', async () => {
    expect(exitCodeOf(await reportOf(['d-1', 'd-2'], ['d-2']), false)).toBe(EXIT.partial);
  });

  it('is 1 when some IDs were skipped, though none failed', async () => {
    const report = await reportOf(['d-1']);
    report.totals = { ...report.totals, succeeded: 0, skipped: 1 };
    expect(exitCodeOf(report, false)).toBe(EXIT.partial);
  });

  it('is 3 when the batch stopped on its configuration (a token file gone mid-batch)', async () => {
    const report = await reportOf(['d-1']);
    report.stopped = { reason: 'configuration', message: 'Cannot read the token file' };
    expect(exitCodeOf(report, false)).toBe(EXIT.auth);
  });

  it('is 3 when the batch stopped on authentication, even after successes', async () => {
    const report = await reportOf(['d-1']);
    report.stopped = { reason: 'auth', message: 'IAM refused the credentials' };
    expect(exitCodeOf(report, false)).toBe(EXIT.auth);
    report.stopped = { reason: 'forbidden' };
    expect(exitCodeOf(report, false)).toBe(EXIT.auth);
  });

  it('is 4 when the batch stopped because the cloud was unreachable', async () => {
    const report = await reportOf(['d-1', 'd-2'], ['d-2']);
    report.stopped = { reason: 'unreachable', message: 'the cloud is unreachable: ECONNREFUSED' };
    expect(exitCodeOf(report, false)).toBe(EXIT.unreachable);
  });

  it('is 130 when interrupted, whatever else happened', async () => {
    const report = await reportOf(['d-1', 'd-2'], ['d-2']);
    report.stopped = { reason: 'auth' };
    expect(exitCodeOf(report, true)).toBe(EXIT.interrupted);
  });
});
