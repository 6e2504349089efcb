// The fault matrix, for core: one test per kind of upstream fault, each running logoffMany over 300 desktops
// (three chunks, one at a time) against the fake cloud. In every case the report accounts for every desktop;
// the README's fault-matrix table says what the user sees in each.
import { unlinkSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FakeCloud, Fault } from '@wks-logoff/testkit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  type AttemptEvent,
  akskAuth,
  checkReport,
  createLogoffClient,
  iamTokenAuth,
  type LogoffClientOptions,
  type LogoffReport,
  logoffMany,
  readTokenFile,
  tokenAuth,
  type WorkspaceApiError,
} from '../src/index.js';
import { AK, FAST_RETRY, fakeCloud, PASSWORD, PROJECT, SK } from './support/fake-cloud.js';

const IDS = Array.from({ length: 300 }, (_, i) => `desk-${String(i).padStart(4, '0')}`);

let cloud: FakeCloud;
let events: AttemptEvent[];
beforeEach(async () => {
  cloud = await fakeCloud();
  events = [];
});
afterEach(async () => {
  await cloud.close();
});

function client(options: Partial<LogoffClientOptions> = {}) {
  return createLogoffClient({
    endpoint: cloud.url,
    projectId: PROJECT,
    auth: akskAuth({ accessKey: AK, secretKey: SK, projectId: PROJECT }),
    // Long enough that an answer the cloud gives is never taken for a timeout on a busy machine; the slow faults
    // hold theirs far longer.
    timeoutMs: 2_000,
    retry: FAST_RETRY,
    onAttempt: (event) => events.push(event),
    ...options,
  });
}

async function run(options: Partial<LogoffClientOptions> = {}): Promise<LogoffReport> {
  const report = await logoffMany(client(options), IDS, { ratePerSecond: 10_000, concurrency: 1 });
  // Every desktop is accounted for, once, and the report is a valid one.
  const reported = [...report.succeeded, ...report.failed, ...report.skipped].map((entry) => entry.id);
  expect(new Set(reported)).toEqual(new Set(IDS));
  expect(reported).toHaveLength(IDS.length);
  expect(checkReport(JSON.parse(JSON.stringify(report)))).toEqual([]);
  return report;
}

const inject = (fault: Fault, times = 1) => cloud.inject(fault, times);

