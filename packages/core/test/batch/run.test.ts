// The batch engine against the fake cloud: nothing lost, nothing reported twice, failures isolated to the
// desktops that cause them, early stops, cancellation and resume.
import { type FakeCloud, type Fault, seededRandom } from '@wks-logoff/testkit';
import fc from 'fast-check';
import { describe, expect } from 'vitest';
import {
  akskAuth,
  type BatchOptions,
  checkReport,
  createLogoffClient,
  type LogoffReport,
  logoffMany,
  reportJson,
  resumableIds,
  ValidationError,
} from '../../src/index.js';
import { AK, FAST_RETRY, fakeCloud, PROJECT, SK } from '../support/fake-cloud.js';
import { test } from '../support/fixtures.js';

const FAST: BatchOptions = { ratePerSecond: 10_000, concurrency: 4 };

function client(cloud: FakeCloud, maxAttempts = 3) {
  return createLogoffClient({
    endpoint: cloud.url,
    projectId: PROJECT,
    auth: akskAuth({ accessKey: AK, secretKey: SK, projectId: PROJECT }),
    retry: { ...FAST_RETRY, maxAttempts },
  });
}

const ids = (n: number, prefix = 'desk') =>
  Array.from({ length: n }, (_, i) => `${prefix}-${String(i).padStart(6, '0')}`);

/** The invariant every report keeps. */
function expectConsistent(report: LogoffReport, distinctInput: readonly string[]) {
  const reported = [...report.succeeded, ...report.failed, ...report.skipped].map((entry) => entry.id);
  expect(new Set(reported).size).toBe(reported.length);
  expect(new Set(reported)).toEqual(new Set(distinctInput));
  const t = report.totals;
  expect(t.succeeded + t.failed + t.skipped).toBe(t.distinct);
  expect(t.distinct + t.duplicates).toBe(t.input);
  expect([t.succeeded, t.failed, t.skipped]).toEqual([
    report.succeeded.length,
    report.failed.length,
    report.skipped.length,
  ]);
  expect(checkReport(JSON.parse(JSON.stringify(report)))).toEqual([]);
}

