import { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { type RunningRedis, startRedis } from '../src/index.js';

const started: RunningRedis[] = [];
const clients: Redis[] = [];

function client(redis: RunningRedis): Redis {
  const connection = new Redis(redis.url, {
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  connection.on('error', () => {});
  clients.push(connection);
  return connection;
}

afterEach(async () => {
  for (const connection of clients.splice(0)) {
    connection.disconnect();
  }
  for (const redis of started.splice(0)) {
    await redis.stop();
  }
});

describe('startRedis', () => {
  it('serves on a loopback port, keeps nothing on disk, and is empty again after a restart', async () => {
    const redis = await startRedis();
    started.push(redis);
    expect(redis.url).toBe(`redis://127.0.0.1:${redis.port}`);
    const first = client(redis);
    await first.connect();
    await first.set('k', 'v');
    expect(await first.config('GET', 'save')).toEqual(['save', '']);
    expect(await first.config('GET', 'appendonly')).toEqual(['appendonly', 'no']);

    await redis.kill();
    await expect(first.get('k')).rejects.toThrow();
    await redis.restart();
    const second = client(redis);
    await second.connect();
    expect(await second.get('k')).toBeNull();
  });

  it('a paused Redis keeps the connection but answers nothing until it is resumed', async () => {
    const redis = await startRedis();
    started.push(redis);
    const connection = client(redis);
    await connection.connect();
    let closed = false;
    connection.on('close', () => {
      closed = true;
    });
    expect(await connection.ping()).toBe('PONG');
    redis.pause();
    // Slowness cannot fail this (no command timeout): a PING still unanswered 100 ms into the pause is answered
    // once Redis resumes, over the same connection.
    let answered = false;
    const answer = connection.ping().finally(() => {
      answered = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(answered).toBe(false);
    redis.resume();
    expect(await answer).toBe('PONG');
    expect(closed).toBe(false);
  });

  it('says how to install redis-server when it is missing', async () => {
    const path = process.env.PATH;
    process.env.PATH = '/nonexistent';
    try {
      await expect(startRedis()).rejects.toThrow('redis-server is not installed: run `bash .ci/install`');
    } finally {
      process.env.PATH = path;
    }
  });
});
