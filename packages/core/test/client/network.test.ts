// Timeouts, aborts and connection failures against local servers that misbehave on purpose.
import { startLocalServer } from '@wks-logoff/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogoffClient, tokenAuth, WorkspaceNetworkError } from '../../src/index.js';
import { PROJECT } from '../support/fake-cloud.js';
import { DESKTOP, rejectionOf } from '../support/helpers.js';

const body = { desktop_ids: [DESKTOP] };
let silent: Awaited<ReturnType<typeof startLocalServer>>;
let resetting: Awaited<ReturnType<typeof startLocalServer>>;

beforeAll(async () => {
  silent = await startLocalServer(() => {
    // Never answers: the request was received, the answer is lost.
  });
  resetting = await startLocalServer((_request, _response, raw) => {
    raw.socket.destroy();
  });
});
afterAll(async () => {
  await silent.close();
  await resetting.close();
});

describe('network failures', () => {
  it('times out an attempt after timeoutMs and marks the outcome uncertain', async () => {
    // One attempt, with time enough for a loaded machine to deliver the request the server then never answers.
    const client = createLogoffClient({
      endpoint: silent.url,
      projectId: PROJECT,
      auth: tokenAuth('t'),
      timeoutMs: 1_000,
      retry: { maxAttempts: 1 },
    });
    const error = await rejectionOf(client.logoff(body));
    expect(error).toBeInstanceOf(WorkspaceNetworkError);
    expect(error).toMatchObject({ kind: 'timeout', retryable: true, uncertain: true });
    expect(silent.requests.length).toBeGreaterThan(0);
  });

  it('stops at once when the caller aborts, and says so', async () => {
    const client = createLogoffClient({ endpoint: silent.url, projectId: PROJECT, auth: tokenAuth('t') });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const error = await rejectionOf(client.logoff(body, { signal: controller.signal }));
    expect(error).toMatchObject({ name: 'WorkspaceNetworkError', kind: 'aborted', retryable: false });
  });

  it('reports a reset connection as reset and uncertain', async () => {
    const client = createLogoffClient({
      endpoint: resetting.url,
      projectId: PROJECT,
      auth: tokenAuth('t'),
    });
    const error = await rejectionOf(client.logoff(body));
    expect(error).toMatchObject({ kind: 'reset', retryable: true, uncertain: true });
  });

  it('reports a refused connection as a certain connect failure', async () => {
    const closed = await startLocalServer(() => {});
    await closed.close();
    const client = createLogoffClient({ endpoint: closed.url, projectId: PROJECT, auth: tokenAuth('t') });
    const error = await rejectionOf(client.logoff(body));
    expect(error).toMatchObject({ kind: 'connect', retryable: true, uncertain: false });
    expect((error as Error).message).toBe(`Could not connect to ${closed.url} (ECONNREFUSED)`);
  });

  it('never puts the token into the error', async () => {
    const client = createLogoffClient({
      endpoint: silent.url,
      projectId: PROJECT,
      auth: tokenAuth('SECRET-TOKEN-123'),
      timeoutMs: 100,
    });
    const error = await rejectionOf(client.logoff(body));
    expect(`${String(error)} ${JSON.stringify(error)} ${(error as Error).stack}`).not.toContain(
      'SECRET-TOKEN-123',
    );
  });
});
