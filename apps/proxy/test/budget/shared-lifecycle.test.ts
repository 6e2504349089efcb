// The shared budget's own state against a real redis-server, on a clock the test moves: what a replica reports
// (its waiting requests, the shared rate factor), what closing one does (its requests answered, the replicas
// counting one fewer, nothing logged, no timer left), a request whose deadline passes in the shared queue, Redis
// failing under a waiting request or losing its queue, each replica's share while Redis is lost, and the log line
// and event of each change.
import { freePort, type RunningRedis } from '@wks-logoff/testkit';
import { Redis } from 'ioredis';
import { describe, expect, it, vi } from 'vitest';
import type { Admission } from '../../src/budget/admission.js';
import { UpstreamBudget } from '../../src/budget/upstream-budget.js';
import { becomes, capturedLogs } from './support/budget-watch.js';
import { type Cluster, turn } from './support/cluster.js';
import { stoppedAfterEach } from './support/started.js';

const { redisServer, start } = stoppedAfterEach();

/**
 * How long a call waits for a paused Redis, in real time: well above what a loaded machine takes to answer (a
 * Redis that answers must never look paused); the tests that pause Redis wait this long once or twice.
 */
const PAUSED_AFTER_MS = 1000;

/** One heartbeat round: each replica learns how many are alive and the shared factor. */
async function heartbeat(each: Cluster): Promise<void> {
  each.clock.advance(1000);
  await each.settle();
}

/** Redis loses everything it held (an operator's FLUSHALL, a restart with persistence off). */
async function flushed(redis: RunningRedis): Promise<void> {
  const operator = new Redis(redis.url);
  try {
    await operator.flushall();
  } finally {
    operator.disconnect();
  }
}

/**
 * Three requests waiting on the first of two replicas ('a' first, then 'b' that the test can cancel, then 'c'),
 * after which Redis loses its queue.
 */
async function queueLostUnder(redis: RunningRedis) {
  const two = await start(redis.url, 2);
  const controller = new AbortController();
  await two.ask(0, { id: 'a' }, 1);
  const [cancelled] = await two.ask(0, { id: 'b' }, 1, controller.signal);
  const [next] = await two.ask(0, { id: 'c' }, 1);
  await two.settle();
  await flushed(redis);
  return { two, controller, cancelled: cancelled as Promise<Admission>, next: next as Promise<Admission> };
}

