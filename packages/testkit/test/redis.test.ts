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
    const connection = new Redis(redis.url, { commandTimeout: 200, maxRetriesPerRequest: 0 });
    connection.on('error', () => {});
    clients.push(connection);
    expect(await connection.ping()).toBe('PONG');
    redis.pause();
    await expect(connection.ping()).rejects.toThrow(/timed out/i);
    redis.resume();
    expect(await connection.ping()).toBe('PONG');
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