describe('fault matrix: core (logoffMany)', () => {
  it('upstream down: every chunk fails as a connection failure, after its retries', async () => {
    const { url } = cloud;
    await cloud.close();
    const report = await run({ endpoint: url });
    expect(report.totals).toMatchObject({ succeeded: 0, failed: 300 });
    expect(
      report.failed.every((entry) =>
        /^Could not connect to http:\/\/127\.0\.0\.1:\d+ \(ECONNREFUSED\)$/.test(entry.reason),
      ),
    ).toBe(true);
    expect(report.requests.total).toBe(9);
    cloud = await fakeCloud();
  });

  it('slow headers: the attempt times out, is retried, and the chunk is marked uncertain', async () => {
    inject({ type: 'slow', delayMs: 8_000 });
    const report = await run();
    expect(report.totals).toMatchObject({ succeeded: 300, uncertain: 100 });
    expect(events[0]).toMatchObject({ willRetry: true, reason: 'timeout' });
  });

  it('slow body: headers came, the body did not; the attempt times out and is retried', async () => {
    inject({ type: 'slow-body', status: 503, delayMs: 8_000 });
    const report = await run();
    expect(report.totals).toMatchObject({ succeeded: 300, uncertain: 100 });
    expect(events[0]).toMatchObject({ willRetry: true, reason: 'timeout' });
  });

  it('reset before the answer: retried; the outcome is uncertain', async () => {
    inject({ type: 'reset' });
    const report = await run();
    expect(report.totals).toMatchObject({ succeeded: 300, uncertain: 100 });
    expect(events[0]).toMatchObject({ willRetry: true, reason: 'reset' });
  });

  it('reset mid-answer, after the cloud did the work: retried, delivered twice, marked uncertain', async () => {
    inject({ type: 'reset-mid-answer', status: 200, when: 'after' });
    const report = await run();
    expect(report.totals).toMatchObject({ succeeded: 300, uncertain: 100 });
    expect(cloud.loggedOff.get('desk-0000')).toBe(2);
    expect(events[0]).toMatchObject({ willRetry: true, reason: 'reset' });
  });

  it.each([
    ['no Retry-After', undefined, undefined],
    ['Retry-After in seconds', '1', 1_000],
    ['Retry-After as an HTTP date', 'date', 'about a minute'],
    ['an unreadable Retry-After', 'soon', undefined],
  ] as const)(
    'a 429 storm with %s: retried, then requeued, every desktop logged off',
    async (_label, form, parsed) => {
      // A minute ahead: an HTTP date has whole seconds, and a slow run must not reach it before the last 429 is
      // read (FAST_RETRY caps the wait itself).
      const retryAfter = form === 'date' ? new Date(Date.now() + 60_000).toUTCString() : form;
      inject({ type: 'throttle', retryAfter }, 4);
      const report = await run();
      expect(report.totals).toMatchObject({ succeeded: 300, failed: 0 });
      expect(report.requests.requeued).toBe(1);
      const waits = events
        .filter((event) => event.status === 429)
        .map((event) => (event.error as WorkspaceApiError).retryAfterMs);
      expect(waits).toHaveLength(4);
      for (const wait of waits) {
        if (parsed === 'about a minute') {
          expect(wait).toBeGreaterThan(30_000);
          expect(wait).toBeLessThanOrEqual(60_000);
        } else {
          expect(wait).toBe(parsed);
        }
      }
    },
  );

  it('a 5xx burst is retried through; a persistent 500 fails its chunk only', async () => {
    inject({ type: 'status', status: 502, errorCode: 'APIGW.0610' });
    inject({ type: 'status', status: 503, errorCode: 'APIGW.0613' });
    const burst = await run();
    expect(burst.totals).toMatchObject({ succeeded: 300, failed: 0 });
    expect(burst.requests.retries).toBe(2);
    inject({ type: 'status', status: 500, errorCode: 'WKS.0500' });
    const persistent = await run();
    expect(persistent.totals).toMatchObject({ succeeded: 200, failed: 100 });
    expect(persistent.failed[0]).toMatchObject({ status: 500, errorCode: 'WKS.0500' });
  });

  it('non-JSON bodies: an HTML 502 is retried; a persistent HTML 500 fails its chunk with the text kept', async () => {
    inject({ type: 'non-json', status: 502 });
    expect((await run()).totals).toMatchObject({ succeeded: 300 });
    inject({ type: 'non-json', status: 500, body: '<h1>Internal Server Error</h1>' });
    const report = await run();
    expect(report.totals).toMatchObject({ succeeded: 200, failed: 100 });
    expect(report.failed[0]).toMatchObject({ status: 500, errorMsg: '<h1>Internal Server Error</h1>' });
  });

  it('a huge body: not read, not retried; its chunk fails as uncertain, the rest go on', async () => {
    inject({ type: 'huge', status: 200, bytes: 8 * 1024 * 1024 });
    const report = await run();
    expect(report.totals).toMatchObject({ succeeded: 200, failed: 100 });
    expect(report.failed[0]).toMatchObject({ uncertain: true });
    expect(report.failed[0]?.reason).toMatch(/is larger than 65536 bytes; it was not read/);
  });

  it('token expiry mid-batch: the IAM token is refreshed once and the batch goes on', async () => {
    cloud.setFaultPlan((n) => {
      if (n === 2) {
        cloud.expireTokens();
      }
      return undefined;
    });
    const auth = iamTokenAuth({
      iamEndpoint: cloud.url,
      identity: { domain: 'acme', user: 'admin', password: PASSWORD },
      project: { id: PROJECT },
    });
    const report = await run({ auth });
    expect(report.totals).toMatchObject({ succeeded: 300, failed: 0 });
    expect(cloud.iam.issued).toHaveLength(2);
    expect(events.map((event) => event.reason).filter(Boolean)).toEqual(['credentials refreshed']);
  });

  it('clock skew: the signature is refused, the batch stops at once, the hint names the clock; clockSkewMs fixes it', async () => {
    await cloud.close();
    cloud = await fakeCloud({ now: () => Date.now() + 20 * 60_000 });
    const skewed = await run();
    expect(skewed.stopped).toMatchObject({ reason: 'auth', status: 401 });
    expect(skewed.totals).toMatchObject({ succeeded: 0, failed: 100, skipped: 200 });
    expect(events[0]?.error).toMatchObject({ hint: expect.stringMatching(/clock is within 15 minutes/) });
    const corrected = await run({
      auth: akskAuth({ accessKey: AK, secretKey: SK, projectId: PROJECT, clockSkewMs: 20 * 60_000 }),
    });
    expect(corrected.totals).toMatchObject({ succeeded: 300 });
  });

  it('a redirect to another origin: never followed, no credential leaves; its chunk fails naming the location', async () => {
    inject({ type: 'redirect', status: 307 });
    const report = await run({ auth: tokenAuth(cloud.issueToken(PROJECT)) });
    expect(report.totals).toMatchObject({ succeeded: 200, failed: 100, uncertain: 0 });
    expect(report.failed[0]).toMatchObject({ status: 307 });
    expect(report.failed[0]?.uncertain).toBeUndefined();
    expect(report.failed[0]?.reason).toContain(
      `a redirect to ${cloud.elsewhere.url}/v2/${PROJECT}/desktops/logoff, not followed`,
    );
    expect(report.calls[0]).toMatchObject({ outcome: 'failed', status: 307, attempts: 1 });
    expect(cloud.elsewhere.requests).toEqual([]);
  });

  it('a redirect on every call: three in a row stop the batch as unreachable, the rest skipped', async () => {
    cloud.setFaultPlan(() => ({ type: 'redirect', status: 302 }));
    const report = await logoffMany(client(), [...IDS, ...IDS.map((id) => `more-${id}`)], {
      ratePerSecond: 10_000,
      concurrency: 1,
    });
    expect(report.stopped).toMatchObject({ reason: 'unreachable', status: 302 });
    expect(report.totals).toMatchObject({ succeeded: 0, failed: 300, skipped: 300 });
    expect(cloud.log).toHaveLength(3);
    expect(cloud.elsewhere.requests).toEqual([]);
  });

  it('another 2xx than the documented 200, after the work: its chunk fails, uncertain, not sent again', async () => {
    inject({ type: 'other-success', status: 202, when: 'after' });
    const report = await run();
    expect(report.totals).toMatchObject({ succeeded: 200, failed: 100 });
    expect(report.failed[0]).toMatchObject({ status: 202, uncertain: true });
    expect(report.failed[0]?.reason).toMatch(/HTTP 202: not the documented 200/);
    expect(cloud.loggedOff.get('desk-0000')).toBe(1);
  });

  it('a credential with a line break: refused before anything is sent, the batch stops (configuration)', async () => {
    const secret = 'test-token-do-not-leak';
    const report = await run({
      auth: tokenAuth(() => `${secret}\r\nX-Injected: 1`, { source: 'WKS_AUTH_TOKEN' }),
    });
    expect(report.stopped).toMatchObject({
      reason: 'configuration',
      message:
        'WKS_AUTH_TOKEN contains a line break (CR or LF) at character 23; a credential cannot hold it.',
    });
    expect(report.totals).toMatchObject({ succeeded: 0, failed: 100, skipped: 200 });
    expect(cloud.log).toHaveLength(0);
    expect(events).toHaveLength(1);
    expect(JSON.stringify(report)).not.toContain(secret);
  });

  it('a token file deleted mid-batch: the batch stops (configuration), the rest skipped and resumable', async () => {
    const tokenFile = join(await mkdtemp(join(tmpdir(), 'wks-faults-')), 'token');
    await writeFile(tokenFile, `${cloud.issueToken(PROJECT)}\n`);
    cloud.setFaultPlan((n) => {
      if (n === 1) {
        unlinkSync(tokenFile);
      }
      return undefined;
    });
    const auth = tokenAuth(() => readTokenFile(tokenFile, 'WKS_AUTH_TOKEN_FILE'), {
      source: 'WKS_AUTH_TOKEN_FILE',
    });
    const report = await run({ auth });
    expect(report.stopped).toMatchObject({
      reason: 'configuration',
      message: `Cannot read the token file ${tokenFile} (ENOENT) named by WKS_AUTH_TOKEN_FILE.`,
    });
    expect(report.stopped?.hint).toMatch(/^Nothing was sent from the call that found it on/);
    expect(report.totals).toMatchObject({ succeeded: 100, failed: 100, skipped: 100 });
    expect(report.skipped[0]).toMatchObject({ reason: 'stopped' });
    expect(cloud.log).toHaveLength(1);
  });
});
