// The fault matrix, for the CLI: the bundled `wks-logoff` logs off 300 desktops (three chunks, one at a time)
// against the fake cloud with each kind of upstream fault. Checked: the exit code, the lines the user reads, and
// a --report that accounts for every desktop.
import { unlinkSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkReport, type LogoffReport } from '@wks-logoff/core';
import { type ConnectProxy, type FakeCloud, type Fault, startConnectProxy } from '@wks-logoff/testkit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AK, akskEnv, PASSWORD, PROJECT, SK, startCloud } from './support/cloud.js';
import { runCli } from './support/run-cli.js';

const IDS = Array.from({ length: 300 }, (_, i) => `desk-${String(i).padStart(4, '0')}`);

let cloud: FakeCloud;
let dir: string;
beforeEach(async () => {
  cloud = await startCloud();
  dir = await mkdtemp(join(tmpdir(), 'wks-cli-faults-'));
});
afterEach(async () => {
  await cloud.close();
});

async function logoff(env: Record<string, string> = akskEnv(cloud)) {
  const reportFile = join(dir, 'report.json');
  const run = await runCli(
    [
      'logoff',
      '--yes',
      '--rate',
      '1000',
      '--concurrency',
      '1',
      // Long enough that an answer the cloud gives is never taken for a timeout on a busy machine; the slow
      // faults below hold their answer far longer.
      '--timeout',
      '2',
      '--report',
      reportFile,
      ...IDS,
    ],
    { env },
  );
  const report = JSON.parse(await readFile(reportFile, 'utf8')) as LogoffReport;
  expect(checkReport(report)).toEqual([]);
  expect(report.totals.distinct).toBe(IDS.length);
  expect(run.stderr).not.toMatch(/\n\s+at /);
  return { ...run, report };
}

const inject = (fault: Fault, times = 1) => cloud.inject(fault, times);

