// End-to-end: the bundled `wks-logoff` against the Prism mock and the fake cloud.
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkReport, type LogoffReport } from '@wks-logoff/core';
import type { FakeCloud } from '@wks-logoff/testkit';
import type {} from '@wks-logoff/testkit/vitest-prism';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { AK, akskEnv, PROJECT, SK, startCloud } from './support/cloud.js';
import { freshHome, runCli } from './support/run-cli.js';

const ids = (n: number, prefix = 'desk') =>
  Array.from({ length: n }, (_, i) => `${prefix}-${String(i).padStart(5, '0')}`);

let cloud: FakeCloud;
let dir: string;
beforeEach(async () => {
  cloud = await startCloud();
  dir = await mkdtemp(join(tmpdir(), 'wks-cli-'));
});
afterEach(async () => {
  await cloud.close();
});

const cloudEnv = () => akskEnv(cloud);
const fast = ['--rate', '1000', '--yes'];

describe('against the Prism mock', () => {
  const prismEnv = () => ({ WKS_ENDPOINT: inject('prismUrl'), WKS_AUTH_TOKEN: 'dummy-token' });

  it('IDs from arguments', async () => {
    const run = await runCli(['logoff', '--project-id', PROJECT, '-m', 'bye', 'd-1', 'd-2', 'd-1'], {
      env: prismEnv(),
    });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`✔ 2 of 2 desktops logged off in project ${PROJECT}`);
    expect(run.stdout).toContain('1 repeated ID ignored');
  });

  it('IDs from a file with blank lines and comments', async () => {
    const file = join(dir, 'ids.txt');
    await writeFile(file, '# maintenance list\nd-1\n\n  d-2  \n# end\n');
    const run = await runCli(['logoff', '--project-id', PROJECT, '--ids-file', file, '--json'], {
      env: prismEnv(),
    });
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as LogoffReport;
    expect(report.succeeded.map((e) => e.id)).toEqual(['d-1', 'd-2']);
    expect(checkReport(report)).toEqual([]);
  });

  it('IDs piped on stdin', async () => {
    const run = await runCli(['logoff', '--project-id', PROJECT, '--json'], {
      env: prismEnv(),
      stdin: 'd-1\nd-2\nd-3\n',
    });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).totals.succeeded).toBe(3);
  });
});

