// The program run in process: its help (with the exit-code table scripts rely on), its version, its commands other
// than logoff, and the argument parser's errors, each one line with exit 2.
import { describe, expect, it } from 'vitest';
import { runInProcess } from './support/in-process.js';

describe('wks-logoff', () => {
  it('--help ends with the exit codes, first match first', async () => {
    const run = await runInProcess(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout.trimEnd().split('\n').slice(-7)).toEqual([
      'Exit codes (first match wins):',
      '  2    usage or input error, or the confirmation was declined (nothing sent)',
      '  130  interrupted (Ctrl-C)',
      '  3    the batch stopped on an authentication, permission or configuration failure',
      '  4    the batch stopped because the cloud was unreachable (the rest not sent: --resume it)',
      '  1    some desktops failed or were skipped',
      '  0    every distinct desktop ID was logged off',
    ]);
  });

  it('logoff --help lists its options with their defaults, examples and the exit codes', async () => {
    const run = await runInProcess(['logoff', '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('--confirm-above <n>');
    expect(run.stdout).toContain('(default: 100)');
    expect(run.stdout).toContain('IDs per request (1-100, default 100)');
    expect(run.stdout).toContain('$ wks-logoff logoff --resume report.json --yes');
    expect(run.stdout).toContain('  130  interrupted (Ctrl-C)');
  });

  it('--version prints the version', async () => {
    const run = await runInProcess(['--version']);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });

  it('regions lists the regions and their endpoints, as text or JSON', async () => {
    expect((await runInProcess(['regions'])).stdout).toContain(
      'cn-north-4      https://workspace.cn-north-4.myhuaweicloud.com',
    );
    const json = JSON.parse((await runInProcess(['regions', '--json'])).stdout) as { region: string }[];
    expect(json.map((row) => row.region)).toContain('cn-north-4');
  });

  it('completion prints a script for the shell named, offering every logoff flag', async () => {
    const run = await runInProcess(['completion', 'bash']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('complete -o default -F _wks_logoff wks-logoff');
    expect(run.stdout).toContain('--confirm-above');
  });

  it('an unknown option is one line naming it, exit 2', async () => {
    const run = await runInProcess(['logoff', '--rat', '5']);
    expect(run).toMatchObject({
      code: 2,
      stdout: '',
      stderr: "wks-logoff: unknown option '--rat' (Did you mean --rate?) (run with --help for usage)\n",
    });
  });
});
