// The connections to Redis as an operator sees them (named in CLIENT LIST), and what a Redis failure says in a
// log line: the error's own words, cut short, with the URL's password (and nothing else) taken out.
import { type RunningRedis, startRedis } from '@wks-logoff/testkit';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectRedis, redisProblem } from '../../src/budget/redis-connection.js';

let redis: RunningRedis;

beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => {
  await redis?.stop();
});

describe('the connections to Redis', () => {
  it('name themselves wks-logoff-proxy, so an operator can tell them apart in CLIENT LIST', async () => {
    const { commands, subscriber } = connectRedis(redis.url, 1000);
    const operator = new Redis(redis.url);
    try {
      await Promise.all([commands.connect(), subscriber.connect()]);
      const clients = String(await operator.call('CLIENT', 'LIST'));
      expect(clients.match(/ name=wks-logoff-proxy /g)).toHaveLength(2);
    } finally {
      commands.disconnect();
      subscriber.disconnect();
      operator.disconnect();
    }
  });
});

describe('redisProblem', () => {
  it('keeps the error’s words as they are when the URL has no password', () => {
    expect(redisProblem(new Error('connect ECONNREFUSED 127.0.0.1:6390'), 'redis://127.0.0.1:6390')).toBe(
      'connect ECONNREFUSED 127.0.0.1:6390',
    );
  });

  it('takes out the password as written and as decoded', () => {
    const url = 'redis://user:p%40ss@127.0.0.1:6390';
    expect(redisProblem(new Error('bad p%40ss and p@ss'), url)).toBe('bad [redacted] and [redacted]');
  });

  it('cuts a long message to 300 characters', () => {
    expect(redisProblem(new Error('x'.repeat(1000)), 'redis://127.0.0.1:6390')).toHaveLength(300);
  });

  it('says what was thrown when it is not an Error, and copes with a URL it cannot parse', () => {
    expect(redisProblem('refused', 'not a url')).toBe('refused');
  });
});
