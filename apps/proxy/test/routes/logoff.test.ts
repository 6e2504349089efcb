// The logoff route as callers and operators meet it, beyond the rules of server.test.ts: what each refusal and
// upstream failure says, an upstream that sends no request IDs, and what the metrics and audit lines record of each
// upstream call.
import { type LocalServer, startLocalServer } from '@wks-logoff/testkit';
import { afterEach, describe, expect, it } from 'vitest';
import { bearer, type Harness, harness, KEY_ALL, logoffUrl, PROJECT } from '../support/harness.js';
import { specProblems } from '../support/spec-responses.js';

let h: Harness | undefined;
let upstream: LocalServer | undefined;
afterEach(async () => {
  await h?.close();
  await upstream?.close();
  h = undefined;
  upstream = undefined;
});

async function post(harnessed: Harness, payload: unknown = { desktop_ids: ['d-1'] }, project = PROJECT) {
  const response = await harnessed.app.inject({
    method: 'POST',
    url: logoffUrl(project),
    headers: { ...bearer(KEY_ALL), 'content-type': 'application/json' },
    payload: JSON.stringify(payload),
  });
  expect(
    specProblems(response.statusCode, response.body, response.headers['content-type'] as string | undefined),
  ).toEqual([]);
  return response;
}

const logLines = (harnessed: Harness) => harnessed.logs.map((line) => JSON.parse(line));

/** A proxy whose upstream is a plain loopback server answering `status`, `headers` and `body` to every call. */
async function behind(status: number, headers: Record<string, string>, body = '') {
  upstream = await startLocalServer((_request, response) => {
    response.writeHead(status, headers);
    response.end(body);
  });
  h = await harness({ endpoint: upstream.url });
  return h;
}

describe('refusals say what is wrong', () => {
  it('every problem of a body, in one answer', async () => {
    h = await harness();
    const response = await post(h, { desktop_ids: [], message: 5 });
    expect(response.statusCode).toBe(400);
    expect(response.json().error_detail).toBe(
      'desktop_ids must NOT have fewer than 1 items; message must be string',
    );
  });

  it('an invalid project_id, with the rule it breaks', async () => {
    h = await harness();
    const response = await post(h, undefined, 'a.b');
    expect(response.statusCode).toBe(400);
    expect(response.json().error_detail).toMatch(/^project_id must /);
  });

  it.each(['GET', 'DELETE'] as const)('%s on the logoff route: 405 naming the method', async (method) => {
    h = await harness();
    const response = await h.app.inject({ method, url: logoffUrl(), headers: bearer(KEY_ALL) });
    expect(response.statusCode).toBe(405);
    expect(response.json().error_msg).toBe(`Method ${method} is not allowed: use POST.`);
  });
});

describe('an upstream that sends no request ID', () => {
  it('a success: 200 with no body and no X-Request-Id', async () => {
    const harnessed = await behind(200, { 'content-length': '0' });
    const response = await post(harnessed);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-length']).toBe('0');
    expect(response.headers).not.toHaveProperty('x-request-id');
  });

  it('a gateway error in the API’s shape: its status and code, the correlation ID as its request_id', async () => {
    const harnessed = await behind(
      429,
      { 'content-type': 'application/json' },
      JSON.stringify({ error_code: 'APIGW.0308', error_msg: 'The request is throttled.' }),
    );
    const response = await post(harnessed);
    expect(response.statusCode).toBe(429);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expect(response.headers).not.toHaveProperty('x-request-id');
    expect(response.json()).toEqual({
      error_code: 'APIGW.0308',
      error_msg: 'The request is throttled.',
      request_id: response.headers['x-correlation-id'],
    });
  });

  it('an answer outside the API’s shapes, with no message: 502 naming the status only', async () => {
    const harnessed = await behind(418, { 'content-type': 'application/json' }, '{}');
    const response = await post(harnessed);
    expect(response.statusCode).toBe(502);
    expect(response.json().error_msg).toBe("The cloud answered HTTP 418 outside the API's error shapes.");
    expect(response.headers).not.toHaveProperty('x-request-id');
    const logged = logLines(harnessed).find((line) => line.upstreamStatus === 418);
    expect(logged).toMatchObject({ msg: 'upstream answer outside the API’s error shapes' });
    expect(logged).not.toHaveProperty('upstreamSnippet');
  });
});

