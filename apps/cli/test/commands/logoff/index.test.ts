// `wks-logoff logoff` run in process against the fake cloud: what a user sees (exit code, stdout, stderr, the
// question asked) and what reaches the cloud, for each step of the command.
import { chmod, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LogoffReport } from '@wks-logoff/core';
import type { FakeCloud } from '@wks-logoff/testkit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AK, akskEnv, PROJECT, SK, startCloud } from '../../support/cloud.js';
import { type InProcessOptions, runInProcess } from '../../support/in-process.js';

let cloud: FakeCloud;
let dir: string;
beforeEach(async () => {
  cloud = await startCloud();
  dir = await mkdtemp(join(tmpdir(), 'wks-cli-logoff-'));
});
afterEach(async () => {
  await cloud.close();
});

const ids = (n: number) => Array.from({ length: n }, (_, i) => `desk-${String(i).padStart(4, '0')}`);
const logoff = (args: string[], options: InProcessOptions = {}) =>
  runInProcess(['logoff', '--rate', '1000', ...args], {
    ...options,
    env: { ...akskEnv(cloud), ...options.env },
  });
const reportOn = (stdout: string) => JSON.parse(stdout) as LogoffReport;

/** A home whose config file holds `profile` as its default profile, with the file mode given. */
async function homeWith(profile: Record<string, string>, mode: number) {
  const home = join(dir, 'home');
  const config = join(home, '.config', 'wks-logoff', 'config.json');
  await mkdir(join(home, '.config', 'wks-logoff'), { recursive: true });
  await writeFile(config, JSON.stringify({ profiles: { default: profile } }));
  await chmod(config, mode);
  return { home, config };
}

describe('a run that sends', () => {
  it('logs off the IDs given, with the message, and says so on stdout', async () => {
    const run = await logoff(['-m', 'back at 6', 'd-1', 'd-2', 'd-1']);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toContain(`✔ 2 of 2 desktops logged off in project ${PROJECT}`);
    expect(run.stdout).toContain('1 repeated ID ignored');
    expect(run.stdout).toContain(`target: ${cloud.url} (AK/SK)`);
    expect([...cloud.loggedOff.keys()]).toEqual(['d-1', 'd-2']);
    expect(cloud.messages).toEqual(['back at 6']);
  });

  it('--json prints the report, with the target the calls went to, and nothing else', async () => {
    const run = await logoff(['--json', '--chunk-size', '1', 'd-1', 'd-2']);
    expect(run.code).toBe(0);
    const report = reportOn(run.stdout);
    expect(report.target).toEqual({ endpoint: cloud.url, auth: 'aksk', proxy: false });
    expect(report.totals).toMatchObject({ distinct: 2, succeeded: 2 });
    expect(cloud.log).toHaveLength(2);
  });

  it('--report writes the report and the summary names it', async () => {
    const path = join(dir, 'report.json');
    const run = await logoff(['--report', path, 'd-1']);
    expect(run.code).toBe(0);
    expect(reportOn(await readFile(path, 'utf8')).totals.succeeded).toBe(1);
    expect(run.stdout).toContain(`report: ${path}`);
  });

  it('-q prints nothing when every desktop was logged off', async () => {
    expect(await logoff(['-q', 'd-1'])).toMatchObject({ code: 0, stdout: '', stderr: '' });
  });
});

describe('exit codes', () => {
  it('1 when some IDs were skipped (--skip-invalid), though none failed', async () => {
    const run = await logoff(['--skip-invalid', 'd-1', 'bad id']);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('✘ 1 of 2 desktops logged off');
    expect(run.stdout).toContain('1 skipped');
    expect([...cloud.loggedOff.keys()]).toEqual(['d-1']);
  });

  it('1 when a desktop failed', async () => {
    cloud.setDesktops('busy', ['d-2']);
    const run = await logoff(['--chunk-size', '1', 'd-1', 'd-2']);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('failed   1 desktop: 409 WKS.0407 The desktop is busy. (d-2)');
  });

  it('3 when the batch stopped on a credential the cloud refused, even after a success', async () => {
    cloud.setFaultPlan((n) =>
      n === 2 ? { type: 'status', status: 401, errorCode: 'APIGW.0301' } : undefined,
    );
    const run = await logoff(['--chunk-size', '1', '--concurrency', '1', '--json', ...ids(3)]);
    expect(run.code).toBe(3);
    expect(reportOn(run.stdout)).toMatchObject({ stopped: { reason: 'auth' }, totals: { succeeded: 1 } });
  });

  it('4 when the cloud cannot be reached', async () => {
    const env = akskEnv(cloud);
    await cloud.close();
    const run = await runInProcess(['logoff', '--max-attempts', '1', 'd-1'], { env });
    expect(run.code).toBe(4);
    expect(run.stdout).toContain('stopped: the cloud is unreachable');
  });
});

