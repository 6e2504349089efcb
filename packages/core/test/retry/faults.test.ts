// Retries and failures against the fake cloud's injected faults.
import type { FakeCloud } from '@wks-logoff/testkit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  type AttemptEvent,
  akskAuth,
  createLogoffClient,
  type LogoffClientOptions,
  tokenAuth,
  WorkspaceApiError,
  WorkspaceNetworkError,
} from '../../src/index.js';
import { AK, FAST_RETRY, fakeCloud, PROJECT, SECRETS, SK, visible } from '../support/fake-cloud.js';
import { rejectionOf } from '../support/helpers.js';

let cloud: FakeCloud;
beforeEach(async () => {
  cloud = await fakeCloud();
});
afterEach(async () => {
  await cloud.close();
});

const body = { desktop_ids: ['d-1'], message: 'bye' };

function client(options: Partial<LogoffClientOptions> = {}) {
  const events: AttemptEvent[] = [];
  const c = createLogoffClient({
    endpoint: cloud.url,
    projectId: PROJECT,
    auth: akskAuth({ accessKey: AK, secretKey: SK, projectId: PROJECT }),
    retry: FAST_RETRY,
    onAttempt: (event) => events.push(event),
    ...options,
  });
  return { c, events };
}

describe('retryable faults are retried within the policy', () => {
  it('429 without Retry-After: retried with backoff, then succeeds', async () => {
    cloud.inject({ type: 'throttle' }, 2);
    const { c, events } = client();
    const result = await c.logoff(body);
    expect(result).toMatchObject({ attempts: 3, uncertain: false });
    expect(events.map((e) => [e.status, e.willRetry])).toEqual([
      [429, true],
      [429, true],
      [200, false],
    ]);
    expect(cloud.loggedOff.get('d-1')).toBe(1);
  });

  it('429 with Retry-After: waits what the server asked', async () => {
    cloud.inject({ type: 'throttle', retryAfter: '1' });
    const { c, events } = client({ retry: { ...FAST_RETRY, maxDelayMs: 20_000 } });
    await c.logoff(body);
    expect(events[0]).toMatchObject({ status: 429, errorCode: 'APIGW.0308', willRetry: true, delayMs: 1000 });
  });

  it('503 every time: gives up after maxAttempts with the last request ID', async () => {
    cloud.inject({ type: 'status', status: 503, errorCode: 'APIGW.0613' }, 5);
    const { c } = client();
    const error = (await rejectionOf(c.logoff(body))) as WorkspaceApiError;
    expect(error).toBeInstanceOf(WorkspaceApiError);
    expect(error).toMatchObject({ status: 503, errorCode: 'APIGW.0613', attempts: 3, retryable: true });
    expect(cloud.log).toHaveLength(3);
    expect(error.requestId).toBe(cloud.log[2]?.requestId);
    expect(cloud.loggedOff.size).toBe(0);
  });

  it('a non-JSON 502 is retried and surfaces its text when it persists', async () => {
    cloud.inject({ type: 'non-json', status: 502 }, 3);
    const error = (await rejectionOf(client().c.logoff(body))) as WorkspaceApiError;
    expect(error).toMatchObject({ status: 502, source: 'unknown', attempts: 3 });
    expect(error.errorMsg).toContain('Bad Gateway');
  });

  it('a reset before processing is retried; the outcome is marked uncertain', async () => {
    cloud.inject({ type: 'reset' });
    const result = await client().c.logoff(body);
    expect(result).toMatchObject({ attempts: 2, uncertain: true });
    expect(cloud.loggedOff.get('d-1')).toBe(1);
  });

  it('a reset after processing: the retry delivers the logoff twice, and says it may have', async () => {
    cloud.inject({ type: 'reset', when: 'after' });
    const result = await client().c.logoff(body);
    expect(result).toMatchObject({ attempts: 2, uncertain: true });
    expect(cloud.loggedOff.get('d-1')).toBe(2);
  });

  it('with retryUncertain off, a lost answer is not retried and the error says uncertain', async () => {
    cloud.inject({ type: 'reset', when: 'after' });
    const error = await rejectionOf(
      client({ retry: { ...FAST_RETRY, retryUncertain: false } }).c.logoff(body),
    );
    expect(error).toBeInstanceOf(WorkspaceNetworkError);
    expect(error).toMatchObject({ kind: 'reset', uncertain: true, attempts: 1 });
    expect(cloud.loggedOff.get('d-1')).toBe(1);
  });

  it('a slow answer past the per-attempt timeout is a timeout, retried', async () => {
    cloud.inject({ type: 'slow', delayMs: 1500 });
    const result = await client({ timeoutMs: 300 }).c.logoff(body);
    expect(result).toMatchObject({ attempts: 2, uncertain: true });
  });

  it('totalTimeoutMs bounds the whole call, waits included', async () => {
    cloud.inject({ type: 'throttle', retryAfter: '10' }, 3);
    const error = await rejectionOf(
      client({ totalTimeoutMs: 300, retry: { ...FAST_RETRY, maxDelayMs: 20_000 } }).c.logoff(body),
    );
    expect(error).toMatchObject({ name: 'WorkspaceNetworkError', kind: 'timeout' });
    expect(cloud.log).toHaveLength(1);
  });
});

