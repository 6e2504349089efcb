// The budget shared through a real redis-server by several budgets standing for proxy replicas, on one clock
// the test moves (the scripts take it instead of Redis's own): together they never go over the budget, the
// fair order and the weights hold across them, refusals come at once, a caller's rate is one across the
// cluster, the cloud's 429 shrinks the budget for all, and every key is prefixed and expires.
import { type RunningRedis, startRedis } from '@wks-logoff/testkit';
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Cluster, cluster } from './support/cluster.js';

let redis: RunningRedis;
const clusters: Cluster[] = [];

beforeAll(async () => {
  redis = await startRedis();
});
afterEach(async () => {
  await Promise.all(clusters.splice(0).map((running) => running.close()));
});
afterAll(async () => {
  await redis?.stop();
});

async function start(count: number, options: Parameters<typeof cluster>[2] = {}): Promise<Cluster> {
  const running = await cluster(redis.url, count, options);
  clusters.push(running);
  return running;
}

describe('the budget shared through Redis', () => {
  it('three replicas together admit a burst, then exactly one request per interval, and all are shared', async () => {
    const three = await start(3, { burst: 2 });
    expect(three.replicas.map((replica) => replica.state)).toEqual(['shared', 'shared', 'shared']);
    for (const [on, id] of ['a', 'b', 'c'].entries()) {
      await three.ask(on, { id }, 10);
    }
    await three.settle();
    expect(three.admissions.admitted()).toHaveLength(2);
    for (let step = 1; step <= 28; step++) {
      await three.steps(1);
      expect(three.admissions.admitted()).toHaveLength(2 + step);
    }
    const admitted = three.admissions.admitted();
    expect(['a', 'b', 'c'].map((id) => admitted.filter((caller) => caller === id).length)).toEqual([
      10, 10, 10,
    ]);
    expect(three.replicas.map((replica) => replica.queueDepth)).toEqual([0, 0, 0]);
  });

  it('a busy caller on one replica cannot starve a light caller on another', async () => {
    const two = await start(2);
    await two.ask(0, { id: 'busy' }, 12);
    await two.ask(1, { id: 'light' }, 1);
    await two.steps(3);
    // busy's first went at once; light's goes within the next two slots, not after busy's eleven.
    expect(two.admissions.admitted().indexOf('light')).toBeLessThanOrEqual(2);
  });

  it('weights 2:1 on two replicas share the slots 2:1', async () => {
    const two = await start(2);
    await two.ask(0, { id: 'first' }, 1);
    await two.ask(0, { id: 'heavy', weight: 2 }, 30);
    await two.ask(1, { id: 'light', weight: 1 }, 30);
    await two.steps(30);
    const admitted = two.admissions.admitted().slice(1);
    expect(admitted.filter((id) => id === 'heavy')).toHaveLength(20);
    expect(admitted.filter((id) => id === 'light')).toHaveLength(10);
  });

  it('a request that could not go within the queue wait is refused at once, with the wait to expect', async () => {
    const two = await start(2, { queueWaitMs: 500 });
    await two.ask(0, { id: 'a' }, 5);
    await two.ask(1, { id: 'a' }, 5);
    await two.settle();
    // One queue for both replicas: one now, five within 500 ms (100 … 500), four refused without waiting.
    expect(two.admissions.admitted()).toHaveLength(1);
    const refused = two.admissions.refused();
    expect(refused).toHaveLength(4);
    for (const { admission } of refused) {
      expect(admission).toMatchObject({ ok: false, reason: 'queue-full', waitedMs: 0 });
      expect(admission.ok || admission.retryAfterMs).toBeGreaterThan(500);
    }
    await two.steps(5);
    expect(two.admissions.admitted()).toHaveLength(6);
    expect(two.admissions.refused()).toHaveLength(4);
  });

  it('a caller’s own rate is one across the replicas', async () => {
    const two = await start(2, { burst: 10 });
    const first = await two.ask(0, { id: 'limited', rate: 2 }, 2);
    const [third] = await two.ask(1, { id: 'limited', rate: 2 }, 1);
    expect(await Promise.all(first)).toEqual([
      { ok: true, waitedMs: 0 },
      { ok: true, waitedMs: 0 },
    ]);
    expect(await third).toEqual({ ok: false, reason: 'caller-rate', retryAfterMs: 500, waitedMs: 0 });
  });

  it('the cloud’s 429 on one replica shrinks the budget of all; accepted calls grow it back', async () => {
    const two = await start(2);
    await two.ask(0, { id: 'a' }, 30);
    await two.ask(1, { id: 'b' }, 30);
    /** Admissions in one second of the clock, once the `expected` ones have all been answered. */
    const perSecond = async (expected: number) => {
      const before = two.admissions.admitted().length;
      for (let i = 0; i < 10; i++) {
        two.clock.advance(100);
        await two.settle();
      }
      // A grant one replica makes for the other arrives by a message on another connection, however late a
      // loaded machine delivers it; the clock stands still meanwhile, so no later slot is counted, and one too
      // many shows in this count or the next.
      await two.admissions.reach(before + expected);
      await two.settle();
      return two.admissions.admitted().length - before;
    };
    expect(await perSecond(10)).toBe(10);
    two.replicas[0]?.onCloudThrottled();
    await two.settle();
    expect(await perSecond(5)).toBe(5);
    for (let i = 0; i < 10; i++) {
      two.replicas[1]?.onCloudAccepted();
      await two.settle();
    }
    expect(two.replicas[1]?.rateFactor).toBe(1);
    expect(await perSecond(10)).toBe(10);
    expect(await perSecond(10)).toBe(10);
    expect(two.replicas[0]?.stats.cloudThrottled).toBe(1);
  });

  it('a request cancelled while it waits leaves the shared queue', async () => {
    const two = await start(2);
    const controller = new AbortController();
    await two.ask(0, { id: 'a' }, 1);
    const [cancelled] = await two.ask(0, { id: 'b' }, 1, controller.signal);
    await two.ask(1, { id: 'c' }, 1);
    controller.abort(new Error('client went away'));
    await expect(cancelled).rejects.toThrow('client went away');
    await two.settle();
    await two.steps(1);
    expect(two.admissions.admitted()).toEqual(['a', 'c']);
  });

  it('every key is under the prefix and expires', async () => {
    const two = await start(2, { prefix: 'wks-logoff-test:' });
    await two.ask(0, { id: 'a', rate: 5 }, 3);
    await two.ask(1, { id: 'b' }, 3);
    await two.steps(1);
    const client = new Redis(redis.url);
    try {
      const keys: string[] = [];
      let cursor = '0';
      do {
        const [next, found] = await client.scan(cursor, 'COUNT', 100);
        cursor = next;
        keys.push(...found);
      } while (cursor !== '0');
      const ours = keys.filter((key) => key.startsWith('wks-logoff-test:'));
      expect(ours.sort()).toEqual(
        expect.arrayContaining([
          'wks-logoff-test:deadlines',
          'wks-logoff-test:fair',
          'wks-logoff-test:queue',
          'wks-logoff-test:rate:a',
          'wks-logoff-test:replicas',
          'wks-logoff-test:upstream',
        ]),
      );
      for (const key of keys) {
        expect(key).toMatch(/^wks-(logoff-test|test-\d+-\d+):/);
        expect(await client.pttl(key), key).toBeGreaterThan(0);
      }
    } finally {
      client.disconnect();
    }
  });
});