describe('what is checked before anything is sent: exit 2', () => {
  it('invalid IDs, each named with where it came from', async () => {
    const run = await logoff(['d-1', 'bad id']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'wks-logoff: invalid desktop ID at argument 2: "bad id" must be printable ASCII characters without spaces\n' +
        'wks-logoff: nothing was sent; fix the input or pass --skip-invalid to skip it\n',
    );
    expect(cloud.log).toHaveLength(0);
  });

  it('only invalid IDs, even with --skip-invalid', async () => {
    const run = await logoff(['--skip-invalid', 'bad id']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('wks-logoff: no valid desktop IDs to log off (all were invalid)\n');
    expect(cloud.log).toHaveLength(0);
  });

  it('no IDs at all', async () => {
    const run = await logoff([]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^wks-logoff: no desktop IDs given/);
  });

  it('a bad option, named by its flag; an empty numeric flag', async () => {
    expect(await logoff(['--chunk-size', '101', 'd-1'])).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/^wks-logoff: --chunk-size /),
    });
    for (const flag of [
      '--chunk-size',
      '--concurrency',
      '--rate',
      '--max-attempts',
      '--timeout',
      '--confirm-above',
    ]) {
      const run = await logoff([flag, '', 'd-1']);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(
        new RegExp(`^wks-logoff: option '${flag} <[a-z]+>' argument '' is invalid\\. expected `),
      );
    }
    expect(cloud.log).toHaveLength(0);
  });

  it('a --report path that cannot be written', async () => {
    const path = join(dir, 'missing', 'r.json');
    const run = await logoff(['--yes', '--report', path, 'd-1']);
    expect(run).toMatchObject({ code: 2, stdout: '' });
    expect(run.stderr).toBe(`wks-logoff: cannot write the report to ${path} (ENOENT); nothing was sent\n`);
    expect(cloud.log).toHaveLength(0);
  });
});