describe('faults that are not retried', () => {
  it.each([
    [400, 'WKS.0001'],
    [403, 'APIGW.0302'],
    [404, 'WKS.0003'],
    [409, 'WKS.0407'],
    [500, 'WKS.0500'],
  ])('HTTP %i %s: one attempt', async (status, errorCode) => {
    cloud.inject({ type: 'status', status, errorCode });
    const error = await rejectionOf(client().c.logoff(body));
    expect(error).toMatchObject({ status, errorCode, attempts: 1 });
    expect(cloud.log).toHaveLength(1);
  });

  it('HTTP 500 is retried when retryServerErrors is on', async () => {
    cloud.inject({ type: 'status', status: 500, errorCode: 'WKS.0500' });
    await expect(
      client({ retry: { ...FAST_RETRY, retryServerErrors: true } }).c.logoff(body),
    ).resolves.toMatchObject({ attempts: 2 });
  });

  it('an abort during a backoff wait stops at once, without another attempt', async () => {
    cloud.inject({ type: 'throttle', retryAfter: '20' });
    const controller = new AbortController();
    const { c, events } = client({ retry: { ...FAST_RETRY, maxDelayMs: 20_000 } });
    const pending = rejectionOf(c.logoff(body, { signal: controller.signal }));
    while (events.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    controller.abort();
    const error = await pending;
    expect(error).toMatchObject({ name: 'WorkspaceNetworkError', kind: 'aborted', attempts: 1 });
    expect(cloud.log).toHaveLength(1);
  });
});

describe('secrets never leak', () => {
  it('no SK, security token, password or token in any error of any failure', async () => {
    const token = cloud.issueToken(PROJECT);
    const errors: unknown[] = [];
    const scenarios = [
      { type: 'status', status: 503, errorCode: 'APIGW.0613' },
      { type: 'status', status: 409, errorCode: 'WKS.0407' },
      { type: 'non-json', status: 502 },
      { type: 'reset' },
      { type: 'throttle' },
    ] as const;
    for (const fault of scenarios) {
      cloud.inject(fault, 3);
      errors.push(await rejectionOf(client().c.logoff(body)));
      cloud.inject(fault, 3);
      errors.push(await rejectionOf(client({ auth: tokenAuth(token) }).c.logoff(body)));
    }
    cloud.expireTokens();
    errors.push(await rejectionOf(client({ auth: tokenAuth(token) }).c.logoff(body)));
    errors.push(
      await rejectionOf(client({ auth: akskAuth({ accessKey: AK, secretKey: `${SK}x` }) }).c.logoff(body)),
    );
    expect(errors).toHaveLength(12);
    for (const error of errors) {
      const text = visible(error);
      for (const secret of [...SECRETS, token]) expect(text).not.toContain(secret);
    }
  });
});
