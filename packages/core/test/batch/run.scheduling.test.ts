// The scheduler's control loop against the fake cloud: how many times a throttled chunk goes back in the queue,
// the pacer slowing down after a 429, nothing sent once the batch has stopped, cancellation at every point, calls
// in flight, lazy reading, and what the progress events and the report say about it.
import type { FakeCloud } from '@wks-logoff/testkit';
import { describe, expect } from 'vitest';
import {
  akskAuth,
  type BatchOptions,
  type BatchProgress,
  createLogoffClient,
  type LogoffReport,
  logoffMany,
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

const ids = (n: number) => Array.from({ length: n }, (_, i) => `desk-${String(i).padStart(6, '0')}`);

/** Every ID of `all` reported exactly once. */
function expectAllReported(report: LogoffReport, all: readonly string[]) {
  const reported = [...report.succeeded, ...report.failed, ...report.skipped].map((entry) => entry.id);
  expect(reported.sort()).toEqual([...all].sort());
}

describe('logoffMany: throttling', () => {
  test('a chunk that stays throttled goes back in the queue maxRequeues times, then fails with the 429', async ({
    cloud,
  }) => {
    cloud.setFaultPlan(() => ({ type: 'throttle' }));
    const rates: number[] = [];
    const report = await logoffMany(client(cloud, 2), ids(100), {
      ...FAST,
      maxRequeues: 2,
      onProgress: (p) => rates.push(p.ratePerSecond),
    });
    // Sent three times (once, then requeued twice), two attempts each.
    expect(cloud.log).toHaveLength(6);
    expect(report.requests).toMatchObject({ total: 6, retries: 3, requeued: 2 });
    expect(report.failed).toHaveLength(100);
    expect(report.failed[0]).toMatchObject({ status: 429, errorCode: 'APIGW.0308' });
    expect(report.failed.some((entry) => entry.isolated || entry.unisolated)).toBe(false);
    // The pacer halves its rate after each throttled call.
    expect(rates).toEqual([5000, 2500, 1250]);
  });

  test('with maxRequeues 0, a throttled chunk fails at once', async ({ cloud }) => {
    cloud.setFaultPlan(() => ({ type: 'throttle' }));
    const report = await logoffMany(client(cloud, 1), ids(100), { ...FAST, maxRequeues: 0 });
    expect(cloud.log).toHaveLength(1);
    expect(report.requests.requeued).toBe(0);
    expect(report.totals.failed).toBe(100);
  });
});

describe('logoffMany: stopping and cancelling', () => {
  test('once a call stops the batch, nothing more is sent: the calls waiting for their turn are skipped', async ({
    cloud,
  }) => {
    cloud.inject({
      type: 'status',
      status: 401,
      errorCode: 'APIGW.0301',
      errorMsg: 'Incorrect IAM authentication',
    });
    // One call every 20 s: the other three calls launched with the first are still waiting when it is answered.
    const report = await logoffMany(client(cloud), ids(400), { ratePerSecond: 0.05, concurrency: 4 });
    expect(cloud.log).toHaveLength(1);
    expect(report.stopped).toMatchObject({ reason: 'auth', status: 401, errorCode: 'APIGW.0301' });
    expect(report.totals).toMatchObject({ succeeded: 0, failed: 100, skipped: 300 });
    const detail = `not sent: the batch stopped after ${report.stopped?.message}`;
    expect(report.skipped.every((entry) => entry.reason === 'stopped' && entry.detail === detail)).toBe(true);
    expectAllReported(report, ids(400));
  });

  test('a signal already aborted: nothing is sent, every ID is skipped as cancelled', async ({ cloud }) => {
    const report = await logoffMany(client(cloud), ids(150), { ...FAST, signal: AbortSignal.abort() });
    expect(cloud.log).toHaveLength(0);
    expect(report.stopped).toEqual({ reason: 'cancelled', message: 'the batch was cancelled' });
    expect(report.skipped).toHaveLength(150);
    expect(
      report.skipped.every(
        (entry) => entry.reason === 'cancelled' && entry.detail === 'not sent: the batch was cancelled',
      ),
    ).toBe(true);
  });

  test('cancelled just after a chunk was throttled: that chunk is skipped, not lost and not sent again', async ({
    cloud,
  }) => {
    cloud.inject({ type: 'throttle' });
    const controller = new AbortController();
    const report = await logoffMany(client(cloud, 1), ids(100), {
      ...FAST,
      signal: controller.signal,
      onProgress: () => controller.abort(),
    });
    expect(cloud.log).toHaveLength(1);
    expect(report.requests.requeued).toBe(1);
    expect(report.skipped).toHaveLength(100);
    expect(report.skipped.every((entry) => entry.reason === 'cancelled')).toBe(true);
    expectAllReported(report, ids(100));
  });

  test('one signal for many batches in a row: each batch lets go of it (no listener-leak warning)', async ({
    cloud,
  }) => {
    const warnings: string[] = [];
    const onWarning = (warning: Error) => warnings.push(warning.name);
    process.on('warning', onWarning);
    try {
      const controller = new AbortController();
      for (let batch = 0; batch < 12; batch++) {
        const report = await logoffMany(client(cloud), [`desk-${batch}`], {
          ...FAST,
          signal: controller.signal,
        });
        expect(report.totals.succeeded).toBe(1);
      }
      // Warnings are emitted on the next tick.
      await new Promise((resolve) => setImmediate(resolve));
      expect(warnings).not.toContain('MaxListenersExceededWarning');
    } finally {
      process.off('warning', onWarning);
    }
  });
});

describe('logoffMany: calls in flight and reading', () => {
  test('keeps `concurrency` calls in flight, never more', async ({ cloud }) => {
    const events: BatchProgress[] = [];
    await logoffMany(client(cloud), ids(800), { ...FAST, concurrency: 4, onProgress: (p) => events.push(p) });
    expect(Math.max(...events.map((p) => p.inFlight))).toBe(4);
  });

  test('IDs that come in slowly are logged off as they come: the first call goes out before the input ends', async ({
    cloud,
  }) => {
    async function* source() {
      yield* ids(10);
      // Holds the rest back until the first call has reached the cloud.
      await cloud.received(1);
      yield* ids(20).slice(10);
    }
    const report = await logoffMany(client(cloud), source(), { ...FAST, chunkSize: 10, concurrency: 1 });
    expect(report.totals.succeeded).toBe(20);
    expect(cloud.log.map((call) => call.ids.length)).toEqual([10, 10]);
  });

  test('progress counts distinct IDs for arrays; for other iterables, the total given (or none)', async ({
    cloud,
  }) => {
    const totals: (number | undefined)[] = [];
    const onProgress = (p: BatchProgress) => totals.push(p.total);
    await logoffMany(client(cloud), [...ids(150), ...ids(10)], { ...FAST, onProgress });
    await logoffMany(client(cloud), new Set(ids(150)), { ...FAST, onProgress, total: 150 });
    await logoffMany(client(cloud), new Set(ids(150)), { ...FAST, onProgress });
    expect(totals).toEqual([150, 150, 150, 150, undefined, undefined]);
  });
});

describe('logoffMany: the isolation budget while the input is still coming', () => {
  test('the default budget, earned per ID read: a search that runs short waits for what the rest of the input earns', async () => {
    const own = await fakeCloud({ nameDesktops: false });
    try {
      const all = ids(100);
      own.setDesktops('unknown', all.slice(0, 8));
      async function* source() {
        yield* all;
      }
      const report = await logoffMany(client(own), source(), { ...FAST, concurrency: 1, chunkSize: 10 });
      expect(report.totals).toMatchObject({ succeeded: 92, failed: 8 });
      expect(report.failed.every((entry) => entry.isolated && !entry.unisolated)).toBe(true);
    } finally {
      await own.close();
    }
  });

  test('the untested half of a failed half goes out with the last fresh IDs: every ID is settled', async () => {
    const own = await fakeCloud({ nameDesktops: false });
    try {
      // Three good chunks (so failures look rare and groups stay whole), a chunk with one unknown desktop, and two
      // IDs more: as many as the half its search leaves untested.
      const all = ids(18);
      const [a, b, c, d, e, f] = all.slice(12) as string[];
      own.setDesktops('unknown', [b as string]);
      const report = await logoffMany(client(own), all, { ...FAST, concurrency: 1, chunkSize: 4 });
      expect(own.log.map((call) => call.ids).slice(3)).toEqual([[a, b, c, d], [a, b], [a], [c, d, e, f]]);
      expect(report.totals).toMatchObject({ succeeded: 17, failed: 1, skipped: 0 });
      expectAllReported(report, all);
    } finally {
      await own.close();
    }
  });

  test('a fixed budget, spent: a failing chunk fails unisolated at once, without waiting for more input', async ({
    cloud,
  }) => {
    const all = ids(30);
    cloud.setDesktops('unknown', [all[3] as string]);
    async function* source() {
      yield* all.slice(0, 20);
      // The rest comes only once the second chunk has been sent.
      await cloud.received(2);
      yield* all.slice(20);
    }
    const report = await logoffMany(client(cloud), source(), {
      ...FAST,
      concurrency: 1,
      chunkSize: 10,
      isolationBudget: 0,
    });
    expect(report.totals).toMatchObject({ succeeded: 20, failed: 10 });
    expect(report.failed.every((entry) => entry.unisolated)).toBe(true);
  });
});

describe('logoffMany: a stop in the middle of a search', () => {
  test('what the search had not tested yet is skipped, with the rest', async () => {
    const own = await fakeCloud({ nameDesktops: false });
    try {
      const all = ids(200);
      own.setDesktops('unknown', [all[10] as string]);
      // The chunk fails on its desktop; the first isolation call gets a 401.
      own.setFaultPlan((n) =>
        n === 2 ? { type: 'status', status: 401, errorCode: 'APIGW.0301' } : undefined,
      );
      const report = await logoffMany(client(own), all, { ...FAST, concurrency: 1 });
      expect(own.log).toHaveLength(2);
      expect(report.stopped).toMatchObject({ reason: 'auth' });
      // The half sent with the 401 failed with it; the untested half and the second chunk were not sent.
      expect(report.totals).toMatchObject({ succeeded: 0, failed: 50, skipped: 150 });
      expectAllReported(report, all);
    } finally {
      await own.close();
    }
  });
});