describe('fault matrix: the CLI batch', () => {
  it('upstream down: exit 4, the calls made failed with the connection error, the rest resumable', async () => {
    const env = akskEnv(cloud);
    await cloud.close();
    const run = await logoff(env);
    expect(run.code).toBe(4);
    expect(run.stdout).toContain('✘ 0 of 300 desktops logged off');
    expect(run.stdout).toMatch(
      /failed {3}\d+ desktops: Could not connect to http:\/\/127\.0\.0\.1:\d+ \(ECONNREFUSED\) \(desk-0000, desk-0001, desk-0002, … \d+ more\)/,
    );
    expect(run.stdout).toMatch(
      /stopped: the cloud is unreachable: Could not connect to .*; nothing more was sent; re-run with --resume .*report\.json/,
    );
    cloud = await startCloud();
  });

  it.each([
    ['slow headers', { type: 'slow', delayMs: 8_000 }],
    ['slow body', { type: 'slow-body', status: 503, delayMs: 8_000 }],
    ['reset before the answer', { type: 'reset' }],
    ['reset mid-answer', { type: 'reset-mid-answer', status: 200, when: 'after' }],
  ] as const)(
    '%s: exit 0, retried, the chunk reported as possibly delivered twice',
    async (_label, fault) => {
      inject(fault);
      const run = await logoff();
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('✔ 300 of 300 desktops logged off');
      expect(run.stdout).toContain('100 may have been delivered twice');
    },
  );

  it.each([
    ['no Retry-After', undefined],
    ['Retry-After in seconds', '1'],
    ['Retry-After as an HTTP date', 'date'],
    ['an unreadable Retry-After', 'soon'],
  ] as const)('a 429 storm with %s: exit 0, every desktop logged off', async (_label, form) => {
    const retryAfter = form === 'date' ? new Date(Date.now() + 1_000).toUTCString() : form;
    inject({ type: 'throttle', retryAfter }, 2);
    const run = await logoff();
    expect(run.code).toBe(0);
    expect(run.report.requests.retries).toBe(2);
  });

  it('a 5xx burst: retried through, exit 0; a persistent 500: exit 1 naming the code', async () => {
    inject({ type: 'status', status: 502, errorCode: 'APIGW.0610' });
    inject({ type: 'status', status: 503, errorCode: 'APIGW.0613' });
    expect((await logoff()).code).toBe(0);
    inject({ type: 'status', status: 500, errorCode: 'WKS.0500', errorMsg: 'Internal error.' });
    const run = await logoff();
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      'failed   100 desktops: 500 WKS.0500 Internal error. (desk-0000, desk-0001, desk-0002, … 97 more)',
    );
  });

  it('a non-JSON body: an HTML 502 is retried (exit 0); a persistent HTML 500 fails its chunk (exit 1)', async () => {
    inject({ type: 'non-json', status: 502 });
    expect((await logoff()).code).toBe(0);
    inject({ type: 'non-json', status: 500, body: '<h1>Down</h1>\n<p>for maintenance</p>' });
    const run = await logoff();
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      'failed   100 desktops: 500 <h1>Down</h1>\\n<p>for maintenance</p> (desk-0000,',
    );
  });

  it('a huge body: not read, exit 1, its chunk failed and marked as possibly delivered', async () => {
    inject({ type: 'huge', status: 200, bytes: 8 * 1024 * 1024 });
    const run = await logoff();
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(
      /failed {3}100 desktops: The answer from .* is larger than 65536 bytes; it was not read/,
    );
    expect(run.report.failed.every((entry) => entry.uncertain)).toBe(true);
  });

  it('token expiry mid-batch: the IAM token is refreshed, exit 0', async () => {
    cloud.setFaultPlan((n) => {
      if (n === 2) {
        cloud.expireTokens();
      }
      return undefined;
    });
    const run = await logoff({
      WKS_ENDPOINT: cloud.url,
      HUAWEICLOUD_IAM_ENDPOINT: cloud.url,
      HUAWEICLOUD_IAM_DOMAIN: 'acme',
      HUAWEICLOUD_IAM_USER: 'ops',
      HUAWEICLOUD_IAM_PASSWORD: PASSWORD,
      HUAWEICLOUD_SDK_PROJECT_ID: PROJECT,
    });
    expect(run.code).toBe(0);
    expect(cloud.iam.issued).toHaveLength(2);
  });

  it('clock skew: exit 3, the batch stopped at once, the hint names the clock', async () => {
    await cloud.close();
    cloud = await startCloud({ now: () => Date.now() + 20 * 60_000 });
    const run = await logoff();
    expect(run.code).toBe(3);
    expect(run.stdout).toContain('stopped: Workspace API answered HTTP 401 APIGW.0301');
    expect(run.stdout).toMatch(/hint: .*this machine’s clock is within 15 minutes of UTC/);
    expect(run.report.totals).toMatchObject({ failed: 100, skipped: 200 });
    expect(cloud.log).toHaveLength(1);
  });

  it('a redirect to another origin: never followed, no token leaves; exit 1 naming the location', async () => {
    inject({ type: 'redirect', status: 307 });
    const run = await logoff({
      WKS_ENDPOINT: cloud.url,
      HUAWEICLOUD_SDK_PROJECT_ID: PROJECT,
      WKS_AUTH_TOKEN: cloud.issueToken(PROJECT),
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      `failed   100 desktops: 307 a redirect to ${cloud.elsewhere.url}/v2/${PROJECT}/desktops/logoff, not followed (desk-0000,`,
    );
    expect(run.report.totals).toMatchObject({ succeeded: 200, failed: 100 });
    expect(cloud.elsewhere.requests).toEqual([]);
  });

  it('another 2xx than the documented 200: exit 1, its chunk failed and marked as possibly delivered', async () => {
    inject({ type: 'other-success', status: 202, when: 'after' });
    const run = await logoff();
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      'failed   100 desktops: 202 not the documented 200; the logoff may or may not have been accepted (desk-0000,',
    );
    expect(run.report.failed.every((entry) => entry.uncertain)).toBe(true);
    expect(cloud.loggedOff.get('desk-0000')).toBe(1);
  });

  it('a credential with a line break or control character: exit 2, one line naming it, nothing sent', async () => {
    const secret = 'test-cli-token-do-not-leak';
    const run = await runCli(['logoff', '--yes', '--debug', ...IDS], {
      env: {
        WKS_ENDPOINT: cloud.url,
        HUAWEICLOUD_SDK_PROJECT_ID: PROJECT,
        WKS_AUTH_TOKEN: `${secret}\u0001`,
      },
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      'wks-logoff: WKS_AUTH_TOKEN contains a control character at character 27; a credential cannot hold it.',
    );
    expect(`${run.stdout}${run.stderr}`).not.toContain(secret);
    expect(cloud.log).toHaveLength(0);
  });

  it('a proxy token file deleted mid-batch: exit 3, stopped (configuration), the rest skipped and resumable', async () => {
    const { startProxyForTest } = await import('./support/proxy-harness.js');
    const proxy = await startProxyForTest(cloud.url, { AK, SK });
    try {
      const tokenFile = join(dir, 'token');
      await writeFile(tokenFile, `${proxy.key}\n`);
      cloud.setFaultPlan((n) => {
        if (n === 1) {
          unlinkSync(tokenFile);
        }
        return undefined;
      });
      const run = await logoff({
        WKS_PROXY_URL: proxy.url,
        WKS_PROXY_TOKEN_FILE: tokenFile,
        HUAWEICLOUD_SDK_PROJECT_ID: PROJECT,
      });
      expect(run.code).toBe(3);
      expect(run.stdout).toContain(
        `stopped: Cannot read the token file ${tokenFile} (ENOENT) named by WKS_PROXY_TOKEN_FILE.`,
      );
      expect(run.stdout).toContain('hint: Nothing was sent from the call that found it on');
      expect(run.report.totals).toMatchObject({ succeeded: 100, failed: 100, skipped: 100 });
      expect(run.report.stopped?.reason).toBe('configuration');
      expect(cloud.log).toHaveLength(1);
    } finally {
      await proxy.close();
    }
  });
});