describe('plans, reports and exit codes against the fake cloud', () => {
  it('--dry-run prints the plan and sends nothing', async () => {
    const run = await runCli(
      ['logoff', '--dry-run', '--chunk-size', '40', '--skip-invalid', ...ids(100), 'bad id', 'desk-00001'],
      { env: cloudEnv() },
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Dry run: nothing was sent.');
    expect(run.stdout).toContain('100 desktops in 3 requests of at most 40');
    expect(run.stdout).toContain('1 repeated ID would be ignored');
    expect(run.stdout).toContain('argument 101: "bad id" must be printable ASCII characters without spaces');
    expect(cloud.log).toHaveLength(0);
  });

  it('--json prints only the report, which satisfies the schema; --report writes it too', async () => {
    const reportFile = join(dir, 'report.json');
    const run = await runCli(['logoff', ...fast, '--json', '--report', reportFile, ...ids(250)], {
      env: cloudEnv(),
    });
    expect(run.code).toBe(0);
    const printed = JSON.parse(run.stdout) as LogoffReport;
    expect(checkReport(printed)).toEqual([]);
    expect(printed.totals).toMatchObject({ distinct: 250, succeeded: 250 });
    expect(JSON.parse(await readFile(reportFile, 'utf8'))).toEqual(printed);
    expect(cloud.loggedOff.size).toBe(250);
  });

  it('exit 1 when some desktops fail, naming them with their codes; --resume re-runs only those', async () => {
    cloud.setDesktops('busy', ['desk-00007']);
    const reportFile = join(dir, 'report.json');
    const first = await runCli(['logoff', ...fast, '--report', reportFile, ...ids(20)], { env: cloudEnv() });
    expect(first.code).toBe(1);
    expect(first.stdout).toContain('✘ 19 of 20 desktops logged off');
    expect(first.stdout).toContain('failed   1 desktop: 409 WKS.0407 The desktop is busy. (desk-00007)');
    expect(first.stdout).toContain(`re-run the rest with --resume ${reportFile}`);
    cloud.setDesktops('busy', []);
    const second = await runCli(['logoff', '--yes', '--resume', reportFile, '--json'], { env: cloudEnv() });
    expect(second.code).toBe(0);
    expect(JSON.parse(second.stdout).succeeded.map((e: { id: string }) => e.id)).toEqual(['desk-00007']);
    expect(cloud.loggedOff.get('desk-00007')).toBe(1);
    expect(cloud.loggedOff.get('desk-00001')).toBe(1);
  });

  it('exit 3 when the batch stops on an authentication failure, even after successes', async () => {
    cloud.setFaultPlan((n) =>
      n === 2 ? { type: 'status', status: 401, errorCode: 'APIGW.0301' } : undefined,
    );
    const run = await runCli(['logoff', ...fast, '--concurrency', '1', '--json', ...ids(300)], {
      env: cloudEnv(),
    });
    expect(run.code).toBe(3);
    const report = JSON.parse(run.stdout) as LogoffReport;
    expect(report.stopped?.reason).toBe('auth');
    expect(report.totals).toMatchObject({ succeeded: 100, failed: 100, skipped: 100 });
  });

  it('exit 4 when the cloud is unreachable: a few calls, then the rest skipped, resumed once it is back', async () => {
    const report = join(dir, 'report.json');
    const env = cloudEnv();
    await cloud.close();
    const down = await runCli(['logoff', ...fast, '--max-attempts', '2', '--report', report, ...ids(2000)], {
      env,
    });
    expect(down.code).toBe(4);
    const written = JSON.parse(await readFile(report, 'utf8')) as LogoffReport;
    expect(written.requests.total).toBeLessThanOrEqual(20);
    expect(written.totals).toMatchObject({ succeeded: 0, distinct: 2000 });
    expect(written.totals.skipped).toBeGreaterThan(1500);
    expect(down.stdout).toContain(`nothing more was sent; re-run with --resume ${report}`);
    // Back where it was: a resumed run keeps its report's target.
    cloud = await startCloud({ port: Number(new URL(env.WKS_ENDPOINT as string).port) });
    const back = await runCli(['logoff', '--yes', '--rate', '1000', '--resume', report, '--json'], { env });
    expect(back.code).toBe(0);
    expect(JSON.parse(back.stdout).totals.succeeded).toBe(2000);
  });

  it('asks for confirmation above the threshold; without a terminal it requires --yes (exit 2, nothing sent)', async () => {
    const run = await runCli(['logoff', ...ids(101)], { env: cloudEnv() });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'wks-logoff: refusing to log off 101 desktops (more than 100) without confirmation and no terminal to ask on: pass --yes\n',
    );
    expect(cloud.log).toHaveLength(0);
  });

  it('Ctrl-C stops launching requests, writes a complete report, exits 130', async () => {
    const reportFile = join(dir, 'report.json');
    const run = await runCli(
      ['logoff', '--yes', '--rate', '5', '--concurrency', '1', '--report', reportFile, ...ids(2000)],
      {
        env: cloudEnv(),
        onSpawn: (child) => {
          void cloud.received(2).then(() => child.kill('SIGINT'));
        },
      },
    );
    expect(run.code).toBe(130);
    expect(run.stderr).toContain('Stopping: no new requests');
    const report = JSON.parse(await readFile(reportFile, 'utf8')) as LogoffReport;
    expect(checkReport(report)).toEqual([]);
    expect(report.totals.distinct).toBe(2000);
    expect(report.totals.succeeded).toBe(cloud.loggedOff.size);
    expect(report.skipped.every((e) => e.reason === 'cancelled')).toBe(true);
    expect(report.stopped?.reason).toBe('cancelled');
  });

  it('a second Ctrl-C exits at once, without waiting for the request in flight', async () => {
    cloud.inject({ type: 'slow', delayMs: 20_000 });
    const run = await runCli(['logoff', '--yes', '--report', join(dir, 'never.json'), ...ids(10)], {
      env: cloudEnv(),
      onSpawn: (child) => {
        // The first Ctrl-C once a request is in flight; the second once the CLI says it is stopping.
        void cloud.received(1).then(() => child.kill('SIGINT'));
        child.stderr?.on('data', (chunk) => {
          if (String(chunk).includes('Ctrl-C again')) {
            child.kill('SIGINT');
          }
        });
      },
    });
    expect(run.code).toBe(130);
    expect(run.stderr).toContain('Ctrl-C again to quit at once');
    // Had it waited for the slow request, the first Ctrl-C's path would have written the report.
    await expect(readFile(join(dir, 'never.json'), 'utf8')).rejects.toThrow();
    expect(cloud.loggedOff.size).toBe(0);
  });

  it('--proxy-url talks to the real proxy (bearer key) in front of the fake cloud', async () => {
    const { startProxyForTest } = await import('./support/proxy-harness.js');
    const proxy = await startProxyForTest(cloud.url, { AK, SK });
    try {
      const run = await runCli(
        ['logoff', '--proxy-url', proxy.url, '--project-id', PROJECT, ...fast, '--json', ...ids(150)],
        {
          env: { WKS_PROXY_KEY: proxy.key },
        },
      );
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      expect(JSON.parse(run.stdout).totals.succeeded).toBe(150);
      expect(JSON.parse(run.stdout).target).toEqual({ endpoint: proxy.url, auth: 'proxy-key', proxy: true });
      expect(cloud.loggedOff.size).toBe(150);
      const bad = await runCli(
        ['logoff', '--proxy-url', proxy.url, '--project-id', PROJECT, '--yes', 'd-1'],
        { env: { WKS_PROXY_KEY: 'wksp_wrong' } },
      );
      expect(bad.code).toBe(3);
      expect(bad.stdout).toContain('stopped');
    } finally {
      await proxy.close();
    }
  });
});

