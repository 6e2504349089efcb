// Sending one call of a batch: it waits for its turn, carries the batch's message, counts every attempt, and is
// never sent once the batch has stopped.
import type { FakeCloud } from '@wks-logoff/testkit';
import { describe, expect } from 'vitest';
import { Pacer } from '../../src/batch/pace.js';
import { ReportBuilder } from '../../src/batch/report.js';
import { type SendContext, sendCall } from '../../src/batch/sender.js';
import { akskAuth, createLogoffClient, type LogoffClient, logoffMany } from '../../src/index.js';
import { AK, FAST_RETRY, PROJECT, SK } from '../support/fake-cloud.js';
import { test } from '../support/fixtures.js';

const client = (cloud: FakeCloud) =>
  createLogoffClient({
    endpoint: cloud.url,
    projectId: PROJECT,
    auth: akskAuth({ accessKey: AK, secretKey: SK, projectId: PROJECT }),
    retry: FAST_RETRY,
  });

function context(cloud: FakeCloud, overrides: Partial<SendContext> = {}): SendContext {
  return {
    client: client(cloud),
    message: undefined,
    pacer: new Pacer({ ratePerSecond: 10_000 }),
    signal: undefined,
    report: new ReportBuilder(PROJECT, undefined),
    ...overrides,
  };
}

const call = { ids: ['d-1', 'd-2'], isolation: false };

describe('sendCall', () => {
  test('a call still waiting for its turn when the batch stops is never sent', async ({ cloud }) => {
    const pacer = new Pacer({ ratePerSecond: 0.01 });
    // The turn of now is taken: the next call would wait 100 s.
    await pacer.acquire();
    const halt = new AbortController();
    const sending = sendCall(call, context(cloud, { pacer, signal: halt.signal }));
    halt.abort();
    expect(await sending).toBeUndefined();
    expect(cloud.log).toHaveLength(0);
  });

  test('a call of a batch that has already stopped is never sent, even when its turn is now', async ({
    cloud,
  }) => {
    const ctx = context(cloud, { signal: AbortSignal.abort() });
    expect(await sendCall(call, ctx)).toBeUndefined();
    expect(cloud.log).toHaveLength(0);
    expect(ctx.report.requests.total).toBe(0);
  });

  test('sends the IDs with the batch message, and counts every attempt, the retries and isolation calls', async ({
    cloud,
  }) => {
    cloud.inject({ type: 'status', status: 503, errorCode: 'APIGW.0613' });
    const ctx = context(cloud, { message: 'Maintenance in 5 minutes' });
    const answer = await sendCall({ ids: call.ids, isolation: true }, ctx);
    expect(answer).toMatchObject({ ok: true, attempts: 2 });
    expect(ctx.report.requests).toMatchObject({ total: 2, retries: 1, isolation: 1 });
    expect(cloud.messages).toEqual(['Maintenance in 5 minutes']);
    expect(cloud.log.at(-1)?.ids).toEqual(['d-1', 'd-2']);
  });

  test('without a message, sends none; a failure is an answer, not an exception', async ({ cloud }) => {
    const ctx = context(cloud);
    expect(await sendCall(call, ctx)).toMatchObject({ ok: true, attempts: 1 });
    expect(cloud.messages).toEqual([undefined]);
    cloud.setDesktops('unknown', ['d-4']);
    const answer = await sendCall({ ids: ['d-3', 'd-4'], isolation: false }, ctx);
    expect(answer).toMatchObject({ ok: false, attempts: 1, error: { status: 404, errorCode: 'WKS.0003' } });
    expect(ctx.report.requests).toMatchObject({ total: 2, retries: 0, isolation: 0 });
  });

  test('a client that breaks its contract (throws something not a WksError) fails the batch, not the desktops', async ({
    cloud,
  }) => {
    const broken: LogoffClient = {
      ...client(cloud),
      logoff: async () => {
        throw new TypeError('a bug in a hand-written client');
      },
    };
    await expect(logoffMany(broken, ['d-1'])).rejects.toThrow('a bug in a hand-written client');
  });
});
