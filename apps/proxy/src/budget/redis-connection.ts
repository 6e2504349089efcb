// The connections to Redis: one for the scripts, one subscribed to this replica's grants. Both fail fast (no
// offline queue, no resending a script after a reconnect; the scripts' with a timeout on every command), and
// ioredis reconnects both by itself, at least once a second, so the budget is shared again soon after Redis
// comes back.
import { Redis } from 'ioredis';

export interface RedisConnections {
  commands: Redis;
  subscriber: Redis;
}

/** Reconnection delays: quick at first, then once a second. */
// Stryker disable next-line ArithmeticOperator,MethodExpression: only how soon Redis is tried again; tests assert no time.
const RECONNECT_MS = (attempt: number) => Math.min(100 * 2 ** Math.min(attempt, 4), 1000);

export function connectRedis(url: string, timeoutMs: number): RedisConnections {
  const common = {
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    autoResendUnfulfilledCommands: false,
    // Stryker disable next-line MethodExpression,ArithmeticOperator: only how soon an unreachable Redis is given up on.
    connectTimeout: Math.max(1000, timeoutMs * 4),
    retryStrategy: RECONNECT_MS,
    connectionName: 'wks-logoff-proxy',
  };
  const commands = new Redis(url, { ...common, commandTimeout: timeoutMs });
  const subscriber = new Redis(url, common);
  return { commands, subscriber };
}

/**
 * What went wrong, for a log line: the error's own words, without the URL's credentials (a Redis URL may
 * carry a password).
 */
export function redisProblem(error: unknown, url: string): string {
  let text = error instanceof Error ? error.message : String(error);
  try {
    const { password } = new URL(url);
    for (const secret of [password, decodeURIComponent(password)]) {
      if (secret) {
        text = text.split(secret).join('[redacted]');
      }
    }
  } catch {
    // Not a URL: nothing of it to hide.
  }
  return text.slice(0, 300);
}