describe('fault matrix: the CLI batch behind HTTP(S)_PROXY (the embedded undici transport)', () => {
  let egress: ConnectProxy;
  beforeEach(async () => {
    egress = await startConnectProxy();
  });
  afterEach(async () => {
    await egress.close();
  });
  const behindProxy = () => ({
    ...akskEnv(cloud),
    HTTPS_PROXY: egress.url,
    HTTP_PROXY: egress.url,
    NO_PROXY: '',
  });

  it('a huge body: not read, sent once, exit 1 (as direct)', async () => {
    inject({ type: 'huge', status: 200, bytes: 8 * 1024 * 1024 });
    const run = await logoff(behindProxy());
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(
      /failed {3}100 desktops: The answer from .* is larger than 65536 bytes; it was not read/,
    );
    expect(run.report.failed.every((entry) => entry.uncertain)).toBe(true);
    expect(cloud.log).toHaveLength(3);
    expect(egress.tunnels.length).toBeGreaterThan(0);
  });

  it('a 5xx burst: retried through, exit 0', async () => {
    inject({ type: 'status', status: 502, errorCode: 'APIGW.0610' });
    inject({ type: 'status', status: 503, errorCode: 'APIGW.0613' });
    const run = await logoff(behindProxy());
    expect(run.code).toBe(0);
    expect(run.report.requests.retries).toBe(2);
    expect(egress.tunnels.length).toBeGreaterThan(0);
  });

  it('a reset before the answer: retried, exit 0, the chunk possibly delivered twice', async () => {
    inject({ type: 'reset' });
    const run = await logoff(behindProxy());
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('100 may have been delivered twice');
  });

  it('a redirect: never followed, exit 1, nothing reaches the other origin', async () => {
    inject({ type: 'redirect', status: 308 });
    const run = await logoff(behindProxy());
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`failed   100 desktops: 308 a redirect to ${cloud.elsewhere.url}`);
    expect(cloud.elsewhere.requests).toEqual([]);
    expect(egress.tunnels).not.toContain(new URL(cloud.elsewhere.url).host);
  });
});
