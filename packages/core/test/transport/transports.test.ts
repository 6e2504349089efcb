import type { FakeCloud } from '@wks-logoff/testkit';
import { describe, expect } from 'vitest';
import {
  akskAuth,
  ConfigurationError,
  createLogoffClient,
  fetchTransport,
  nodeHttpTransport,
  resolveClientOptions,
  type Transport,
  tokenAuth,
} from '../../src/index.js';
import { undiciTransport } from '../../src/transport/undici.js';
import { AK, iamPasswordEnv, PROJECT, SK, visible } from '../support/fake-cloud.js';
import { test } from '../support/fixtures.js';

const auth = akskAuth({ accessKey: AK, secretKey: SK, projectId: PROJECT });
const body = { desktop_ids: ['d-1', 'd-2'], message: 'héllo 🙂' };

describe.each([
  ['fetchTransport', () => fetchTransport()],
  ['undiciTransport', () => undiciTransport({ proxy: {} })],
  ['nodeHttpTransport', () => nodeHttpTransport()],
] as [string, () => Transport][])('%s', (_name, makeTransport) => {
  const client = (cloud: FakeCloud, options: { timeoutMs?: number; maxAttempts?: number } = {}) =>
    createLogoffClient({
      endpoint: cloud.url,
      projectId: PROJECT,
      auth,
      transport: makeTransport(),
      timeoutMs: options.timeoutMs,
      retry: { maxAttempts: options.maxAttempts ?? 1 },
    });

  test('sends signed requests the fake cloud verifies, and maps its answers', async ({ cloud }) => {
    const one = client(cloud);
    await expect(one.logoff(body)).resolves.toMatchObject({ status: 200 });
    await expect(one.logoff(body)).resolves.toMatchObject({ status: 200 });
    cloud.inject({ type: 'status', status: 409, errorCode: 'WKS.0407' });
    await expect(one.logoff(body)).rejects.toMatchObject({
      status: 409,
      errorCode: 'WKS.0407',
      source: 'service',
    });
    expect(cloud.messages).toEqual(['héllo 🙂', 'héllo 🙂']);
    expect(cloud.loggedOff.get('d-2')).toBe(2);
  });

  test('carries the IAM calls too: password token and project lookup by region', async ({ cloud }) => {
    const options = await resolveClientOptions({
      env: iamPasswordEnv(cloud.url),
      transport: makeTransport(),
    });
    await createLogoffClient(options).logoff(body);
    expect(options.projectId).toBe(PROJECT);
    expect(cloud.iam.issued).toHaveLength(1);
    expect(cloud.loggedOff.get('d-1')).toBe(1);
  });

  test('maps a throttled answer: status, code, Retry-After and the request ID', async ({ cloud }) => {
    cloud.inject({ type: 'throttle', retryAfter: '2' });
    const error = await client(cloud)
      .logoff(body)
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({
      status: 429,
      errorCode: 'APIGW.0308',
      retryAfterMs: 2000,
      source: 'gateway',
    });
    expect((error as { requestId?: string }).requestId).toMatch(/\S/);
  });

  test('keeps the text of a body that is not JSON', async ({ cloud }) => {
    cloud.inject({ type: 'non-json', status: 502 });
    const error = await client(cloud)
      .logoff(body)
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ status: 502, source: 'unknown' });
    expect((error as { errorMsg?: string }).errorMsg).toMatch(/\S/);
  });

  test.for([
    ['a chunked 200', { status: 200, declareLength: false }],
    ['a 500 that declares its length', { status: 500, declareLength: true }],
  ] as const)(
    'stops reading an answer over 64 KiB (%s): a clear error, not retried, marked uncertain',
    async ([_label, huge], { cloud }) => {
      cloud.inject({ type: 'huge', bytes: 16 * 1024 * 1024, ...huge });
      const error = await client(cloud, { maxAttempts: 3 })
        .logoff(body)
        .catch((caught: unknown) => caught);
      expect(error).toMatchObject({
        name: 'WorkspaceNetworkError',
        kind: 'oversized',
        retryable: false,
        uncertain: true,
        attempts: 1,
      });
      expect((error as Error).message).toBe(
        `The answer from ${cloud.url} (HTTP ${huge.status}) is larger than 65536 bytes; it was not read.`,
      );
      // The client is still usable: the next call goes out on a fresh connection.
      await expect(client(cloud).logoff(body)).resolves.toMatchObject({ status: 200 });
    },
  );

  test('gives up on an attempt at its timeout, and stops at once when the caller aborts', async ({
    cloud,
  }) => {
    // The timeout is one a loaded machine's request reaches the cloud within; the cloud holds its answer a minute.
    cloud.inject({ type: 'slow', delayMs: 60_000 }, 2);
    await expect(client(cloud, { timeoutMs: 1_000 }).logoff(body)).rejects.toMatchObject({
      name: 'WorkspaceNetworkError',
      kind: 'timeout',
      uncertain: true,
    });
    // Aborted once the request is at the cloud, which answers only after a minute: 'aborted' means it did not wait.
    const caller = new AbortController();
    void cloud.received(2).then(() => caller.abort());
    await expect(client(cloud).logoff(body, { signal: caller.signal })).rejects.toMatchObject({
      name: 'WorkspaceNetworkError',
      kind: 'aborted',
    });
  });

  test.for([
    ['a line break (refused by Headers)', 'line\nbreak'],
    ['a control character (refused by the transport)', 'control\u0001character'],
    ['DEL (refused by the transport)', 'del\u007fcharacter'],
    ['a character beyond Latin-1', 'euro€sign'],
  ] as const)(
    'a header value HTTP cannot carry, set by a custom Auth (%s): a configuration error, never quoted, nothing sent',
    async ([_label, value], { cloud }) => {
      const secret = `test-header-${value}-do-not-leak`;
      const custom = createLogoffClient({
        endpoint: cloud.url,
        projectId: PROJECT,
        auth: { scheme: 'custom', authorize: (request) => request.headers.set('X-Custom', secret) },
        transport: makeTransport(),
      });
      const error = await custom.logoff(body).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ConfigurationError);
      expect((error as Error).message).toBe(
        `The request to ${cloud.url} could not be built: a header holds a character HTTP does not allow (its value is not shown); check the credentials.`,
      );
      expect(visible(error)).not.toContain('do-not-leak');
      expect(cloud.log).toHaveLength(0);
    },
  );

  test.for([301, 302, 303, 307, 308] as const)(
    'never follows a %i: a failure naming the status and the location, not retried; nothing reaches the other origin',
    async (status, { cloud }) => {
      cloud.inject({ type: 'redirect', status }, 3);
      const token = tokenAuth(cloud.issueToken(PROJECT));
      const redirected = createLogoffClient({
        endpoint: cloud.url,
        projectId: PROJECT,
        auth: token,
        transport: makeTransport(),
      });
      const error = await redirected.logoff(body).catch((caught: unknown) => caught);
      expect(error).toMatchObject({
        name: 'WorkspaceApiError',
        status,
        retryable: false,
        uncertain: false,
        attempts: 1,
      });
      expect((error as Error).message).toMatch(
        `Workspace API answered HTTP ${status}: a redirect to ${cloud.elsewhere.url}/v2/${PROJECT}/desktops/logoff, not followed (request ID `,
      );
      expect(cloud.elsewhere.requests).toEqual([]);
      expect(cloud.loggedOff.size).toBe(0);
    },
  );

  test('a success other than the documented 200 is a failure naming its status, marked uncertain', async ({
    cloud,
  }) => {
    cloud.inject({ type: 'other-success', status: 202, when: 'after' }, 3);
    const error = await client(cloud, { maxAttempts: 3 })
      .logoff(body)
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({
      name: 'WorkspaceApiError',
      status: 202,
      retryable: false,
      uncertain: true,
      attempts: 1,
    });
    expect((error as Error).message).toMatch(
      /^Workspace API answered HTTP 202: not the documented 200; the logoff may or may not have been accepted \(request ID [0-9a-f]{32}\)$/,
    );
    expect(cloud.loggedOff.get('d-1')).toBe(1);
  });

  test('reports a reset as a network error, and a closed port as a connection failure', async ({ cloud }) => {
    cloud.inject({ type: 'reset' }, 3);
    await expect(client(cloud).logoff(body)).rejects.toMatchObject({
      name: 'WorkspaceNetworkError',
      kind: 'reset',
    });
    const url = cloud.url;
    await cloud.close();
    const closed = createLogoffClient({
      endpoint: url,
      projectId: PROJECT,
      auth,
      transport: makeTransport(),
      retry: { maxAttempts: 1 },
    });
    await expect(closed.logoff(body)).rejects.toMatchObject({
      name: 'WorkspaceNetworkError',
      kind: 'connect',
    });
  });
});
