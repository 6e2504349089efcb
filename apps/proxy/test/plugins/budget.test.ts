// The upstream budget wired into the logoff route, as a caller sees it over HTTP: a refusal is a 429 in the
// spec's shape with Retry-After and nothing is sent upstream; a client that goes away leaves the queue; the
// cloud's 429s are counted and shrink the budget; each upstream attempt is admitted; a caller's rate is applied
// once; with Redis unreachable the proxy serves and /readyz says degraded. Waits are on answers and metrics,
// never on time: the budget's clock stands still unless a test moves it.
import { freePort } from '@wks-logoff/testkit';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../budget/support/manual-clock.js';
import { bearer, type Harness, harness, KEY_ALL, KEY_SLOW, logoffUrl } from '../support/harness.js';

let h: Harness | undefined;
let base = '';
let clock = new ManualClock();

afterEach(async () => {
  await h?.close();
  h = undefined;
});

async function proxy(env: Record<string, string>) {
  clock = new ManualClock();
  h = await harness({ env, budgetClock: clock });
  base = await h.app.listen({ host: '127.0.0.1', port: 0 });
  return h;
}

function logoff(key = KEY_ALL, signal?: AbortSignal) {
  return fetch(`${base}${logoffUrl()}`, {
    method: 'POST',
    headers: { ...bearer(key), 'content-type': 'application/json' },
    body: JSON.stringify({ desktop_ids: ['d-1'] }),
    ...(signal ? { signal } : {}),
  });
}

async function metrics(): Promise<string> {
  return (await fetch(`${base}/metrics`)).text();
}

