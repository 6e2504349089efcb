// The budget's settings: their defaults (core's pace, 1.5 requests a second), their checks (one line each, a
// Redis URL never quoted), and the options the budget gets from them.
import { describe, expect, it } from 'vitest';
import { budgetOptions } from '../../src/budget/options.js';
import { type ConfigProblems, loadConfig } from '../../src/index.js';

const env = { WKS_PROXY_KEYS_FILE: 'keys.json' };

function problems(extra: Record<string, string>): string[] {
  try {
    loadConfig({ ...env, ...extra });
    return [];
  } catch (error) {
    return (error as ConfigProblems).problems;
  }
}

describe('the upstream budget’s settings', () => {
  it('default to 1.5 requests a second, a burst of 1, a 10 s queue, and no Redis (the budget in memory)', () => {
    expect(budgetOptions(loadConfig(env))).toEqual({
      rate: 1.5,
      burst: 1,
      queueWaitMs: 10_000,
      redis: undefined,
    });
  });

  it('with a Redis URL, the budget is shared under the prefix, with a timeout', () => {
    const config = loadConfig({
      ...env,
      WKS_PROXY_UPSTREAM_RATE: '20',
      WKS_PROXY_UPSTREAM_BURST: '3',
      WKS_PROXY_QUEUE_WAIT_MS: '0',
      WKS_PROXY_REDIS_URL: 'rediss://default:secret@redis.internal:6380/2',
      WKS_PROXY_REDIS_PREFIX: 'team-a:wks:',
      WKS_PROXY_REDIS_TIMEOUT_MS: '100',
    });
    expect(budgetOptions(config)).toEqual({
      rate: 20,
      burst: 3,
      queueWaitMs: 0,
      redis: { url: 'rediss://default:secret@redis.internal:6380/2', prefix: 'team-a:wks:', timeoutMs: 100 },
    });
  });

  it('each bad value is one line; a bad Redis URL is never quoted (it may hold a password)', () => {
    expect(
      problems({
        WKS_PROXY_UPSTREAM_RATE: '0',
        WKS_PROXY_UPSTREAM_BURST: '1.5',
        WKS_PROXY_QUEUE_WAIT_MS: '-1',
        WKS_PROXY_REDIS_URL: 'http://user:pw-do-not-leak@redis:6379',
        WKS_PROXY_REDIS_PREFIX: 'a b',
        WKS_PROXY_REDIS_TIMEOUT_MS: '5',
      }),
    ).toEqual([
      'WKS_PROXY_REDIS_URL must be a redis:// or rediss:// URL (the value is not shown: it may hold a password)',
      "WKS_PROXY_REDIS_PREFIX must be 1–64 letters, digits, '.', '_', ':' or '-' (got \"a b\")",
      'WKS_PROXY_UPSTREAM_RATE must be a number above 0 and at most 10000 (got "0")',
      'WKS_PROXY_UPSTREAM_BURST must be an integer from 1 to 1000 (got "1.5")',
      'WKS_PROXY_QUEUE_WAIT_MS must be an integer from 0 to 600000 (got "-1")',
      'WKS_PROXY_REDIS_TIMEOUT_MS must be an integer from 10 to 10000 (got "5")',
    ]);
    expect(problems({ WKS_PROXY_UPSTREAM_RATE: '0.25' })).toEqual([]);
    expect(problems({ WKS_PROXY_UPSTREAM_RATE: 'fast' })).toEqual([
      'WKS_PROXY_UPSTREAM_RATE must be a number above 0 and at most 10000 (got "fast")',
    ]);
  });
});