describe('a replica of the shared budget', () => {
  it('reports the requests it has waiting in the shared queue, and the shared rate factor as every replica reads it', async () => {
    const redis = await redisServer();
    const two = await start(redis.url, 2);
    const [first, second] = two.replicas as [UpstreamBudget, UpstreamBudget];
    await two.ask(0, { id: 'a' }, 3);
    await two.settle();
    expect([first.queueDepth, second.queueDepth]).toEqual([2, 0]);
    first.onCloudThrottled();
    await two.settle();
    expect(first.rateFactor).toBe(0.5);
    // The other replica saw no 429 itself: it reads the shared factor at its next heartbeat.
    expect(second.rateFactor).toBe(1);
    await heartbeat(two);
    expect(second.rateFactor).toBe(0.5);
  });

  it('when closed, answers its waiting requests, leaves the replicas, logs no change of state and keeps no timer', async () => {
    const redis = await redisServer();
    const logs = capturedLogs();
    const two = await start(redis.url, 2, { queueWaitMs: 5000, logger: logs.logger });
    const [first, second] = two.replicas as [UpstreamBudget, UpstreamBudget];
    await heartbeat(two);
    expect([first.replicasAlive, second.replicasAlive]).toEqual([2, 2]);
    const linesBefore = logs.lines.length;
    const pending = await two.ask(0, { id: 'a' }, 3);
    await two.settle();
    await first.close();
    expect(await Promise.all(pending)).toEqual([
      { ok: true, waitedMs: 0 },
      { ok: false, reason: 'queue-full', retryAfterMs: 5000, waitedMs: 0 },
      { ok: false, reason: 'queue-full', retryAfterMs: 5000, waitedMs: 0 },
    ]);
    await heartbeat(two);
    expect(second.replicasAlive).toBe(1);
    // Its connection closing is not Redis lost: nothing to log.
    await turn();
    expect(logs.lines.slice(linesBefore)).toEqual([]);
    // Closed while its heartbeat is under way: that heartbeat plans no other.
    two.clock.advance(1000);
    await second.close();
    expect(two.clock.pending).toBe(0);
  });

  it('refuses a request still waiting in the shared queue at its deadline, with Redis’s wait from its place, and wastes no slot on it', async () => {
    const redis = await redisServer();
    const two = await start(redis.url, 2, { queueWaitMs: 500 });
    const [first] = two.replicas as [UpstreamBudget, UpstreamBudget];
    two.clock.advance(10_000);
    const pending = await two.ask(0, { id: 'a' }, 6);
    // The cloud throttles: half the rate from now, so the last ones cannot go within their 500 ms.
    first.onCloudThrottled();
    await two.settle();
    for (let i = 0; i < 5; i++) {
      two.clock.advance(100);
      await two.settle();
    }
    const answers = await Promise.all(pending);
    const refused = answers.filter((answer) => !answer.ok);
    expect(refused.length).toBeGreaterThan(0);
    for (const answer of refused) {
      expect(answer).toMatchObject({ ok: false, reason: 'queue-full', waitedMs: 500 });
      // Redis's figure: the next slot at half the rate, not the queue's whole wait.
      expect(answer.ok || answer.retryAfterMs).toBeLessThan(500);
    }
    // Their tickets left the queue: the next request goes at the next slot (200 ms at half the rate), not after them.
    const [next] = await two.ask(1, { id: 'b' }, 1);
    for (let i = 0; i < 10; i++) {
      two.clock.advance(100);
      await two.settle();
    }
    const answer = await (next as Promise<Admission>);
    expect(answer.ok).toBe(true);
    expect(answer.waitedMs).toBeLessThanOrEqual(200);
  });

  it('refuses a request whose deadline comes while Redis does not answer, with the queue’s wait, and falls back to memory', async () => {
    const redis = await redisServer();
    const two = await start(redis.url, 2, { queueWaitMs: 300, timeoutMs: PAUSED_AFTER_MS });
    const [first] = two.replicas as [UpstreamBudget, UpstreamBudget];
    two.clock.advance(10_000);
    const pending = await two.ask(0, { id: 'a' }, 4);
    redis.pause();
    // Their deadlines come with no answer from Redis: neither their slots nor the withdrawal of their tickets.
    two.clock.advance(300);
    const [head, ...rest] = await Promise.all(pending);
    expect(head).toEqual({ ok: true, waitedMs: 0 });
    // The memory it falls back to may still find one of them a slot; the others are refused, with the
    // queue's wait to expect (Redis could not say).
    const refused = rest.filter((answer) => !answer.ok);
    expect(refused.length).toBeGreaterThanOrEqual(2);
    for (const answer of refused) {
      expect(answer).toEqual({ ok: false, reason: 'queue-full', retryAfterMs: 300, waitedMs: 300 });
    }
    expect(first.state).toBe('degraded');
    // Nothing left waiting once the next slot in memory has come (5 a second: 200 ms).
    two.clock.advance(200);
    await turn();
    expect(first.queueDepth).toBe(0);
  });

  it('while Redis does not answer a waiting request’s call, falls back to memory and admits it there', async () => {
    const redis = await redisServer();
    const two = await start(redis.url, 2, { timeoutMs: PAUSED_AFTER_MS });
    const [first] = two.replicas as [UpstreamBudget, UpstreamBudget];
    const pending = await two.ask(0, { id: 'a' }, 3);
    await two.settle();
    redis.pause();
    // The next slot's call to Redis times out: the replica falls back, its two waiting requests with it.
    two.clock.advance(100);
    await becomes(first, 'degraded');
    expect(first.queueDepth).toBe(2);
    for (let i = 0; i < 10; i++) {
      two.clock.advance(100);
      await turn();
    }
    expect((await Promise.all(pending)).map((answer) => answer.ok)).toEqual([true, true, true]);
    redis.resume();
    // Redis answers again: shared at the next heartbeat, and requests waiting in the shared queue go as before.
    for (let i = 0; i < 10 && first.state !== 'shared'; i++) {
      two.clock.advance(1000);
      await two.settle();
    }
    expect(first.state).toBe('shared');
    const again = await two.ask(0, { id: 'b' }, 3);
    for (let i = 0; i < 10 && first.queueDepth > 0; i++) {
      two.clock.advance(100);
      await two.settle();
    }
    expect((await Promise.all(again)).map((answer) => answer.ok)).toEqual([true, true, true]);
  });

  it('queues its waiting requests again when Redis loses the shared queue (flushed), and none is lost', async () => {
    const redis = await redisServer();
    const two = await start(redis.url, 2);
    const pending = await two.ask(0, { id: 'a' }, 4);
    await two.settle();
    await flushed(redis);
    const replica = two.replicas[0] as UpstreamBudget;
    // Whatever moment it is looked at, the replica counts each request not answered yet as waiting.
    const unanswered = () => 4 - two.admissions.answered.length;
    for (let i = 0; i < 10 && unanswered() > 0; i++) {
      two.clock.advance(100);
      for (let look = 0; look < 5; look++) {
        expect(replica.queueDepth).toBe(unanswered());
        await turn();
      }
      await two.settle();
    }
    expect((await Promise.all(pending)).map((answer) => answer.ok)).toEqual([true, true, true, true]);
    expect(replica.queueDepth).toBe(0);
    expect(replica.state).toBe('shared');
  });

  it('after Redis lost its queue, a request cancelled meanwhile takes no slot: the next one waiting goes at once', async () => {
    const { two, controller, cancelled, next } = await queueLostUnder(await redisServer());
    // The next pump finds Redis's queue empty (and its slot free); 'b' is cancelled as it goes.
    two.clock.advance(100);
    controller.abort(new Error('client went away'));
    await expect(cancelled).rejects.toThrow('client went away');
    await two.settle();
    expect(await next).toEqual({ ok: true, waitedMs: 100 });
  });

  it('after Redis lost its queue, a request cancelled while it goes back in leaves no ticket to take a slot', async () => {
    const { two, controller, cancelled, next } = await queueLostUnder(await redisServer());
    const [first] = two.replicas as [UpstreamBudget, UpstreamBudget];
    // A new request takes the emptied Redis's free slot, and its answer shows the queue lost: 'b' and 'c' go back
    // in, one at a time, and 'b' is cancelled while Redis queues it.
    expect(await first.admit({ id: 'd' })).toEqual({ ok: true, waitedMs: 0 });
    controller.abort(new Error('client went away'));
    await expect(cancelled).rejects.toThrow('client went away');
    await two.settle();
    two.clock.advance(100);
    await two.settle();
    // 'c' has the next slot; 'b' left no ticket ahead of it.
    expect(await next).toEqual({ ok: true, waitedMs: 100 });
  });

  it('while Redis is lost, sends its share: the rate, and each caller’s own rate, divided by the replicas last seen alive', async () => {
    const redis = await redisServer();
    const two = await start(redis.url, 2, { rate: 10 });
    const [first, second] = two.replicas as [UpstreamBudget, UpstreamBudget];
    await heartbeat(two);
    await redis.kill();
    await Promise.all([becomes(first, 'degraded'), becomes(second, 'degraded')]);
    const start0 = two.clock.now();
    const answers: { on: number; admission: Admission }[] = [];
    for (const on of [0, 1]) {
      for (let i = 0; i < 30; i++) {
        void (two.replicas[on] as UpstreamBudget)
          .admit({ id: `busy-${on}` })
          .then((admission) => answers.push({ on, admission }));
      }
    }
    for (let i = 0; i < 10; i++) {
      two.clock.advance(100);
      await turn();
    }
    expect(two.clock.now() - start0).toBe(1000);
    // 5 a second each (10 ÷ 2), a burst of one: at 0, 200, 400, 600, 800 and 1000 ms.
    const admittedOn = (on: number) => answers.filter((each) => each.on === on && each.admission.ok).length;
    expect([admittedOn(0), admittedOn(1)]).toEqual([6, 6]);
    // A caller's own rate of 4 a second is 2 a second on each replica, 2 at once: the third is refused at once
    // (the first two wait behind the backlog).
    void first.admit({ id: 'paced', rate: 4 });
    void first.admit({ id: 'paced', rate: 4 });
    expect(await first.admit({ id: 'paced', rate: 4 })).toEqual({
      ok: false,
      reason: 'caller-rate',
      retryAfterMs: 500,
      waitedMs: 0,
    });
  });

  it('logs each change of state once, at its level, with the reason and each replica’s share', async () => {
    const redis = await redisServer();
    const logs = capturedLogs();
    const two = await start(redis.url, 2, { rate: 10, logger: logs.logger });
    const [first, second] = two.replicas as [UpstreamBudget, UpstreamBudget];
    await heartbeat(two);
    logs.lines.length = 0;
    const changes: unknown[] = [];
    first.on('state', (change) => changes.push(change));
    await redis.kill();
    await Promise.all([becomes(first, 'degraded'), becomes(second, 'degraded')]);
    expect(logs.lines).toHaveLength(2);
    for (const line of logs.lines) {
      expect(line).toMatchObject({
        level: 'warn',
        fields: { budgetState: 'degraded', previous: 'shared', replicas: 2, ratePerReplica: 5 },
      });
      expect(line.fields.reason).toEqual(expect.stringMatching(/\S/));
      expect(line.message).toContain('each replica sends at most 5 requests/s upstream until it can');
    }
    logs.lines.length = 0;
    await redis.restart();
    await Promise.all([becomes(first, 'shared'), becomes(second, 'shared')]);
    // A restarted Redis is empty: the first replica back may count itself alone.
    const shared = {
      level: 'info',
      fields: { budgetState: 'shared', previous: 'degraded', replicas: expect.any(Number) },
      message: 'upstream budget: shared through Redis',
    };
    expect(logs.lines).toEqual([shared, shared]);
    // The same changes as events, each with its reason.
    expect(changes).toEqual([
      { state: 'degraded', previous: 'shared', reason: expect.stringMatching(/\S/) },
      { state: 'shared', previous: 'degraded', reason: 'Redis answers' },
    ]);
  });

  it('logs Redis absent at start once, as a warning that names the reason', async () => {
    const logs = capturedLogs();
    const one = await start(`redis://127.0.0.1:${await freePort()}`, 1, { logger: logs.logger, rate: 10 });
    expect((one.replicas[0] as UpstreamBudget).state).toBe('degraded');
    expect(logs.lines).toEqual([
      {
        level: 'warn',
        fields: {
          budgetState: 'degraded',
          previous: 'degraded',
          reason: expect.stringMatching(/\S/),
          replicas: 1,
          ratePerReplica: 10,
        },
        message: expect.stringContaining('each replica sends at most 10 requests/s upstream'),
      },
    ]);
  });

  it('while Redis is lost, keeps the cloud’s 429s in its share however often the lost Redis is noticed again', async () => {
    const redis = await redisServer();
    const one = await start(redis.url, 1);
    const [replica] = one.replicas as [UpstreamBudget];
    await redis.kill();
    await becomes(replica, 'degraded');
    replica.onCloudThrottled();
    expect(replica.rateFactor).toBe(0.5);
    // ioredis tries to reconnect (after 200 and 400 ms), and each failed try closes the connection again.
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(replica.state).toBe('degraded');
    expect(replica.rateFactor).toBe(0.5);
  });

  it('starts degraded when Redis is absent, without a logger, and says nothing on the console', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const warnings = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      const budget = new UpstreamBudget({
        rate: 10,
        burst: 1,
        queueWaitMs: 1000,
        redis: { url: `redis://127.0.0.1:${await freePort()}`, prefix: 'wks-absent:', timeoutMs: 200 },
      });
      try {
        expect(await budget.start()).toBe('degraded');
        expect(await budget.admit({ id: 'a' })).toEqual({ ok: true, waitedMs: 0 });
      } finally {
        await budget.close();
      }
      expect(errors).not.toHaveBeenCalled();
      expect(warnings).not.toHaveBeenCalled();
    } finally {
      errors.mockRestore();
      warnings.mockRestore();
    }
  });
});