describe('--dry-run', () => {
  it('prints the plan with the least time at the default rate, sends nothing', async () => {
    const run = await runInProcess(['logoff', '--dry-run', ...ids(150), 'desk-0000'], {
      env: akskEnv(cloud),
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Dry run: nothing was sent.');
    expect(run.stdout).toContain('150 desktops in 2 requests of at most 100');
    expect(run.stdout).toContain('at least 1s at 1.5 requests/s');
    expect(run.stdout).toContain('1 repeated ID would be ignored');
    expect(cloud.log).toHaveLength(0);
  });

  it('with --json, the plan as JSON, at the rate given and with the report path checked', async () => {
    const path = join(dir, 'r.json');
    const run = await logoff(['--dry-run', '--json', '--report', path, '--skip-invalid', 'd-1', 'bad id']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({
      desktops: 1,
      ratePerSecond: 1000,
      report: path,
      skipped: [{ id: 'bad id', where: 'argument 2' }],
      projectId: PROJECT,
    });
    expect(cloud.log).toHaveLength(0);
  });
});

describe('--dry-run’s invalid IDs, named as a refusal names them', () => {
  it('each quoted and cut past 60 characters, the first 20, then a count', async () => {
    const long = `a b${'x'.repeat(100)}`;
    const bad = Array.from({ length: 21 }, (_, i) => `bad ${i}`);
    const run = await logoff(['--dry-run', '--skip-invalid', 'd-1', long, ...bad]);
    expect(run.code).toBe(0);
    const listed = run.stdout.split('\n').filter((line) => line.startsWith('    '));
    expect(listed[0]).toBe(
      `    argument 2: "${long.slice(0, 57)}..." must be printable ASCII characters without spaces`,
    );
    expect(listed).toHaveLength(21);
    expect(listed[20]).toBe('    … and 2 more');
  });
});

describe('confirmation', () => {
  it('is asked above 100 desktops, naming what would be done; a yes sends', async () => {
    const run = await logoff(['-m', 'bye', ...ids(101)], { answer: true });
    expect(run.questions).toEqual([
      `Log off 101 desktops in project ${PROJECT} via ${cloud.url} (AK/SK) in 2 requests with the message "bye"? [y/N] `,
    ]);
    expect(run.code).toBe(0);
    expect(cloud.loggedOff.size).toBe(101);
  });

  it('is not asked at 100 desktops, nor with --yes', async () => {
    expect((await logoff(ids(100))).questions).toEqual([]);
    expect((await logoff(['--yes', ...ids(101)])).questions).toEqual([]);
  });

  it('--confirm-above moves the threshold', async () => {
    expect((await logoff(['--confirm-above', '2', ...ids(2)])).questions).toHaveLength(0);
    expect((await logoff(['--confirm-above', '2', ...ids(3)], { answer: true })).questions).toHaveLength(1);
  });

  it('a no sends nothing: exit 2', async () => {
    const run = await logoff(ids(101), { answer: false });
    expect(run).toMatchObject({ code: 2, stderr: 'wks-logoff: declined: nothing was sent\n' });
    expect(cloud.log).toHaveLength(0);
  });
});

describe('while it runs', () => {
  it('Ctrl-C stops launching requests; what was not sent is reported skipped: exit 130', async () => {
    const run = await logoff(
      ['--rate', '20', '--concurrency', '1', '--chunk-size', '1', '--json', ...ids(50)],
      {
        onInterrupt: (press) => {
          void cloud.received(1).then(press);
        },
      },
    );
    expect(run.code).toBe(130);
    expect(run.stderr).toContain('Stopping: no new requests; waiting for the ones in flight');
    const report = reportOn(run.stdout);
    expect(report.stopped?.reason).toBe('cancelled');
    expect(report.totals.succeeded).toBe(cloud.loggedOff.size);
    expect(report.totals.skipped).toBe(50 - cloud.loggedOff.size);
  });

  it('a progress bar on a terminal stderr, none with --quiet or when stderr is not a terminal', async () => {
    const shown = await logoff(['d-1', 'd-2'], { stderrIsTerminal: true });
    expect(shown.stderr).toContain('2/2 desktops · 1 request · ');
    expect(shown.stderr.endsWith('\r\x1b[2K')).toBe(true);
    expect((await logoff(['-q', 'd-1'], { stderrIsTerminal: true })).stderr).toBe('');
    expect((await logoff(['d-1'])).stderr).toBe('');
  });

  it('--max-attempts bounds the attempts of each request', async () => {
    cloud.inject({ type: 'status', status: 503, errorCode: 'APIGW.0613' });
    const run = await logoff([
      '--max-attempts',
      '1',
      '--chunk-size',
      '1',
      '--concurrency',
      '1',
      '--json',
      'd-1',
      'd-2',
    ]);
    expect(run.code).toBe(1);
    expect(reportOn(run.stdout).failed).toMatchObject([{ id: 'd-1', status: 503 }]);
    expect(cloud.log).toHaveLength(2);
  });

  it('--timeout bounds each attempt, in seconds: a slow answer is given up and the request retried', async () => {
    // Two seconds: the retry's answer comes within them on a loaded machine; the slow one is held a minute.
    cloud.inject({ type: 'slow', delayMs: 60_000 });
    const run = await logoff(['--timeout', '2', 'd-1']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('1 may have been delivered twice');
    expect(cloud.log).toHaveLength(2);
  });
});

describe('--debug', () => {
  it('says where each setting came from, the target, and every attempt, on stderr', async () => {
    const run = await logoff(['--debug', 'd-1']);
    expect(run.code).toBe(0);
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines).toEqual([
      `debug: endpoint ${cloud.url} from WKS_ENDPOINT (environment)`,
      `debug: project ${PROJECT} from HUAWEICLOUD_SDK_PROJECT_ID (environment)`,
      'debug: credentials from HUAWEICLOUD_SDK_AK (environment), HUAWEICLOUD_SDK_SK (environment)',
      `debug: target ${cloud.url} (AK/SK)`,
      expect.stringMatching(/^debug: attempt 1: 200 request [0-9a-f]+$/),
    ]);
  });

  it('says what was ignored and why: a setting that lost, credentials of another kind', async () => {
    const { home } = await homeWith({ accessKey: AK, secretKey: SK }, 0o600);
    const run = await runInProcess(['logoff', '--debug', '--dry-run', '--region', 'cn-north-4', 'd-1'], {
      env: {
        HOME: home,
        WKS_ENDPOINT: cloud.url,
        HUAWEICLOUD_SDK_PROJECT_ID: PROJECT,
        WKS_AUTH_TOKEN: 'token',
      },
    });
    expect(run.code).toBe(0);
    expect(run.stderr.split('\n')).toEqual(
      expect.arrayContaining([
        'debug: region cn-north-4 from --region (flag)',
        'debug: ignored WKS_ENDPOINT (environment): --region (flag) takes precedence',
        'debug: credentials from WKS_AUTH_TOKEN (environment)',
        'debug: ignored profile "default" field accessKey: credentials in the environment take precedence',
        'debug: ignored profile "default" field secretKey: credentials in the environment take precedence',
      ]),
    );
  });

  it('names no credentials when none of core’s is used (a proxy’s caller key)', async () => {
    const run = await runInProcess(
      ['logoff', '--debug', '--dry-run', '--proxy-url', 'http://127.0.0.1:9', '--project-id', PROJECT, 'd-1'],
      { env: { WKS_PROXY_KEY: 'wksp_key' } },
    );
    expect(run.code).toBe(0);
    expect(run.stderr).toBe(
      `debug: proxy URL http://127.0.0.1:9 from --proxy-url (flag)\ndebug: project ${PROJECT} from --project-id (flag)\ndebug: target the wks-logoff proxy at http://127.0.0.1:9 (caller key)\n`,
    );
  });

  it('prints none of it without --debug', async () => {
    expect((await logoff(['d-1'])).stderr).toBe('');
  });
});

describe('profiles', () => {
  it('a profile readable by anyone that holds a secret gets one warning line; its message is sent', async () => {
    const { home, config } = await homeWith(
      { endpoint: cloud.url, projectId: PROJECT, accessKey: AK, secretKey: SK, message: 'from the profile' },
      0o644,
    );
    const run = await runInProcess(['logoff', 'd-1'], { env: { HOME: home } });
    expect(run.code).toBe(0);
    expect(run.stderr).toBe(
      `wks-logoff: warning: ${config} holds secrets and anyone on this machine may read it: chmod 600 ${config}\n`,
    );
    expect(cloud.messages).toEqual(['from the profile']);
  });

  it('a credential half-given in a profile is named by the profile’s fields, not by variables', async () => {
    const { home } = await homeWith({ endpoint: cloud.url, projectId: PROJECT, accessKey: AK }, 0o600);
    const run = await runInProcess(['logoff', 'd-1'], { env: { HOME: home } });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'wks-logoff: profile "default" field accessKey is set but secretKey is not: set both.\n',
    );
  });

  it('a message too long is named by where it came from', async () => {
    const { home } = await homeWith({ message: 'x'.repeat(256) }, 0o600);
    const run = await logoff(['d-1'], { env: { HOME: home } });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^wks-logoff: profile "default" field message /);
  });
});

describe('--resume', () => {
  async function reportWith(fail: string[]) {
    cloud.setDesktops('busy', fail);
    const path = join(dir, 'report.json');
    await logoff(['--chunk-size', '1', '-m', 'first', '--report', path, 'd-1', 'd-2']);
    cloud.setDesktops('busy', []);
    return path;
  }

  it('sends only the failed and skipped IDs again, with the report’s message', async () => {
    const path = await reportWith(['d-2']);
    const sent = cloud.log.length;
    const run = await logoff(['--resume', path, '--json']);
    expect(run.code).toBe(0);
    expect(reportOn(run.stdout).succeeded.map((entry) => entry.id)).toEqual(['d-2']);
    expect(cloud.log.slice(sent).map((request) => request.ids)).toEqual([['d-2']]);
    expect(cloud.messages.at(-1)).toBe('first');
  });

  it('with nothing left to resume, says so and sends nothing: exit 0', async () => {
    const path = await reportWith([]);
    const sent = cloud.log.length;
    const run = await logoff(['--resume', path]);
    expect(run).toMatchObject({
      code: 0,
      stdout: '',
      stderr: `Nothing to resume: every desktop in ${path} was logged off or invalid.\n`,
    });
    expect(cloud.log).toHaveLength(sent);
  });

  it('refuses IDs given beside it: exit 2, nothing sent', async () => {
    const path = await reportWith(['d-2']);
    const sent = cloud.log.length;
    const run = await logoff(['--resume', path, '--ids-file', 'ids.txt', 'd-3', 'd-4']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'wks-logoff: --resume takes its desktop IDs from the report, not from the arguments (2 desktop IDs) or --ids-file ids.txt: give one or the other; nothing was sent\n',
    );
    expect(cloud.log).toHaveLength(sent);
  });
});