/** Scrapes /metrics until `line` appears (what the test waits for is the proxy's own state, not time). */
async function metricsUntil(line: string): Promise<string> {
  for (;;) {
    const text = await metrics();
    if (text.split('\n').includes(line)) {
      return text;
    }
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** One request a second upstream, no burst, and a queue of one second: the second request waits, a third is refused. */
const ONE_A_SECOND = {
  WKS_PROXY_UPSTREAM_RATE: '1',
  WKS_PROXY_UPSTREAM_BURST: '1',
  WKS_PROXY_QUEUE_WAIT_MS: '1000',
};

describe('the upstream budget in the logoff route', () => {
  it('past the queue’s wait: 429 in the gateway shape with Retry-After in whole seconds, and nothing is sent upstream', async () => {
    const { cloud } = await proxy(ONE_A_SECOND);
    expect((await logoff()).status).toBe(200);
    const waiting = logoff();
    await metricsUntil('wks_proxy_budget_queue_depth 1');
    const refused = await logoff();
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('2');
    expect(await refused.json()).toMatchObject({
      error_code: 'WKSP.0429',
      error_msg: 'The proxy’s upstream budget is taken for longer than requests may wait; retry later.',
    });
    clock.advance(1000);
    expect((await waiting).status).toBe(200);
    expect(cloud.log).toHaveLength(2);
    const text = await metrics();
    expect(text).toContain('wks_proxy_budget_admissions_total{caller="ops-all",result="admitted"} 2');
    expect(text).toContain('wks_proxy_budget_admissions_total{caller="ops-all",result="queue-full"} 1');
    expect(text).toContain('wks_proxy_budget_wait_seconds_count{result="admitted"} 2');
    expect(text).toContain('wks_proxy_budget_state{state="memory"} 1');
    expect(text).not.toContain(KEY_ALL);
  });

  it('a client that goes away while it waits leaves the queue, and its request is never sent', async () => {
    const { cloud } = await proxy(ONE_A_SECOND);
    expect((await logoff()).status).toBe(200);
    const controller = new AbortController();
    const abandoned = logoff(KEY_ALL, controller.signal).catch(() => 'aborted');
    await metricsUntil('wks_proxy_budget_queue_depth 1');
    controller.abort();
    expect(await abandoned).toBe('aborted');
    await metricsUntil('wks_proxy_budget_admissions_total{caller="ops-all",result="cancelled"} 1');
    expect((await metrics()).split('\n')).toContain('wks_proxy_budget_queue_depth 0');
    // The slot it would have had goes to the next request.
    clock.advance(1000);
    expect((await logoff()).status).toBe(200);
    expect(cloud.log).toHaveLength(2);
  });

  it('a client gone during the first attempt is not retried: its retry leaves the queue at once, never sent', async () => {
    const { cloud } = await proxy({ ...ONE_A_SECOND, WKS_PROXY_UPSTREAM_ATTEMPTS: '2' });
    // A 503 (worth another attempt) whose body comes late: the client goes away while the proxy waits for it.
    cloud.inject({ type: 'slow-body', status: 503, delayMs: 300 });
    const controller = new AbortController();
    const gone = logoff(KEY_ALL, controller.signal).catch(() => 'aborted');
    await cloud.received(1);
    controller.abort();
    expect(await gone).toBe('aborted');
    // The retry would wait for the next slot, a second later (the clock stands still); its client is already gone,
    // so it leaves at once.
    await metricsUntil('wks_proxy_budget_admissions_total{caller="ops-all",result="cancelled"} 1');
    expect(cloud.log).toHaveLength(1);
  });

  it('the cloud’s 429 is counted and shrinks the budget, an accepted call grows it back; the caller gets the cloud’s answer', async () => {
    const { cloud } = await proxy({});
    cloud.inject({ type: 'throttle', retryAfter: '3' });
    const throttled = await logoff();
    expect(throttled.status).toBe(429);
    expect((await throttled.json()).error_code).toBe('APIGW.0308');
    const text = await metrics();
    expect(text).toContain('wks_proxy_budget_cloud_throttled_total 1');
    expect(text).toContain('wks_proxy_budget_rate_factor 0.5');
    // An accepted call grows it back by a twentieth.
    expect((await logoff()).status).toBe(200);
    expect(await metrics()).toContain('wks_proxy_budget_rate_factor 0.55');
  });

  it('with WKS_PROXY_UPSTREAM_ATTEMPTS=2, the retry after a cloud 429 is admitted by the budget too', async () => {
    const { cloud } = await proxy({ WKS_PROXY_UPSTREAM_ATTEMPTS: '2' });
    cloud.inject({ type: 'throttle', retryAfter: '1' });
    expect((await logoff()).status).toBe(200);
    expect(cloud.log).toHaveLength(2);
    const text = await metrics();
    expect(text).toContain('wks_proxy_budget_admissions_total{caller="ops-all",result="admitted"} 2');
    expect(text).toContain('wks_proxy_budget_cloud_throttled_total 1');
  });

  it('a retry the budget cannot fit in time: the caller gets the cloud’s answer, not a refusal of the proxy’s', async () => {
    const { cloud } = await proxy({
      ...ONE_A_SECOND,
      WKS_PROXY_QUEUE_WAIT_MS: '0',
      WKS_PROXY_UPSTREAM_ATTEMPTS: '2',
    });
    cloud.inject({ type: 'throttle', retryAfter: '1' });
    const answer = await logoff();
    expect(answer.status).toBe(429);
    expect((await answer.json()).error_code).toBe('APIGW.0308');
    expect(cloud.log).toHaveLength(1);
  });

  it('a failure other than a 429 is not the cloud throttling: not counted as such, and the budget keeps its rate', async () => {
    const { cloud } = await proxy({});
    cloud.inject({ type: 'status', status: 409, errorCode: 'WKS.0407' });
    expect((await logoff()).status).toBe(409);
    const text = (await metrics()).split('\n');
    expect(text).toContain('wks_proxy_budget_cloud_throttled_total 0');
    expect(text).toContain('wks_proxy_budget_rate_factor 1');
  });

  it('a retry is the proxy’s, not the caller’s: a caller at its own rate still gets the retry', async () => {
    const { cloud } = await proxy({ WKS_PROXY_UPSTREAM_ATTEMPTS: '2' });
    cloud.inject({ type: 'throttle', retryAfter: '1' });
    expect((await logoff(KEY_SLOW)).status).toBe(200);
    expect(cloud.log).toHaveLength(2);
  });

  it('a failure not worth another attempt is not retried, even with WKS_PROXY_UPSTREAM_ATTEMPTS=2', async () => {
    const { cloud } = await proxy({ WKS_PROXY_UPSTREAM_ATTEMPTS: '2' });
    cloud.inject({ type: 'status', status: 409, errorCode: 'WKS.0407' });
    const answer = await logoff();
    expect(answer.status).toBe(409);
    expect((await answer.json()).error_code).toBe('WKS.0407');
    expect(cloud.log).toHaveLength(1);
  });

  it('a caller over its own rate is refused once, by the budget, and not sent', async () => {
    const { cloud } = await proxy({});
    expect((await logoff(KEY_SLOW)).status).toBe(200);
    const refused = await logoff(KEY_SLOW);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('1');
    expect((await refused.json()).error_msg).toBe(
      'Key "team-slow" is over its rate of 1 requests per second.',
    );
    expect(cloud.log).toHaveLength(1);
    const text = await metrics();
    expect(text).toContain('wks_proxy_budget_admissions_total{caller="team-slow",result="caller-rate"} 1');
    expect(text).toContain('wks_proxy_budget_admissions_total{caller="team-slow",result="admitted"} 1');
  });

  it('Redis unreachable at start: the proxy serves, /readyz answers 200 "degraded", the state is logged once', async () => {
    const port = await freePort();
    const { cloud, logs } = await proxy({ WKS_PROXY_REDIS_URL: `redis://127.0.0.1:${port}` });
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({
      status: 'degraded',
      reason: expect.stringContaining('Redis'),
    });
    for (let i = 0; i < 3; i++) {
      expect((await logoff()).status).toBe(200);
    }
    expect(cloud.log).toHaveLength(3);
    expect(await metrics()).toContain('wks_proxy_budget_state{state="degraded"} 1');
    const degradedLines = logs.filter((line) => line.includes('upstream budget: Redis cannot be used'));
    expect(degradedLines).toHaveLength(1);
  });
});
