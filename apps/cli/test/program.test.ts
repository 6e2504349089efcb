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

  it('logoff --help describes each option, with its default', async () => {
    const { stdout } = await runInProcess(['logoff', '--help']);
    // As a reader sees it, whatever the width of the terminal it is wrapped to.
    const options = stdout
      .slice(stdout.indexOf('Options:'), stdout.indexOf('\nExamples:'))
      .replace(/\s+/g, ' ')
      .trimEnd();
    const described = [
      [
        '--project-id <id>',
        'project ID (or HUAWEICLOUD_SDK_PROJECT_ID; looked up from the region when absent)',
      ],
      ['--region <name>', 'region, e.g. cn-north-4 (or HUAWEICLOUD_SDK_REGION); see `wks-logoff regions`'],
      ['--endpoint <url>', 'explicit Workspace endpoint (or WKS_ENDPOINT)'],
      ['--profile <name>', 'profile in $XDG_CONFIG_HOME/wks-logoff/config.json (or WKS_PROFILE)'],
      [
        '--proxy-url <url>',
        'talk to the internal wks-logoff proxy (or WKS_PROXY_URL), signed in with a token from WKS_PROXY_TOKEN or the file WKS_PROXY_TOKEN_FILE, else the caller key in WKS_PROXY_KEY',
      ],
      [
        '-m, --message <text>',
        'message shown to each user (at most 255 UTF-16 code units: an emoji counts 2)',
      ],
      [
        '-f, --ids-file <path>',
        'file with one ID per line (blank lines and # comments allowed); - for stdin',
      ],
      ['--skip-invalid', 'report invalid IDs as skipped instead of refusing to start'],
      ['--dry-run', 'validate, de-duplicate and chunk, print the plan; send nothing'],
      ['--json', 'print the JSON report (or plan) on stdout and nothing else there'],
      ['--report <file>', 'write the JSON report to a file'],
      ['--resume <file>', 're-run the failed and skipped IDs of an earlier report'],
      ['-y, --yes', 'do not ask for confirmation (required above the threshold when there is no terminal)'],
      ['--confirm-above <n>', 'ask for confirmation above this many desktops (0 or more) (default: 100)'],
      ['--chunk-size <n>', 'IDs per request (1-100, default 100)'],
      ['--concurrency <n>', 'requests in flight (default 4)'],
      ['--rate <n>', "requests per second at most (default 1.5; through --proxy-url, the proxy's pace)"],
      ['--max-attempts <n>', 'attempts per request, retries included (default 3)'],
      ['--timeout <seconds>', 'timeout of each request attempt, in seconds (default 30)'],
      ['-q, --quiet', 'no progress bar; the summary only when something failed or was skipped'],
      ['--debug', 'log every attempt to stderr and show stack traces (never secrets)'],
      ['-h, --help', 'display help for command'],
    ];
    expect(options).toBe(`Options: ${described.map((pair) => pair.join(' ')).join(' ')}`);
  });

  it('logoff --help lists its options with their defaults, examples and the exit codes', async () => {
    const run = await runInProcess(['logoff', '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('log off desktops: IDs as arguments, from --ids-file, or on stdin');
    expect(run.stdout.replace(/ +/g, ' ')).toContain('Arguments:\n DESKTOP_ID desktop IDs\n');
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

  it.each([
    ['--chunk-size', '1.5', 'expected an integer, got "1.5"'],
    ['--concurrency', 'two', 'expected an integer, got "two"'],
    ['--max-attempts', ' ', 'expected an integer, got " "'],
    ['--rate', 'Infinity', 'expected a number, got "Infinity"'],
    ['--timeout', '', 'expected a number, got ""'],
    ['--confirm-above', '-1', 'expected a whole number, 0 or more, got "-1"'],
    ['--confirm-above', '2.5', 'expected a whole number, 0 or more, got "2.5"'],
  ])('%s %j is one line saying what was expected, exit 2', async (flag, value, expected) => {
    const run = await runInProcess(['logoff', flag, value, 'd-1']);
    expect(run).toMatchObject({ code: 2, stdout: '' });
    expect(run.stderr).toMatch(
      new RegExp(`^wks-logoff: option '${flag} <[a-z]+>' argument '${value}' is invalid\\. `),
    );
    expect(run.stderr).toContain(`${expected} (run with --help for usage)\n`);
  });

  it('a negative integer is left to core’s check, which names the bounds', async () => {
    const run = await runInProcess(['logoff', '--concurrency', '-1', 'd-1']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^wks-logoff: --concurrency must be /);
  });

  it('numbers where numbers are expected are taken (a decimal rate and timeout, no threshold)', async () => {
    const run = await runInProcess(
      ['logoff', '--dry-run', '--json', '--rate', '0.5', '--timeout', '2.5', '--confirm-above', '0', 'd-1'],
      {
        env: { WKS_ENDPOINT: 'http://127.0.0.1:9', WKS_AUTH_TOKEN: 'token', HUAWEICLOUD_SDK_PROJECT_ID: 'p' },
      },
    );
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ ratePerSecond: 0.5, desktops: 1 });
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
