// The shared budget when Redis fails, against a real redis-server: absent at start, killed mid-run and
// restarted, too slow to answer. Every request is answered (no error, no request lost), each replica falls
// back to its share of the rate in memory, sharing resumes when Redis answers, and each change is logged once,
// without the URL's password. Counts and states only: the budgets run on a clock the test moves.
import { freePort } from '@wks-logoff/testkit';
import { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import type { Admission } from '../../src/budget/admission.js';
import { redisProblem } from '../../src/budget/redis-connection.js';
import type { UpstreamBudget } from '../../src/budget/upstream-budget.js';
import { becomes, capturedLogs } from './support/budget-watch.js';
import { turn } from './support/cluster.js';
import { stoppedAfterEach } from './support/started.js';

const { redisServer, start } = stoppedAfterEach();

describe('the shared budget when Redis fails', () => {
  it('Redis absent at start: it starts degraded, answers from memory, and shares once Redis comes', async () => {
    const port = await freePort();
    const logs = capturedLogs();
    const one = await start(`redis://127.0.0.1:${port}`, 1, { logger: logs.logger });
    const [replica] = one.replicas as [UpstreamBudget];
    expect(replica.state).toBe('degraded');
    const pending = await one.ask(0, { id: 'a' }, 3);
    await one.steps(2);
    expect(await Promise.all(pending)).toEqual([
      { ok: true, waitedMs: 0 },
      { ok: true, waitedMs: 100 },
      { ok: true, waitedMs: 200 },
    ]);

    // Waiting in memory when Redis comes: they move to the shared queue, none is lost.
    const moved = await one.ask(0, { id: 'c' }, 3);
    expect(replica.queueDepth).toBe(3);
    const redis = await redisServer(port);
    await becomes(replica, 'shared');
    await one.steps(2);
    expect((await Promise.all(moved)).map((answer) => answer.ok)).toEqual([true, true, true]);
    await one.ask(0, { id: 'b' }, 1);
    const client = new Redis(redis.url);
    expect(await client.exists(`${one.prefix}upstream`)).toBe(1);
    client.disconnect();
    expect(logs.states()).toEqual(['degraded', 'shared']);
    expect(logs.lines[0]?.message).toMatch(
      /^upstream budget: Redis cannot be used \(.+\); each replica sends/,
    );
  });

  it('Redis killed mid-run: each replica falls back to its share at once, every request is answered, sharing resumes', async () => {
    const redis = await redisServer();
    const logs = capturedLogs();
    const three = await start(redis.url, 3, { rate: 9, logger: logs.logger });
    // A heartbeat round, so each replica knows there are three.
    three.clock.advance(1000);
    await three.settle();
    expect(three.replicas.map((replica) => replica.replicasAlive)).toEqual([3, 3, 3]);
    const pending: Promise<Admission>[] = [];
    for (const [on, id] of ['a', 'b', 'c'].entries()) {
      pending.push(...(await three.ask(on, { id }, 12)));
    }
    await three.settle();
    expect(three.admissions.admitted()).toHaveLength(1);

    await redis.kill();
    await Promise.all(three.replicas.map((replica) => becomes(replica, 'degraded')));
    // Nothing lost on the way: each request is admitted, or waiting in its replica's memory.
    const admittedOrWaiting = three.replicas.reduce(
      (sum, replica) =>
        sum +
        replica.queueDepth +
        [...replica.stats.callers.values()].reduce((admitted, counts) => admitted + counts.admitted, 0),
      0,
    );
    expect(admittedOrWaiting).toBe(36);
    // Three seconds without Redis: each replica sends at most 9 / 3 requests a second, together the rate.
    const before = three.admissions.admitted().length;
    for (let i = 0; i < 30; i++) {
      three.clock.advance(100);
      await turn();
    }
    const whileLost = three.admissions.admitted().length - before;
    expect(whileLost).toBeGreaterThanOrEqual(24);
    expect(whileLost).toBeLessThanOrEqual(Math.floor(1.2 * 9 * 3) + 3);

    await redis.restart();
    await Promise.all(three.replicas.map((replica) => becomes(replica, 'shared')));
    // Whatever still waited moved back to the shared queue; all are answered, admitted, none lost.
    for (let i = 0; i < 200 && three.admissions.answered.length < 36; i++) {
      three.clock.advance(1000 / 9);
      await three.settle();
    }
    const answers = await Promise.all(pending);
    expect(answers.filter((answer) => answer.ok)).toHaveLength(36);
    // Shared again: the three together admit one request per interval.
    for (const [on, id] of ['d', 'e', 'f'].entries()) {
      await three.ask(on, { id }, 3);
    }
    await three.settle();
    const shared = three.admissions.admitted().length;
    three.clock.advance(1000 / 9);
    await three.settle();
    expect(three.admissions.admitted().length - shared).toBeLessThanOrEqual(1);
    const perReplica = (state: string) =>
      logs.lines.filter((line) => line.fields.budgetState === state).length;
    expect(perReplica('degraded')).toBe(3);
    expect(perReplica('shared')).toBe(6);
  });

  it('a Redis too slow to answer: admission gives up at its timeout and falls back; sharing resumes', async () => {
    const redis = await redisServer();
    const logs = capturedLogs();
    const two = await start(redis.url, 2, { timeoutMs: 1000, logger: logs.logger });
    const [first, second] = two.replicas as [UpstreamBudget, UpstreamBudget];
    await two.ask(0, { id: 'a' }, 1);
    redis.pause();
    try {
      const [during] = await two.ask(0, { id: 'a' }, 1);
      await becomes(first, 'degraded');
      two.clock.advance(1000);
      await becomes(second, 'degraded');
      // Answered from memory, with the slot this replica's share gives it.
      expect(await during).toMatchObject({ ok: true });
    } finally {
      redis.resume();
    }
    // The next heartbeats find Redis answering again.
    for (let i = 0; i < 10 && (first.state !== 'shared' || second.state !== 'shared'); i++) {
      two.clock.advance(1000);
      await two.settle();
    }
    expect([first.state, second.state]).toEqual(['shared', 'shared']);
    expect(logs.states().filter((state) => state === 'degraded')).toHaveLength(2);
  });

  it('never logs the password of the Redis URL', async () => {
    const logs = capturedLogs();
    const url = `redis://user:pw-do-not-leak@127.0.0.1:${await freePort()}`;
    await start(url, 1, { logger: logs.logger });
    expect(JSON.stringify(logs.lines)).not.toContain('do-not-leak');
    expect(logs.states()).toEqual(['degraded']);
    expect(redisProblem(new Error('WRONGPASS for pw-do-not-leak'), url)).toBe('WRONGPASS for [redacted]');
  });
});
