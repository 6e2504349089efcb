// Proxy processes (the built bin) sharing the upstream budget through a real redis-server, against the fake cloud
// with a small quota: together they never go above it, every ID of every caller succeeds, a queue overflow is a
// 429 that is never forwarded, and Redis absent at start, killed mid-run or restarted costs callers nothing.
// Counts and states only: the tests wait on answers, log lines and the cloud's count of calls, never on time.
import { type FakeCloud, freePort, type RunningRedis, startFakeCloud, startRedis } from '@wks-logoff/testkit';
import { afterEach, describe, expect, it } from 'vitest';
import { AK, bearer, KEY_ALL, KEY_ONE, KEYS, logoffUrl, SK, writeKeysFile } from './support/harness.js';
import { batchThrough, cloudStatuses, desktops, startProxies } from './support/proxies.js';
import type { Running } from './support/run-bin.js';

const running: { cloud?: FakeCloud | undefined; redis?: RunningRedis | undefined; proxies: Running[] } = {
  proxies: [],
};

afterEach(async () => {
  for (const proxy of running.proxies.splice(0)) {
    proxy.child.kill('SIGKILL');
  }
  await running.redis?.stop();
  await running.cloud?.close();
  running.redis = undefined;
  running.cloud = undefined;
});

/**
 * The cloud allows 20 calls a second, counted in fixed one-second windows (a stalled machine may deliver one
 * window's calls in the next); the proxies' budget, over all of them, is 10, and three replicas not sharing it
 * would send 30. A call to Redis may take 2 s,
 * not 250 ms: on a loaded machine a busy proxy's timer can fire before it reads Redis's answer, and a replica that
 * should share would start degraded (a lost Redis closes the connection, and is noticed at once all the same).
 */
const QUOTA = 20;
const BUDGET = {
  WKS_PROXY_UPSTREAM_RATE: '10',
  WKS_PROXY_QUEUE_WAIT_MS: '2000',
  WKS_PROXY_REDIS_TIMEOUT_MS: '2000',
};

async function setup(count: number, redisUrl: string, env: Record<string, string> = {}) {
  running.cloud = await startFakeCloud({ keys: { [AK]: SK }, ratePerSecond: QUOTA });
  running.proxies = await startProxies(count, running.cloud, await writeKeysFile(KEYS), {
    ...BUDGET,
    WKS_PROXY_REDIS_URL: redisUrl,
    ...env,
  });
  return { cloud: running.cloud, proxies: running.proxies };
}

const urlOf = (proxy: Running | undefined) => proxy?.url ?? '';

async function readiness(proxy: Running | undefined) {
  const response = await fetch(`${urlOf(proxy)}/readyz`);
  return { status: response.status, body: (await response.json()) as { status: string } };
}

describe('replicas sharing the upstream budget through Redis', () => {
  it('three proxies, three callers: the cloud never throttles, and every ID of every caller succeeds', async () => {
    running.redis = await startRedis();
    const { cloud, proxies } = await setup(3, running.redis.url);
    for (const proxy of proxies) {
      expect((await readiness(proxy)).body.status).toBe('ready');
    }
    const callers = [KEY_ALL, KEY_ONE, KEY_ALL];
    const reports = await Promise.all(
      proxies.map((proxy, i) =>
        batchThrough(urlOf(proxy), callers[i] ?? KEY_ALL, desktops(`r${i}`, 20), { concurrency: 4 }),
      ),
    );
    for (const report of reports) {
      expect(report.totals).toMatchObject({ succeeded: 20, failed: 0, skipped: 0 });
    }
    expect(cloud.loggedOff.size).toBe(60);
    // Each replica alone may send the whole budget: only the shared one keeps three under the quota.
    expect(cloudStatuses(cloud)).toEqual({ 200: 60 });
  });

  it('a queue overflow is a 429 in the gateway shape with Retry-After, and is never forwarded', async () => {
    running.redis = await startRedis();
    const { cloud, proxies } = await setup(2, running.redis.url, {
      WKS_PROXY_UPSTREAM_RATE: '1',
      WKS_PROXY_QUEUE_WAIT_MS: '1000',
    });
    const send = (proxy: Running | undefined) =>
      fetch(`${urlOf(proxy)}${logoffUrl()}`, {
        method: 'POST',
        headers: { ...bearer(KEY_ALL), 'content-type': 'application/json' },
        body: JSON.stringify({ desktop_ids: ['d-1'] }),
      });
    const answers = await Promise.all([
      send(proxies[0]),
      send(proxies[1]),
      send(proxies[0]),
      send(proxies[1]),
    ]);
    const refused = answers.filter((answer) => answer.status === 429);
    const accepted = answers.filter((answer) => answer.status === 200);
    expect(refused.length).toBeGreaterThan(0);
    expect(accepted.length + refused.length).toBe(4);
    for (const answer of refused) {
      expect(answer.headers.get('retry-after')).toMatch(/^[1-9]\d*$/);
      expect(await answer.json()).toMatchObject({ error_code: 'WKSP.0429' });
    }
    expect(cloud.log).toHaveLength(accepted.length);
  });

  it('Redis absent at start: the proxy starts, /readyz says degraded, requests are served; Redis up: shared again', async () => {
    const port = await freePort();
    const { cloud, proxies } = await setup(1, `redis://127.0.0.1:${port}`);
    const proxy = proxies[0];
    expect(await readiness(proxy)).toMatchObject({ status: 200, body: { status: 'degraded' } });
    const report = await batchThrough(urlOf(proxy), KEY_ALL, desktops('a', 5));
    expect(report.totals).toMatchObject({ succeeded: 5, failed: 0 });
    expect(cloud.loggedOff.size).toBe(5);
    running.redis = await startRedis({ port });
    await proxy?.output(/upstream budget: shared through Redis/);
    expect(await readiness(proxy)).toMatchObject({ status: 200, body: { status: 'ready' } });
    expect(proxy?.stdout().match(/upstream budget: Redis cannot be used/g)).toHaveLength(1);
  });

  it('Redis killed mid-run and restarted: no caller error, nothing lost', async () => {
    running.redis = await startRedis();
    const redis = running.redis;
    const { cloud, proxies } = await setup(3, redis.url);
    const batches = Promise.all(
      proxies.map((proxy, i) =>
        batchThrough(urlOf(proxy), KEY_ALL, desktops(`k${i}`, 20), { concurrency: 4 }),
      ),
    );
    await cloud.received(15);
    await redis.kill();
    await Promise.all(proxies.map((proxy) => proxy.output(/upstream budget: Redis cannot be used/)));
    await cloud.received(30);
    await redis.restart();
    const reports = await batches;
    for (const report of reports) {
      expect(report.totals).toMatchObject({ succeeded: 20, failed: 0, skipped: 0 });
    }
    expect(cloud.loggedOff.size).toBe(60);
    await Promise.all(proxies.map((proxy) => proxy.output(/upstream budget: shared through Redis/)));
  });
});