describe('logoffMany', () => {
  test('10,000 IDs, ~1% unknown and 0.5% busy, random 429s and 503s: every valid ID logged off exactly once', async ({
    cloud,
  }) => {
    const all = ids(10_000);
    const random = seededRandom(42);
    const unknown = all.filter(() => random() < 0.01);
    const busy = all.filter((id) => !unknown.includes(id) && random() < 0.005);
    cloud.setDesktops('unknown', unknown);
    cloud.setDesktops('busy', busy);
    cloud.setFaultPlan(() => {
      const roll = random();
      if (roll < 0.03) {
        return { type: 'throttle' };
      }
      if (roll < 0.05) {
        return { type: 'status', status: 503, errorCode: 'APIGW.0613' };
      }
      return undefined;
    });
    const report = await logoffMany(client(cloud, 5), [...all, ...all.slice(0, 50)], {
      ...FAST,
      isolationBudget: 100_000,
      message: 'bye',
    });

    expectConsistent(report, all);
    const bad = new Set([...unknown, ...busy]);
    const valid = all.filter((id) => !bad.has(id));
    expect(report.totals).toMatchObject({
      succeeded: valid.length,
      failed: bad.size,
      skipped: 0,
      duplicates: 50,
      input: 10_050,
    });
    for (const id of valid) {
      expect(cloud.loggedOff.get(id)).toBe(1);
    }
    for (const id of bad) {
      expect(cloud.loggedOff.has(id)).toBe(false);
    }
    const failedCodes = new Map(report.failed.map((entry) => [entry.id, entry.errorCode]));
    for (const id of unknown) {
      expect(failedCodes.get(id)).toBe('WKS.0003');
    }
    for (const id of busy) {
      expect(failedCodes.get(id)).toBe('WKS.0407');
    }
    expect(report.failed.every((entry) => entry.isolated && entry.requestId)).toBe(true);
    expect(report.requests.isolation).toBeGreaterThan(0);
    expect(report.requests.retries).toBeGreaterThan(0);
    expect(report.calls.filter((call) => call.outcome === 'succeeded').every((call) => call.requestId)).toBe(
      true,
    );
    // CPU-bound (thousands of signed and verified requests): when the packages' suites share two cores it needs
    // far more than the default timeout, though it never waits on a clock.
  }, 120_000);

  test('property: any IDs (repeats, invalid ones) and any before-processing faults keep the report whole, and nothing succeeded is sent again', async ({
    cloud,
  }) => {
    const faultArb = fc.option(
      fc.constantFrom<Fault>(
        { type: 'throttle' },
        { type: 'status', status: 503, errorCode: 'APIGW.0613' },
        { type: 'status', status: 502, errorCode: 'APIGW.0610' },
        { type: 'reset' },
        { type: 'status', status: 500, errorCode: 'WKS.0500' },
      ),
      { nil: undefined, freq: 3 },
    );
    const idArb = fc.oneof(
      { weight: 8, arbitrary: fc.integer({ min: 0, max: 400 }).map((n) => `d-${n}`) },
      { weight: 1, arbitrary: fc.constantFrom('', 'has space', 'x'.repeat(256), 'tab\t') },
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(idArb, { maxLength: 250 }),
        fc.array(faultArb, { maxLength: 40 }),
        fc.integer({ min: 1, max: 100 }),
        fc.subarray(
          Array.from({ length: 401 }, (_, n) => `d-${n}`),
          { maxLength: 6 },
        ),
        async (input, faults, chunkSize, unknown) => {
          cloud.loggedOff.clear();
          cloud.setDesktops('unknown', unknown);
          cloud.setFaultPlan((n) => faults[n - 1]);
          const seen = new Set<string>();
          const report = await logoffMany(client(cloud, 2), input, { ...FAST, chunkSize, maxRequeues: 1 });
          expectConsistent(report, [...new Set(input)]);
          for (const count of cloud.loggedOff.values()) {
            expect(count).toBe(1);
          }
          for (const entry of report.succeeded) {
            expect(cloud.loggedOff.get(entry.id)).toBe(1);
            seen.add(entry.id);
          }
          for (const entry of report.failed) {
            expect(cloud.loggedOff.has(entry.id)).toBe(false);
          }
          for (const entry of report.skipped) {
            expect(entry.reason).toBe('invalid');
          }
          expect(report.calls.every((call) => call.size <= chunkSize)).toBe(true);
        },
      ),
      { numRuns: 25 },
    );
  });

  test('reads async iterables lazily and chunks to the requested size', async ({ cloud }) => {
    let read = 0;
    async function* source() {
      for (const id of ids(250)) {
        read++;
        yield id;
      }
    }
    const report = await logoffMany(client(cloud), source(), { ...FAST, chunkSize: 40 });
    expect(read).toBe(250);
    expect(report.calls.map((call) => call.size).sort((a, b) => b - a)).toEqual([40, 40, 40, 40, 40, 40, 10]);
    expect(report.totals.succeeded).toBe(250);
  });

  test('a service 403 on some desktops is isolated to them; the rest are logged off', async ({ cloud }) => {
    const all = ids(100);
    cloud.setDesktops('forbidden', [all[17] as string, all[80] as string]);
    const report = await logoffMany(client(cloud), all, FAST);
    expect(report.failed.map((entry) => [entry.id, entry.status, entry.errorCode, entry.isolated])).toEqual([
      [all[17], 403, 'WKS.0006', true],
      [all[80], 403, 'WKS.0006', true],
    ]);
    expect(report.totals.succeeded).toBe(98);
    expect(report.stopped).toBeUndefined();
  });

  test('never splits on gateway errors: a wrong endpoint costs one call per chunk', async ({ cloud }) => {
    cloud.setFaultPlan(() => ({ type: 'status', status: 404, errorCode: 'APIGW.0101' }));
    const report = await logoffMany(client(cloud), ids(300), FAST);
    expect(report.requests).toMatchObject({ total: 3, isolation: 0 });
    expect(report.totals.failed).toBe(300);
  });

  test('exhausted 5xx fail the chunk without splitting', async ({ cloud }) => {
    cloud.setFaultPlan(() => ({ type: 'status', status: 503, errorCode: 'APIGW.0613' }));
    const report = await logoffMany(client(cloud, 2), ids(100), FAST);
    expect(report.requests).toMatchObject({ total: 2, retries: 1, isolation: 0 });
    expect(report.failed[0]).toMatchObject({ status: 503, errorCode: 'APIGW.0613' });
  });

  test('bounds isolation by the budget: what it could not tell apart fails as unisolated, resumable', async () => {
    const own = await fakeCloud({ nameDesktops: false });
    try {
      const all = ids(64);
      const bad = [all[3] as string, all[40] as string, all[60] as string];
      own.setDesktops('unknown', bad);
      const report = await logoffMany(client(own), all, { ...FAST, isolationBudget: 2 });
      expect(report.requests.isolation).toBe(2);
      expectConsistent(report, all);
      const unisolated = report.failed.filter((entry) => entry.unisolated);
      expect(unisolated.length).toBeGreaterThan(0);
      expect(unisolated.every((entry) => !entry.isolated && entry.errorCode === 'WKS.0003')).toBe(true);
      // Every bad desktop failed; no valid one was failed as isolated; the unisolated ones are resumable.
      expect(bad.every((id) => report.failed.some((entry) => entry.id === id))).toBe(true);
      expect(report.failed.filter((entry) => entry.isolated).every((entry) => bad.includes(entry.id))).toBe(
        true,
      );
      expect(resumableIds(report)).toEqual(expect.arrayContaining(unisolated.map((entry) => entry.id)));
    } finally {
      await own.close();
    }
  });

  test('mixed 404 and 409 in one chunk, errors naming nothing: each bad desktop with its own status, code and request ID', async () => {
    const own = await fakeCloud({ nameDesktops: false });
    try {
      const all = ids(100);
      own.setDesktops('unknown', [all[5] as string, all[77] as string]);
      own.setDesktops('busy', [all[6] as string, all[42] as string]);
      const report = await logoffMany(client(own), all, FAST);
      const failed = new Map(report.failed.map((entry) => [entry.id, entry]));
      expect([...failed.keys()].sort()).toEqual([all[5], all[6], all[42], all[77]].sort());
      for (const id of [all[5], all[77]]) {
        expect(failed.get(id as string)).toMatchObject({
          status: 404,
          errorCode: 'WKS.0003',
          isolated: true,
        });
      }
      for (const id of [all[6], all[42]]) {
        expect(failed.get(id as string)).toMatchObject({
          status: 409,
          errorCode: 'WKS.0407',
          isolated: true,
        });
      }
      // Each request ID is the cloud's answer to a call that carried that desktop and failed with its code.
      for (const entry of report.failed) {
        const call = own.log.find((record) => record.requestId === entry.requestId);
        expect(call?.ids).toContain(entry.id);
        expect(call?.status).toBe(entry.status);
      }
      expect(report.totals.succeeded).toBe(96);
      expect([...own.loggedOff.values()].every((count) => count === 1)).toBe(true);
    } finally {
      await own.close();
    }
  });

  test('uses the desktops an error names, and verifies them: one call beyond the chunk', async ({
    cloud,
  }) => {
    const all = ids(100);
    cloud.setDesktops('unknown', [all[31] as string]);
    const report = await logoffMany(client(cloud), all, FAST);
    expect(report.failed).toMatchObject([{ id: all[31], status: 404, isolated: true }]);
    // The chunk, then the 99 others (which pass, so the named one is known to fail): two calls.
    expect(report.requests).toMatchObject({ total: 2, isolation: 1 });
  });

  test('throttled isolation calls are paced and sent again, never failing a valid desktop', async () => {
    const own = await fakeCloud({ nameDesktops: false });
    try {
      const all = ids(100);
      own.setDesktops('unknown', [all[9] as string]);
      // The chunk fails on its desktop; the next two calls (isolation) are throttled once each.
      own.setFaultPlan((n) => (n === 2 || n === 3 ? { type: 'throttle' } : undefined));
      const report = await logoffMany(client(own, 1), all, FAST);
      expect(report.requests.requeued).toBe(2);
      expect(report.failed.map((entry) => entry.id)).toEqual([all[9]]);
      expect(report.totals.succeeded).toBe(99);
    } finally {
      await own.close();
    }
  });

  test('many calls waiting for the pacer at once raise no listener-leak warning', async ({ cloud }) => {
    const warnings: string[] = [];
    const onWarning = (warning: Error) => warnings.push(warning.name);
    process.on('warning', onWarning);
    try {
      const report = await logoffMany(client(cloud), ids(2000), { ratePerSecond: 400, concurrency: 16 });
      expect(report.totals.succeeded).toBe(2000);
      // Warnings are emitted on the next tick.
      await new Promise((resolve) => setImmediate(resolve));
      expect(warnings).not.toContain('MaxListenersExceededWarning');
    } finally {
      process.off('warning', onWarning);
    }
  });

  test('a dead endpoint stops the batch after a few calls: the rest skipped, resumable, the reason said', async ({
    cloud,
  }) => {
    const url = cloud.url;
    await cloud.close();
    const dead = createLogoffClient({
      endpoint: url,
      projectId: PROJECT,
      auth: akskAuth({ accessKey: AK, secretKey: SK, projectId: PROJECT }),
      retry: FAST_RETRY,
    });
    const all = ids(10_000);
    const report = await logoffMany(dead, all, FAST);
    expect(report.requests.total).toBeLessThanOrEqual(20);
    expect(report.stopped).toMatchObject({ reason: 'unreachable' });
    expect(report.stopped?.message).toMatch(/^the cloud is unreachable: .*; nothing more was sent$/);
    expectConsistent(report, all);
    expect(report.skipped.every((entry) => entry.reason === 'stopped')).toBe(true);
    expect(resumableIds(report)).toHaveLength(10_000);
  });

  test('a dead endpoint is reported unreachable at any size: one call or two, every one failing alike', async ({
    cloud,
  }) => {
    const url = cloud.url;
    await cloud.close();
    const dead = createLogoffClient({
      endpoint: url,
      projectId: PROJECT,
      auth: akskAuth({ accessKey: AK, secretKey: SK, projectId: PROJECT }),
      retry: { ...FAST_RETRY, maxAttempts: 2 },
    });
    for (const size of [1, 150]) {
      const all = ids(size);
      const report = await logoffMany(dead, all, FAST);
      expect(report.requests.total).toBe(2 * Math.ceil(size / 100));
      expect(report.stopped).toMatchObject({ reason: 'unreachable' });
      expect(report.stopped?.message).toMatch(
        /^the cloud is unreachable: Could not connect .*; every call failed$/,
      );
      expect(report.totals).toMatchObject({ failed: size, skipped: 0 });
      expectConsistent(report, all);
    }
  });

  test('one call that gets through is enough for a batch not to be reported unreachable', async ({
    cloud,
  }) => {
    cloud.inject({ type: 'status', status: 503, errorCode: 'APIGW.0613' });
    const report = await logoffMany(client(cloud, 1), ids(150), FAST);
    expect(report.totals).toMatchObject({ succeeded: 50, failed: 100 });
    expect(report.stopped).toBeUndefined();
  });

  test('records the target it is given right after the project, and nothing when given none', async ({
    cloud,
  }) => {
    const target = { endpoint: cloud.url, region: 'cn-north-4', auth: 'aksk', proxy: false };
    const report = await logoffMany(client(cloud), ids(3), { ...FAST, target });
    expect(report.target).toEqual(target);
    expect(Object.keys(report).slice(0, 3)).toEqual(['schemaVersion', 'projectId', 'target']);
    expectConsistent(report, ids(3));
    expect((await logoffMany(client(cloud), ids(3, 'other'), FAST)).target).toBeUndefined();
  });

  test('never trips the breaker on desktops’ own errors, nor on throttling', async () => {
    const own = await fakeCloud({ nameDesktops: false });
    try {
      const all = ids(1000);
      // One bad desktop in every chunk (so failures come many in a row), and a storm of 429s (28 attempts in a row).
      own.setDesktops(
        'unknown',
        all.filter((_, i) => i % 100 === 7),
      );
      own.setFaultPlan((n) => (n >= 3 && n <= 30 ? { type: 'throttle' } : undefined));
      const report = await logoffMany(client(own), all, { ...FAST, maxRequeues: 10 });
      expect(report.stopped).toBeUndefined();
      expect(report.totals).toMatchObject({ succeeded: 990, failed: 10, skipped: 0 });
    } finally {
      await own.close();
    }
  });

  test.for([
    ['401 (bad credentials)', { type: 'status', status: 401, errorCode: 'APIGW.0301' } as Fault, 'auth'],
    ['gateway 403', { type: 'status', status: 403, errorCode: 'APIGW.0302' } as Fault, 'forbidden'],
  ] as const)(
    'stops early on %s: the rest is skipped, nothing more is sent',
    async ([_label, fault, reason], { cloud }) => {
      cloud.setFaultPlan((n) => (n === 2 ? fault : undefined));
      const report = await logoffMany(client(cloud), ids(1000), { ...FAST, concurrency: 1 });
      expect(report.stopped).toMatchObject({ reason, status: (fault as { status: number }).status });
      expect(report.totals).toMatchObject({ succeeded: 100, failed: 100, skipped: 800 });
      expect(report.skipped.every((entry) => entry.reason === 'stopped')).toBe(true);
      expect(cloud.log).toHaveLength(2);
      expectConsistent(report, ids(1000));
    },
  );

  test('cancellation: in-flight chunks finish, the rest is skipped as cancelled', async ({ cloud }) => {
    const controller = new AbortController();
    const report = await logoffMany(client(cloud), ids(2000), {
      ratePerSecond: 50,
      concurrency: 2,
      signal: controller.signal,
      onProgress: (p) => {
        if (p.done >= 200) {
          controller.abort();
        }
      },
    });
    expect(report.stopped).toMatchObject({ reason: 'cancelled' });
    expect(report.totals.succeeded).toBeGreaterThanOrEqual(200);
    expect(report.totals.succeeded).toBeLessThan(2000);
    expect(report.skipped.every((entry) => entry.reason === 'cancelled')).toBe(true);
    expect(cloud.loggedOff.size).toBe(report.totals.succeeded);
    expectConsistent(report, ids(2000));
  });

  test('puts a chunk that stays throttled back in the queue, slowing down', async ({ cloud }) => {
    cloud.inject({ type: 'throttle' }, 4);
    const report = await logoffMany(client(cloud, 2), ids(100), FAST);
    expect(report.requests.requeued).toBe(2);
    expect(report.totals.succeeded).toBe(100);
  });

  test('a throttled isolation call is requeued like any chunk: no valid desktop fails only for throttling', async ({
    cloud,
  }) => {
    const all = ids(100);
    cloud.setDesktops('unknown', [all[42] as string]);
    // The chunk fails (404), then the first isolation calls are throttled.
    cloud.setFaultPlan((n) => (n >= 2 && n <= 4 ? { type: 'throttle' } : undefined));
    const report = await logoffMany(client(cloud, 1), all, { ...FAST, concurrency: 1 });
    expect(report.failed.map((entry) => [entry.id, entry.status])).toEqual([[all[42], 404]]);
    expect(report.totals.succeeded).toBe(99);
    expect(report.requests.requeued).toBeGreaterThan(0);
    expectConsistent(report, all);
  });

  test('resume: runs again only the failed and non-invalid skipped IDs', async ({ cloud }) => {
    const all = ids(300);
    cloud.setDesktops('busy', all.slice(10, 12));
    const first = await logoffMany(client(cloud), [...all, 'not valid'], FAST);
    expect(first.totals).toMatchObject({ failed: 2, skipped: 1 });
    cloud.setDesktops('busy', []);
    const again = resumableIds(first);
    expect(again).toEqual(all.slice(10, 12));
    const second = await logoffMany(client(cloud), again, FAST);
    expect(second.totals).toMatchObject({ succeeded: 2, failed: 0 });
    for (const id of all) {
      expect(cloud.loggedOff.get(id)).toBe(1);
    }
  });

  test('reportJson() yields exactly JSON.stringify(report, null, 2), in pieces of bounded size', async ({
    cloud,
  }) => {
    const all = ids(450);
    cloud.setDesktops('busy', [all[3] as string]);
    const full = await logoffMany(client(cloud), [...all, 'not valid', all[0] as string], {
      ...FAST,
      chunkSize: 7,
      message: 'bye "now" \u2028 🙂',
    });
    const empty = await logoffMany(client(cloud), ['also not valid'], FAST);
    for (const report of [full, empty]) {
      const pieces = [...reportJson(report)];
      expect(pieces.join('')).toBe(JSON.stringify(report, null, 2));
      for (const piece of pieces) {
        expect(piece.length).toBeLessThan(17 * 1024);
      }
    }
    expect([...reportJson(full)].length).toBeGreaterThan(1);
  });

  test('reports progress with totals for arrays', async ({ cloud }) => {
    const events: number[] = [];
    await logoffMany(client(cloud), ids(250), { ...FAST, onProgress: (p) => events.push(p.done) });
    expect(events.at(-1)).toBe(250);
    expect(events).toEqual([...events].sort((a, b) => a - b));
  });

  test('rejects bad options clearly, before anything is sent', async ({ cloud }) => {
    for (const [options, message] of [
      [{ chunkSize: 101 }, 'Invalid batch options: chunkSize must be an integer from 1 to 100 (got 101)'],
      [{ concurrency: 0 }, 'Invalid batch options: concurrency must be a positive integer (got 0)'],
      [{ ratePerSecond: 0 }, 'Invalid batch options: ratePerSecond must be a positive number (got 0)'],
      [{ message: 'm'.repeat(256) }, 'Invalid batch options: message must NOT have more than 255 characters'],
    ] as const) {
      await expect(logoffMany(client(cloud), ids(1), options)).rejects.toThrow(ValidationError);
      await expect(logoffMany(client(cloud), ids(1), options)).rejects.toThrow(message);
    }
    expect(cloud.log).toHaveLength(0);
  });
});