describe('--proxy-url with a token of an identity provider (OIDC / workload identity)', () => {
  it('sends the token of WKS_PROXY_TOKEN_FILE (or WKS_PROXY_TOKEN) before a key, never printing it, --debug included', async () => {
    const { startIdentityProvider } = await import('@wks-logoff/testkit');
    const { startProxyForTest } = await import('./support/proxy-harness.js');
    const idp = await startIdentityProvider();
    const subject = 'system:serviceaccount:ops:logoff-bot';
    const proxy = await startProxyForTest(
      cloud.url,
      { AK, SK },
      {
        issuers: [{ issuer: idp.issuer, audience: 'wks-logoff-proxy', jwksUri: idp.jwksUri }],
        callers: [{ id: 'logoff-bot', issuer: idp.issuer, subject, projects: [PROJECT] }],
      },
    );
    try {
      const tokenFile = join(dir, 'token');
      const token = await idp.sign({ sub: subject, aud: 'wks-logoff-proxy' });
      await writeFile(tokenFile, `${token}\n`);
      const args = ['logoff', '--proxy-url', proxy.url, '--project-id', PROJECT, '--yes', '--debug'];
      const run = await runCli([...args, '--json', ...ids(3)], {
        env: { WKS_PROXY_TOKEN_FILE: tokenFile, WKS_PROXY_KEY: 'wksp_not-used-when-a-token-is-set' },
      });
      expect(run.code).toBe(0);
      expect(JSON.parse(run.stdout).totals.succeeded).toBe(3);
      expect(`${run.stdout}${run.stderr}`).not.toContain(token);
      expect(`${run.stdout}${run.stderr}`).not.toContain(token.split('.')[2]);
      // The same token from WKS_PROXY_TOKEN; an expired one is refused with the proxy's reason and a hint.
      const expired = await idp.sign({ sub: subject, aud: 'wks-logoff-proxy' }, { expiresIn: -120 });
      const refused = await runCli([...args, 'd-9'], { env: { WKS_PROXY_TOKEN: expired } });
      expect(refused.code).toBe(3);
      expect(refused.stdout).toContain('The token has expired.');
      expect(refused.stdout).toContain(
        "hint: The proxy rejected the caller's credential: check WKS_PROXY_TOKEN.",
      );
      expect(`${refused.stdout}${refused.stderr}`).not.toContain(expired);
      // A missing file is a usage error: nothing sent.
      const missing = await runCli([...args, 'd-9'], { env: { WKS_PROXY_TOKEN_FILE: join(dir, 'nope') } });
      expect(missing.code).toBe(2);
      expect(missing.stderr).toMatch(
        /Cannot read the token file .*nope \(ENOENT\) named by WKS_PROXY_TOKEN_FILE\./,
      );
    } finally {
      await proxy.close();
      await idp.close();
    }
  });
});

