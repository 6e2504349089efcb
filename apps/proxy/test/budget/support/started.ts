// What a test of the shared budget starts, stopped after each test: its redis-servers (resumed first, so a paused
// one answers the budgets' goodbyes) and its clusters of budgets.
import { type RunningRedis, startRedis } from '@wks-logoff/testkit';
import { afterEach } from 'vitest';
import { type Cluster, cluster } from './cluster.js';

export function stoppedAfterEach() {
  const redisServers: RunningRedis[] = [];
  const clusters: Cluster[] = [];
  afterEach(async () => {
    for (const redis of redisServers) {
      redis.resume();
    }
    await Promise.all(clusters.splice(0).map((each) => each.close()));
    await Promise.all(redisServers.splice(0).map((each) => each.stop()));
  });
  return {
    /** A redis-server on a free port, or on `port`. */
    async redisServer(port?: number): Promise<RunningRedis> {
      const redis = await startRedis(port === undefined ? {} : { port });
      redisServers.push(redis);
      return redis;
    },
    /** `count` budgets sharing the Redis at `url` (see cluster.ts). */
    async start(url: string, count: number, options: Parameters<typeof cluster>[2] = {}): Promise<Cluster> {
      const each = await cluster(url, count, options);
      clusters.push(each);
      return each;
    },
  };
}
