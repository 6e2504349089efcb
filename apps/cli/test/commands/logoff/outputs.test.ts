// Where the report goes: the file asked for, stdout with --json, the summary otherwise; a file that cannot be
// written loses nothing (the report follows on stdout).
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { checkReport, type LogoffReport } from '@wks-logoff/core';
import { beforeEach, describe, expect, it } from 'vitest';
import { writeOutputs } from '../../../src/commands/logoff/outputs.js';
import { reportOf } from '../../support/reports.js';

/** A stream that keeps what was written, like a redirected stdout (not a terminal). */
const captured = (isTTY = false) => {
  const stream = Object.assign(new PassThrough(), { isTTY });
  let text = '';
  stream.on('data', (chunk) => {
    text += chunk;
  });
  return { stream: stream as unknown as NodeJS.WriteStream, text: () => text };
};

let dir: string;
let report: LogoffReport;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'wks-out-'));
  report = await reportOf(['d-1', 'd-2'], ['d-2']);
});
const run = async (
  flags: { report?: string; json?: boolean; quiet?: boolean },
  terminal: { stdoutIsTerminal?: boolean; env?: NodeJS.ProcessEnv } = {},
) => {
  const stdout = captured(terminal.stdoutIsTerminal);
  const stderr = captured();
  await writeOutputs(report, flags, {
    stdout: stdout.stream,
    stderr: stderr.stream,
    env: terminal.env ?? {},
  });
  return { stdout: stdout.text(), stderr: stderr.text() };
};

describe('writeOutputs', () => {
  it('prints the summary, without colour when stdout is not a terminal', async () => {
    const out = await run({});
    expect(out.stdout).toContain('✘ 1 of 2 desktops logged off');
    expect(out.stdout).toContain('failed   1 desktop: 404 WKS.0404 desktop not found (d-2)');
    expect(out.stdout).not.toContain('\x1b[');
  });

  it('prints the whole report as JSON with --json', async () => {
    const out = await run({ json: true });
    expect(JSON.parse(out.stdout)).toEqual(report);
  });

  it('writes --report to the file and names it in the summary', async () => {
    const path = join(dir, 'report.json');
    const out = await run({ report: path });
    expect(checkReport(JSON.parse(await readFile(path, 'utf8')))).toEqual([]);
    expect(out.stdout).toContain(path);
  });

  it('puts the report on stdout, and says so, when the file cannot be written', async () => {
    const out = await run({ report: join(dir, 'missing-dir', 'report.json') });
    expect(out.stderr).toContain('cannot write the report to');
    expect(out.stderr).toContain('(ENOENT); it follows on stdout');
    const json = out.stdout.slice(0, out.stdout.lastIndexOf('}') + 1);
    expect(JSON.parse(json)).toEqual(report);
  });

  it('is silent with --quiet when everything was logged off', async () => {
    report = await reportOf(['d-1']);
    expect(await run({ quiet: true })).toEqual({ stdout: '', stderr: '' });
  });

  it('still prints failures with --quiet', async () => {
    expect((await run({ quiet: true })).stdout).toContain(
      'failed   1 desktop: 404 WKS.0404 desktop not found',
    );
  });

  it('with --json, prints the report once when the file cannot be written', async () => {
    const out = await run({ json: true, report: join(dir, 'missing-dir', 'report.json') });
    expect(out.stderr).toContain('it follows on stdout');
    expect(JSON.parse(out.stdout)).toEqual(report);
  });

  it('still prints the summary with --quiet when desktops failed and were skipped alike', async () => {
    report = await reportOf(['d-1', 'd-2', 'bad id'], ['d-2']);
    expect((await run({ quiet: true })).stdout).toContain('skipped  1 desktop: invalid: ');
  });

  it('colours the summary on a terminal, unless NO_COLOR is set', async () => {
    expect((await run({}, { stdoutIsTerminal: true })).stdout).toContain('\x1b[31m✘\x1b[0m 1 of 2');
    expect((await run({}, { stdoutIsTerminal: true, env: { NO_COLOR: '1' } })).stdout).not.toContain('\x1b[');
  });
});
