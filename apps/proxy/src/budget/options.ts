// The budget's options from the proxy's settings (config.ts: WKS_PROXY_UPSTREAM_*, WKS_PROXY_QUEUE_WAIT_MS,
// WKS_PROXY_REDIS_*).
import type { ProxyConfig } from '../config.js';
import type { BudgetOptions } from './upstream-budget.js';

export function budgetOptions(
  config: Pick<
    ProxyConfig,
    'upstreamRate' | 'upstreamBurst' | 'queueWaitMs' | 'redisUrl' | 'redisPrefix' | 'redisTimeoutMs'
  >,
): BudgetOptions {
  return {
    rate: config.upstreamRate,
    burst: config.upstreamBurst,
    queueWaitMs: config.queueWaitMs,
    redis: config.redisUrl
      ? { url: config.redisUrl, prefix: config.redisPrefix, timeoutMs: config.redisTimeoutMs }
      : undefined,
  };
}
