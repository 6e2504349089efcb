// The attempt loop without sockets: each attempt is scripted, so retries, waits, refreshes and what the call
// finally fails with can be checked exactly.
import { describe, expect, it } from 'vitest';
import { type AttemptLoop, runAttempts } from '../../src/client/attempts.js';
import {
  type AttemptEvent,
  type WksError,
  WorkspaceApiError,
  WorkspaceNetworkError,
} from '../../src/index.js';
import { DEFAULT_RETRY_POLICY } from '../../src/retry/policy.js';

type Outcome = { status: number; requestId?: string } | WksError;
const api = (status: number, errorCode?: string) =>
  new WorkspaceApiError({
    status,
    source: 'gateway',
    errorCode,
  });

/** A loop whose attempts answer `outcomes` in turn; it records every event. */
function scripted(outcomes: Outcome[], overrides: Partial<AttemptLoop> = {}) {
  const events: AttemptEvent[] = [];
  const queue = [...outcomes];
  const loop: AttemptLoop = {
    send: async () => {
      const next = queue.shift();
      if (!next) {
        throw new Error('no more scripted outcomes');
      }
      if (next instanceof Error) {
        throw next;
      }
      return { status: next.status, requestId: next.requestId };
    },
    auth: { scheme: 'aksk' },
    policy: { ...DEFAULT_RETRY_POLICY, baseDelayMs: 0, throttleBaseDelayMs: 0 },
    random: () => 0,
    signal: undefined,
    toError: (caught) =>
      caught instanceof Error && 'retryable' in caught
        ? (caught as WksError)
        : new WorkspaceNetworkError('network', String(caught)),
    emit: (event) => events.push(event),
    ...overrides,
  };
  return { loop, events };
}

describe('runAttempts', () => {
  it('resolves on the first success, with its request ID and one event', async () => {
    const { loop, events } = scripted([{ status: 200, requestId: 'r1' }]);
    await expect(runAttempts(loop)).resolves.toEqual({
      requestId: 'r1',
      status: 200,
      attempts: 1,
      uncertain: false,
    });
    expect(events.map((e) => [e.attempt, e.status, e.willRetry])).toEqual([[1, 200, false]]);
  });

  it('retries what the policy retries, and says so in each event', async () => {
    const { loop, events } = scripted([api(503, 'APIGW.0613'), api(429, 'APIGW.0308'), { status: 200 }]);
    await expect(runAttempts(loop)).resolves.toMatchObject({ attempts: 3, uncertain: false });
    expect(events.map((e) => [e.status, e.willRetry, e.reason])).toEqual([
      [503, true, 'HTTP 503'],
      [429, true, 'throttled'],
      [200, false, undefined],
    ]);
  });

  it('an uncertain failure followed by a success makes the result uncertain', async () => {
    const { loop } = scripted([new WorkspaceNetworkError('reset', 'reset'), { status: 200 }]);
    await expect(runAttempts(loop)).resolves.toMatchObject({ attempts: 2, uncertain: true });
  });

  it('gives up at maxAttempts: the error carries the attempts and any earlier uncertainty', async () => {
    const { loop } = scripted([new WorkspaceNetworkError('timeout', 't'), api(503), api(503)]);
    const error = await runAttempts(loop).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ status: 503, attempts: 3, uncertain: true });
  });

  it('does not retry what the policy does not (a 401), and adds the hint', async () => {
    const { loop, events } = scripted([api(401, 'APIGW.0301')]);
    const error = await runAttempts(loop).catch((caught: unknown) => caught);
    expect(error).toMatchObject({
      status: 401,
      attempts: 1,
      hint: expect.stringMatching(/^Check HUAWEICLOUD_SDK_AK/),
    });
    expect(events).toHaveLength(1);
  });

  it('asks the Auth after a failure: retried once when it refreshed, never twice', async () => {
    const asked: unknown[] = [];
    const auth = {
      scheme: 'iam-password',
      refresh: async (error: WksError) => {
        asked.push((error as WorkspaceApiError).errorCode);
        return true;
      },
    };
    const { loop, events } = scripted([api(401, 'APIGW.0307'), api(401, 'APIGW.0307')], { auth });
    await expect(runAttempts(loop)).rejects.toMatchObject({ status: 401, attempts: 2 });
    expect(asked).toEqual(['APIGW.0307']);
    expect(events.map((e) => e.reason)).toEqual(['credentials refreshed', 'HTTP 401 is not retried']);
  });

  it('a signal aborting during a wait ends the call at once, as the abort', async () => {
    const controller = new AbortController();
    const { loop } = scripted([api(503), { status: 200 }], {
      policy: { ...DEFAULT_RETRY_POLICY, baseDelayMs: 60_000 },
      random: () => 1,
      signal: controller.signal,
      toError: (caught) =>
        caught instanceof WorkspaceApiError
          ? caught
          : new WorkspaceNetworkError('aborted', 'aborted by the caller'),
      emit: (event) => {
        if (event.willRetry) {
          controller.abort();
        }
      },
    });
    await expect(runAttempts(loop)).rejects.toMatchObject({ kind: 'aborted', attempts: 1 });
  });
});