describe('terminal output: text from outside is escaped, --json stays exact', () => {
  // Sets the window title, clears the screen, returns the cursor and forges a success line.
  const EVIL = '\u001b]0;pwned\u0007\u001b[2J\r✔ 20 of 20 desktops logged off\nwks-logoff: all good\u009b31m';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the test looks for control characters on purpose.
  const controls = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

  it('a cloud error text is printed escaped in the summary and on stderr; --json keeps it exact', async () => {
    cloud.inject({ type: 'status', status: 409, errorCode: 'WKS.0407', errorMsg: EVIL });
    const run = await runCli(['logoff', ...fast, 'd-1'], { env: cloudEnv() });
    expect(run.code).toBe(1);
    expect(run.stdout + run.stderr).not.toMatch(controls);
    expect(run.stdout).toContain(
      '\\u001b]0;pwned\\u0007\\u001b[2J\\r✔ 20 of 20 desktops logged off\\nwks-logoff: all good',
    );
    expect(run.stdout.split('\n').filter((line) => line.includes('logged off in project'))).toHaveLength(1);
    cloud.inject({ type: 'status', status: 409, errorCode: 'WKS.0407', errorMsg: EVIL });
    const json = await runCli(['logoff', ...fast, '--json', 'd-2'], { env: cloudEnv() });
    expect((JSON.parse(json.stdout) as LogoffReport).failed[0]?.errorMsg).toBe(EVIL);
  });

  it('IDs and file names with control, C1 and bidi characters are escaped in the plan', async () => {
    const file = join(dir, 'ids\u001b[2J.txt');
    await writeFile(file, 'desk-1\ndesk\u009b2J\n\u202egnp.exe\ndesk\u007f\n');
    const run = await runCli(['logoff', '--dry-run', '--skip-invalid', '--ids-file', file], {
      env: cloudEnv(),
    });
    expect(run.code).toBe(0);
    expect(run.stdout).not.toMatch(controls);
    expect(run.stdout).toContain('ids\\u001b[2J.txt:2: "desk\\u009b2J"');
    expect(run.stdout).toContain('"\\u202egnp.exe"');
    expect(run.stdout).toContain('"desk\\u007f"');
  });

  it('errors naming what the user gave are escaped too', async () => {
    const run = await runCli(['logoff', '--region', '\u001b]0;x\u0007eu', 'd-1'], {
      env: { WKS_AUTH_TOKEN: 't', HUAWEICLOUD_SDK_PROJECT_ID: PROJECT },
    });
    expect(run.code).toBe(2);
    expect(run.stderr).not.toMatch(controls);
    expect(run.stderr).toContain('Unknown region "\\u001b]0;x\\u0007eu"');
  });
});

describe('a million IDs', () => {
  it('--dry-run plans 1,000,000 IDs from a file and from stdin, naming a bad line by its number', async () => {
    const lines = Array.from(
      { length: 1_000_000 },
      (_, i) => `2a010270-a011-415e-b1cd-${String(i).padStart(12, '0')}`,
    );
    lines[765_432] = 'bad id';
    const text = `${lines.join('\n')}\n`;
    const file = join(dir, 'million.txt');
    await writeFile(file, text);
    const fromFile = await runCli(['logoff', '--dry-run', '--json', '--skip-invalid', '--ids-file', file], {
      env: cloudEnv(),
    });
    expect(fromFile.stderr).toBe('');
    expect(fromFile.code).toBe(0);
    expect(JSON.parse(fromFile.stdout)).toMatchObject({
      desktops: 999_999,
      requests: 10_000,
      skipped: [{ id: 'bad id', where: `${file}:765433` }],
    });
    const fromStdin = await runCli(['logoff', '--dry-run'], { env: cloudEnv(), stdin: text });
    expect(fromStdin.code).toBe(2);
    expect(fromStdin.stderr.split('\n')[0]).toBe(
      'wks-logoff: invalid desktop ID at stdin:765433: "bad id" must be printable ASCII characters without spaces',
    );
    expect(cloud.log).toHaveLength(0);
  });
});

