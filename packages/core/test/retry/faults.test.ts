// Retries and failures against the fake cloud's injected faults.
import type { FakeCloud } from '@wks-logoff/testkit';
import { describe, expect } from 'vitest';
import {
  type AttemptEvent,
  akskAuth,
  createLogoffClient,
  type LogoffClientOptions,
  tokenAuth,
  WorkspaceApiError,
  WorkspaceNetworkError,
} from '../../src/index.js';
import { AK, FAST_RETRY, PROJECT, SECRETS, SK, visible } from '../support/fake-cloud.js';
import { test } from '../support/fixtures.js';
import { rejectionOf } from '../support/helpers.js';

const body = { desktop_ids: ['d-1'], message: 'bye' };

function client(cloud: FakeCloud, options: Partial<LogoffClientOptions> = {}) {
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
  test('429 without Retry-After: retried with backoff, then succeeds', async ({ cloud }) => {
    cloud.inject({ type: 'throttle' }, 2);
    const { c, events } = client(cloud);
    const result = await c.logoff(body);
    expect(result).toMatchObject({ attempts: 3, uncertain: false });
    expect(events.map((e) => [e.status, e.willRetry])).toEqual([
      [429, true],
      [429, true],
      [200, false],
    ]);
    expect(cloud.loggedOff.get('d-1')).toBe(1);
  });

  test('429 with Retry-After: waits what the server asked', async ({ cloud }) => {
    cloud.inject({ type: 'throttle', retryAfter: '1' });
    const { c, events } = client(cloud, { retry: { ...FAST_RETRY, maxDelayMs: 20_000 } });
    await c.logoff(body);
    expect(events[0]).toMatchObject({ status: 429, errorCode: 'APIGW.0308', willRetry: true, delayMs: 1000 });
  });

  test('503 every time: gives up after maxAttempts with the last request ID', async ({ cloud }) => {
    cloud.inject({ type: 'status', status: 503, errorCode: 'APIGW.0613' }, 5);
    const { c } = client(cloud);
    const error = (await rejectionOf(c.logoff(body))) as WorkspaceApiError;
    expect(error).toBeInstanceOf(WorkspaceApiError);
    expect(error).toMatchObject({ status: 503, errorCode: 'APIGW.0613', attempts: 3, retryable: true });
    expect(cloud.log).toHaveLength(3);
    expect(error.requestId).toBe(cloud.log[2]?.requestId);
    expect(cloud.loggedOff.size).toBe(0);
  });

  test('a non-JSON 502 is retried and surfaces its text when it persists', async ({ cloud }) => {
    cloud.inject({ type: 'non-json', status: 502 }, 3);
    const error = (await rejectionOf(client(cloud).c.logoff(body))) as WorkspaceApiError;
    expect(error).toMatchObject({ status: 502, source: 'unknown', attempts: 3 });
    expect(error.errorMsg).toContain('Bad Gateway');
  });

  test('a reset before processing is retried; the outcome is marked uncertain', async ({ cloud }) => {
    cloud.inject({ type: 'reset' });
    const result = await client(cloud).c.logoff(body);
    expect(result).toMatchObject({ attempts: 2, uncertain: true });
    expect(cloud.loggedOff.get('d-1')).toBe(1);
  });

  test('a reset after processing: the retry delivers the logoff twice, and says it may have', async ({
    cloud,
  }) => {
    cloud.inject({ type: 'reset', when: 'after' });
    const result = await client(cloud).c.logoff(body);
    expect(result).toMatchObject({ attempts: 2, uncertain: true });
    expect(cloud.loggedOff.get('d-1')).toBe(2);
  });

  test('with retryUncertain off, a lost answer is not retried and the error says uncertain', async ({
    cloud,
  }) => {
    cloud.inject({ type: 'reset', when: 'after' });
    const error = await rejectionOf(
      client(cloud, { retry: { ...FAST_RETRY, retryUncertain: false } }).c.logoff(body),
    );
    expect(error).toBeInstanceOf(WorkspaceNetworkError);
    expect(error).toMatchObject({ kind: 'reset', uncertain: true, attempts: 1 });
    expect(cloud.loggedOff.get('d-1')).toBe(1);
  });

  test('a slow answer past the per-attempt timeout is a timeout, retried', async ({ cloud }) => {
    // The retry's answer must come within the timeout even on a busy machine; the slow one never does.
    cloud.inject({ type: 'slow', delayMs: 8_000 });
    const result = await client(cloud, { timeoutMs: 2_000 }).c.logoff(body);
    expect(result).toMatchObject({ attempts: 2, uncertain: true });
  });

  test('totalTimeoutMs bounds the whole call, waits included', async ({ cloud }) => {
    // Time enough for a loaded machine's first attempt, not for the wait the cloud asks for after it.
    cloud.inject({ type: 'throttle', retryAfter: '10' }, 3);
    const error = await rejectionOf(
      client(cloud, { totalTimeoutMs: 2_000, retry: { ...FAST_RETRY, maxDelayMs: 20_000 } }).c.logoff(body),
    );
    expect(error).toMatchObject({ name: 'WorkspaceNetworkError', kind: 'timeout' });
    expect(cloud.log).toHaveLength(1);
  });
});