describe('what operators see of upstream answers', () => {
  it('an answer outside the API’s shapes is logged with at most 300 characters of it', async () => {
    const harnessed = await behind(500, { 'content-type': 'text/html' }, `<html>${'x'.repeat(1000)}</html>`);
    expect((await post(harnessed)).statusCode).toBe(502);
    const logged = logLines(harnessed).find((line) => line.upstreamStatus === 500);
    expect(logged.upstreamSnippet).toBe(`<html>${'x'.repeat(294)}`);
  });

  it('each upstream call is timed and counted by outcome; failures by kind; the audit line of a failure', async () => {
    h = await harness();
    const metrics = async () => (await h?.app.inject('/metrics'))?.body ?? '';
    const seconds = async (outcome: string) => {
      const text = await metrics();
      const value = (name: string) =>
        Number(new RegExp(`^${name}\\{outcome="${outcome}"\\} (\\S+)$`, 'm').exec(text)?.[1]);
      return {
        count: value('wks_proxy_upstream_duration_seconds_count'),
        sum: value('wks_proxy_upstream_duration_seconds_sum'),
      };
    };
    const timed = async (fault?: Parameters<FakeCloudInject>[0]) => {
      if (fault) {
        h?.cloud.inject(fault);
      }
      const started = performance.now();
      const response = await post(h as Harness);
      return { response, elapsedSeconds: (performance.now() - started) / 1000 };
    };
    const accepted = await timed();
    expect(accepted.response.statusCode).toBe(200);
    const rejected = await timed({ type: 'status', status: 404, errorCode: 'WKS.0003' });
    expect(rejected.response.statusCode).toBe(404);
    const failed = await timed({ type: 'reset' });
    expect(failed.response.statusCode).toBe(502);
    for (const [outcome, call] of [
      ['accepted', accepted],
      ['rejected', rejected],
      ['failed', failed],
    ] as const) {
      const { count, sum } = await seconds(outcome);
      expect(count, outcome).toBe(1);
      // The time recorded lies within the request as the caller saw it.
      expect(sum, outcome).toBeGreaterThanOrEqual(0);
      expect(sum, outcome).toBeLessThanOrEqual(call.elapsedSeconds);
    }
    const text = await metrics();
    expect(text).toMatch(/^wks_proxy_upstream_errors_total\{kind="404"\} 1$/m);
    expect(text).toMatch(/^wks_proxy_upstream_errors_total\{kind="reset"\} 1$/m);
    const audits = logLines(h).filter((line) => line.audit);
    expect(audits.map((line) => [line.audit.outcome, line.audit.status])).toEqual([
      ['accepted', 200],
      ['rejected', 404],
      ['failed', 0],
    ]);
  });
});

type FakeCloudInject = Harness['cloud']['inject'];

describe('failures of the proxy’s own credentials', () => {
  it('IAM login limit reached: 503 with a Retry-After within the minute', async () => {
    h = await harness({
      cloud: { users: [{ domain: 'acme', user: 'ops', password: 'iam-password-do-not-leak' }] },
      iamPassword: true,
      env: { WKS_PROXY_IAM_LOGINS_PER_MINUTE: '1' },
    });
    await post(h, undefined, 'p0000000000000000000000000000001');
    const response = await post(h, undefined, 'p0000000000000000000000000000002');
    expect(response.statusCode).toBe(503);
    const retryAfter = Number(response.headers['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
  });

  it('an IAM that answers without a token: 502, the request could not be forwarded; counted by kind', async () => {
    upstream = await startLocalServer((_request, response) => {
      response.writeHead(201, { 'content-type': 'application/json' });
      response.end('{}');
    });
    h = await harness({
      cloud: { users: [{ domain: 'acme', user: 'ops', password: 'iam-password-do-not-leak' }] },
      iamPassword: true,
      env: { HUAWEICLOUD_IAM_ENDPOINT: upstream.url },
    });
    const response = await post(h);
    expect(response.statusCode).toBe(502);
    expect(response.json().error_msg).toBe('The request could not be forwarded.');
    expect(h.cloud.log).toHaveLength(0);
    expect((await h.app.inject('/metrics')).body).toMatch(
      /^wks_proxy_upstream_errors_total\{kind="ConfigurationError"\} 1$/m,
    );
  });
});