describe('bad input: exit 2, one clear message, nothing sent', () => {
  it.each([
    [
      'an unknown flag',
      ['logoff', '--frobnicate', 'd-1'],
      "wks-logoff: unknown option '--frobnicate' (run with --help for usage)",
    ],
    [
      'no IDs at all',
      ['logoff'],
      'wks-logoff: no desktop IDs given: pass them as arguments, with --ids-file FILE (- for stdin), or on stdin',
    ],
    [
      'a 256-character ID',
      ['logoff', 'x'.repeat(256)],
      'wks-logoff: invalid desktop ID at argument 1: "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx..." must NOT have more than 255 characters',
    ],
    [
      'a chunk size over 100',
      ['logoff', '--chunk-size', '101', 'd-1'],
      'wks-logoff: --chunk-size must be an integer from 1 to 100',
    ],
    [
      'a non-numeric rate',
      ['logoff', '--rate', 'fast', 'd-1'],
      "wks-logoff: option '--rate <n>' argument 'fast' is invalid. expected a number, got \"fast\" (run with --help for usage)",
    ],
    [
      'a too-long message',
      ['logoff', '-m', 'm'.repeat(256), 'd-1'],
      'wks-logoff: --message must NOT have more than 255 characters',
    ],
    [
      '200 emoji (400 UTF-16 code units)',
      ['logoff', '-m', '🙂'.repeat(200), 'd-1'],
      'wks-logoff: --message must NOT have more than 255 UTF-16 code units (an emoji counts 2)',
    ],
  ])('%s', async (_label, args, message) => {
    const run = await runCli(args, { env: cloudEnv() });
    expect(run.code).toBe(2);
    expect(run.stderr.split('\n')[0]).toBe(message);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(cloud.log).toHaveLength(0);
  });

  it('every bad number is named by its flag, in core’s words, one per line', async () => {
    const run = await runCli(
      ['logoff', '--concurrency', '0', '--rate', '0', '--timeout', '0', '--max-attempts', '0', 'd-1'],
      { env: cloudEnv() },
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      [
        'wks-logoff: --concurrency must be a positive integer',
        'wks-logoff: --rate must be a positive number',
        'wks-logoff: --timeout must be a positive number',
        'wks-logoff: --max-attempts must be a positive integer',
        '',
      ].join('\n'),
    );
    expect(cloud.log).toHaveLength(0);
  });

  it('a missing project (no ID, no region) names what to set', async () => {
    const run = await runCli(['logoff', '--yes', 'd-1'], {
      env: { WKS_ENDPOINT: cloud.url, WKS_AUTH_TOKEN: 't' },
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'wks-logoff: no project: pass --project-id (or set HUAWEICLOUD_SDK_PROJECT_ID), or a region to look it up (--region or HUAWEICLOUD_SDK_REGION)\n',
    );
  });

  it('no credentials names the variables', async () => {
    const run = await runCli(['logoff', '--yes', 'd-1'], {
      env: { WKS_ENDPOINT: cloud.url, HUAWEICLOUD_SDK_PROJECT_ID: PROJECT },
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^wks-logoff: No credentials: set HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK/);
  });

  it('an empty file', async () => {
    const file = join(dir, 'empty.txt');
    await writeFile(file, '\n# nothing here\n\n');
    const run = await runCli(['logoff', '--ids-file', file], { env: cloudEnv() });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('no desktop IDs given');
  });

  it('binary garbage on stdin: each bad line named, nothing sent', async () => {
    const garbage = Buffer.from([
      0x00, 0x01, 0xff, 0xfe, 0x0a, 0x64, 0x2d, 0x31, 0x0a, 0x80, 0x81, 0x20, 0x41, 0x0a,
    ]);
    const run = await runCli(['logoff', '--ids-file', '-'], { env: cloudEnv(), stdin: garbage });
    expect(run.code).toBe(2);
    const lines = run.stderr.trim().split('\n');
    expect(lines[0]).toMatch(
      /^wks-logoff: invalid desktop ID at stdin:1: .* must be printable ASCII characters without spaces$/,
    );
    expect(lines[1]).toMatch(/^wks-logoff: invalid desktop ID at stdin:3: /);
    expect(lines.at(-1)).toBe(
      'wks-logoff: nothing was sent; fix the input or pass --skip-invalid to skip them',
    );
    expect(cloud.log).toHaveLength(0);
  });

  it('a missing ids file', async () => {
    const run = await runCli(['logoff', '--ids-file', join(dir, 'nope.txt')], { env: cloudEnv() });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`wks-logoff: cannot read --ids-file ${join(dir, 'nope.txt')} (ENOENT)\n`);
  });
});

describe('profiles, help, regions', () => {
  it('a named profile supplies settings; the environment overrides it; flags override both', async () => {
    const home = freshHome();
    const configDir = join(home, '.config', 'wks-logoff');
    await (await import('node:fs/promises')).mkdir(configDir, { recursive: true });
    await writeFile(
      join(configDir, 'config.json'),
      JSON.stringify({
        profiles: { lab: { endpoint: cloud.url, projectId: 'wrongproject', accessKey: AK, secretKey: SK } },
      }),
    );
    const run = await runCli(
      ['logoff', '--profile', 'lab', '--project-id', PROJECT, '--yes', '--json', 'd-1'],
      { env: { HOME: home } },
    );
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).projectId).toBe(PROJECT);
    const missing = await runCli(['logoff', '--profile', 'prod', 'd-1'], { env: { HOME: home } });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('profile "prod" not found');
  });

  it('--help documents examples and exit codes; --version prints the version; regions lists endpoints', async () => {
    const help = await runCli(['logoff', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Examples:');
    expect(help.stdout).toContain('130  interrupted (Ctrl-C)');
    expect(help.stdout).toContain('4    the batch stopped because the cloud was unreachable');
    expect(help.stdout).toContain('timeout of each request attempt, in seconds');
    const version = await runCli(['--version']);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
    const regions = await runCli(['regions']);
    expect(regions.stdout).toContain('cn-north-4      https://workspace.cn-north-4.myhuaweicloud.com');
  });
});

describe('a reader that goes away', () => {
  it('is not a crash: output is dropped, the work and its exit code stand', async () => {
    const help = await runCli(['--help'], { closeStdout: true });
    expect(help).toMatchObject({ code: 0, stderr: '' });
    const run = await runCli(['logoff', '--json', ...fast, ...ids(3)], {
      env: cloudEnv(),
      closeStdout: true,
    });
    expect(run.stderr).not.toMatch(/EPIPE|Error|at /);
    expect(run.code).toBe(0);
    expect(cloud.loggedOff.size).toBe(3);
  });
});

describe('secrets never appear', () => {
  it('not in any output, even with --debug', async () => {
    cloud.inject({ type: 'status', status: 503, errorCode: 'APIGW.0613' });
    const outputs: string[] = [];
    for (const args of [
      ['logoff', ...fast, '--debug', 'd-1'],
      ['logoff', ...fast, '--debug', '--json', 'd-2'],
    ]) {
      const run = await runCli(args, { env: cloudEnv() });
      outputs.push(run.stdout, run.stderr);
    }
    const wrong = await runCli(['logoff', ...fast, '--debug', 'd-3'], {
      env: { ...cloudEnv(), HUAWEICLOUD_SDK_SK: 'test-wrong-secret-do-not-leak' },
    });
    outputs.push(wrong.stdout, wrong.stderr);
    expect(wrong.code).toBe(3);
    const text = outputs.join('\n');
    expect(text).toContain('debug: attempt 1: 503 APIGW.0613');
    for (const secret of [SK, 'test-wrong-secret-do-not-leak']) {
      expect(text).not.toContain(secret);
    }
  });
});

describe('corporate proxies', () => {
  it('honours HTTP(S)_PROXY through core’s undici transport, loaded on demand from the bundle', async () => {
    const { startConnectProxy } = await import('@wks-logoff/testkit');
    const egress = await startConnectProxy();
    try {
      const run = await runCli(['logoff', '--yes', '--json', 'd-1', 'd-2'], {
        env: { ...cloudEnv(), HTTPS_PROXY: egress.url, HTTP_PROXY: egress.url, NO_PROXY: '' },
      });
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      expect(egress.tunnels).toEqual([new URL(cloud.url).host]);
      expect(cloud.loggedOff.size).toBe(2);
    } finally {
      await egress.close();
    }
  });
});