describe('faults that are not retried', () => {
  test.for([
    [400, 'WKS.0001'],
    [403, 'APIGW.0302'],
    [404, 'WKS.0003'],
    [409, 'WKS.0407'],
    [500, 'WKS.0500'],
  ] as const)('HTTP %i %s: one attempt', async ([status, errorCode], { cloud }) => {
    cloud.inject({ type: 'status', status, errorCode });
    const error = await rejectionOf(client(cloud).c.logoff(body));
    expect(error).toMatchObject({ status, errorCode, attempts: 1 });
    expect(cloud.log).toHaveLength(1);
  });

  test('HTTP 500 is retried when retryServerErrors is on', async ({ cloud }) => {
    cloud.inject({ type: 'status', status: 500, errorCode: 'WKS.0500' });
    await expect(
      client(cloud, { retry: { ...FAST_RETRY, retryServerErrors: true } }).c.logoff(body),
    ).resolves.toMatchObject({ attempts: 2 });
  });

  test('an abort during a backoff wait stops at once, without another attempt', async ({ cloud }) => {
    cloud.inject({ type: 'throttle', retryAfter: '20' });
    const controller = new AbortController();
    // Aborted as soon as the 429 is known to be retried after its 20 s wait.
    const { c } = client(cloud, {
      retry: { ...FAST_RETRY, maxDelayMs: 20_000 },
      onAttempt: (event) => {
        if (event.willRetry) {
          controller.abort();
        }
      },
    });
    const pending = rejectionOf(c.logoff(body, { signal: controller.signal }));
    const error = await pending;
    expect(error).toMatchObject({ name: 'WorkspaceNetworkError', kind: 'aborted', attempts: 1 });
    expect(cloud.log).toHaveLength(1);
  });
});

describe('secrets never leak', () => {
  test('no SK, security token, password or token in any error of any failure', async ({ cloud }) => {
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
      errors.push(await rejectionOf(client(cloud).c.logoff(body)));
      cloud.inject(fault, 3);
      errors.push(await rejectionOf(client(cloud, { auth: tokenAuth(token) }).c.logoff(body)));
    }
    cloud.expireTokens();
    errors.push(await rejectionOf(client(cloud, { auth: tokenAuth(token) }).c.logoff(body)));
    errors.push(
      await rejectionOf(
        client(cloud, { auth: akskAuth({ accessKey: AK, secretKey: `${SK}x` }) }).c.logoff(body),
      ),
    );
    expect(errors).toHaveLength(12);
    for (const error of errors) {
      const text = visible(error);
      for (const secret of [...SECRETS, token]) {
        expect(text).not.toContain(secret);
      }
    }
  });
});
