// The proxy's settings: environment variables, optionally a JSON file of the same names (the environment wins).
// Every problem is collected, so an operator sees them all at once; credentials come from core's sources.
import { readFileSync } from 'node:fs';
import { CREDENTIAL_DEFAULTS, ENV } from '@wks-logoff/core';
import { didYouMean } from './did-you-mean.js';
import { parseJsonFile } from './json-file.js';
import type { KeySetOptions } from './tokens/issuer-keys.js';

export interface ProxyConfig {
  host: string;
  port: number;
  keysFile: string;
  /** Largest request body, in bytes. */
  bodyLimit: number;
  /** The request's headers must arrive within this many ms of the connection (or of the previous answer). */
  headersTimeoutMs: number;
  /** The whole request, headers and body, must arrive within this many ms (Node's requestTimeout). */
  bodyTimeoutMs: number;
  /** A keep-alive connection with no request in progress is closed after this many ms. */
  idleTimeoutMs: number;
  /** Connections beyond this many at once are closed as they arrive. */
  maxConnections: number;
  /** Projects whose client (and IAM token provider) are kept; the least recently used go first. */
  maxProjects: number;
  /** IAM password login: at most this many logins in any minute, over every project. */
  iamLoginsPerMinute: number;
  /** Timeout of one upstream attempt. */
  upstreamTimeoutMs: number;
  /** Attempts per upstream call (default 1: callers retry; two layers of retries would multiply). */
  upstreamAttempts: number;
  /** How long in-flight requests may take to finish on SIGTERM/SIGINT. */
  shutdownTimeoutMs: number;
  /** Least time between two fetches of an issuer's key set (an unknown `kid` waits for it). */
  jwksCooldownMs: number;
  /** A fetch of an issuer's key set or discovery document gives up after this long. */
  jwksTimeoutMs: number;
  /** An issuer's key set older than this is fetched again before it is used. */
  jwksMaxAgeMs: number;
  /** Requests per second sent upstream at most, over every caller (and every replica, with Redis). */
  upstreamRate: number;
  /** Requests sent upstream at once after a quiet spell. */
  upstreamBurst: number;
  /** The longest a request waits for its upstream slot; one that could not go within it is refused (429). */
  queueWaitMs: number;
  /** Redis (or Valkey) through which the replicas share the upstream budget; without it, each has its own. */
  redisUrl: string | undefined;
  /** Prefix of every key the proxy writes in Redis. */
  redisPrefix: string;
  /** A call to Redis slower than this falls back to the budget in memory. */
  redisTimeoutMs: number;
  logLevel: string;
}

export const SETTINGS = {
  host: { name: 'WKS_PROXY_HOST', default: '127.0.0.1' },
  port: { name: 'WKS_PROXY_PORT', default: '8080' },
  keysFile: { name: 'WKS_PROXY_KEYS_FILE', default: undefined },
  bodyLimit: { name: 'WKS_PROXY_BODY_LIMIT', default: '65536' },
  headersTimeoutMs: { name: 'WKS_PROXY_HEADERS_TIMEOUT_MS', default: '10000' },
  bodyTimeoutMs: { name: 'WKS_PROXY_BODY_TIMEOUT_MS', default: '30000' },
  idleTimeoutMs: { name: 'WKS_PROXY_IDLE_TIMEOUT_MS', default: '5000' },
  maxConnections: { name: 'WKS_PROXY_MAX_CONNECTIONS', default: '1000' },
  maxProjects: { name: 'WKS_PROXY_MAX_PROJECTS', default: '1000' },
  iamLoginsPerMinute: {
    name: 'WKS_PROXY_IAM_LOGINS_PER_MINUTE',
    default: String(CREDENTIAL_DEFAULTS.iamLoginsPerMinute),
  },
  upstreamTimeoutMs: { name: 'WKS_PROXY_UPSTREAM_TIMEOUT_MS', default: '30000' },
  upstreamAttempts: { name: 'WKS_PROXY_UPSTREAM_ATTEMPTS', default: '1' },
  shutdownTimeoutMs: { name: 'WKS_PROXY_SHUTDOWN_TIMEOUT_MS', default: '10000' },
  jwksCooldownMs: { name: 'WKS_PROXY_JWKS_COOLDOWN_MS', default: '30000' },
  jwksTimeoutMs: { name: 'WKS_PROXY_JWKS_TIMEOUT_MS', default: '5000' },
  jwksMaxAgeMs: { name: 'WKS_PROXY_JWKS_MAX_AGE_MS', default: '600000' },
  upstreamRate: { name: 'WKS_PROXY_UPSTREAM_RATE', default: '1.5' },
  upstreamBurst: { name: 'WKS_PROXY_UPSTREAM_BURST', default: '1' },
  queueWaitMs: { name: 'WKS_PROXY_QUEUE_WAIT_MS', default: '10000' },
  redisUrl: { name: 'WKS_PROXY_REDIS_URL', default: undefined },
  redisPrefix: { name: 'WKS_PROXY_REDIS_PREFIX', default: 'wks-logoff:' },
  redisTimeoutMs: { name: 'WKS_PROXY_REDIS_TIMEOUT_MS', default: '250' },
  logLevel: { name: 'WKS_PROXY_LOG_LEVEL', default: 'info' },
} as const;

export const CONFIG_FILE_VARIABLE = 'WKS_PROXY_CONFIG_FILE';
const REDIS_PREFIX = /^[A-Za-z0-9._:-]{1,64}$/;

function isRedisUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === 'redis:' || url.protocol === 'rediss:') && url.hostname !== '';
  } catch {
    return false;
  }
}
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

export class ConfigProblems extends Error {
  override readonly name = 'ConfigProblems';
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
  }
}

/**
 * The names a config file may hold: the proxy's settings and core's (the credentials and the upstream). Anything
 * else would be ignored (HTTP(S)_PROXY, for one, is read from the environment only), so it is refused instead.
 */
const FILE_SETTINGS: readonly string[] = [
  ...Object.values(SETTINGS).map((setting) => setting.name),
  ...Object.values(ENV),
];

/** The environment merged over the optional config file, whose every name must be a setting. */
export function settingsEnvironment(env: NodeJS.ProcessEnv): Record<string, string | undefined> {
  const file = env[CONFIG_FILE_VARIABLE];
  if (!file) {
    return env;
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    const code = (error as { code?: string }).code ?? 'unreadable';
    throw new ConfigProblems([`${CONFIG_FILE_VARIABLE}: cannot read ${file} (${code})`]);
  }
  const result = parseJsonFile(bytes);
  if (!result.ok) {
    throw new ConfigProblems([`${CONFIG_FILE_VARIABLE}: ${file}: ${result.problem}`]);
  }
  const parsed = result.value;
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new ConfigProblems([`${CONFIG_FILE_VARIABLE}: ${file} must hold a JSON object of settings`]);
  }
  const unknown = Object.keys(parsed).filter((name) => !FILE_SETTINGS.includes(name));
  if (unknown.length > 0) {
    throw new ConfigProblems(
      unknown.map((name) => {
        const meant = didYouMean(name, FILE_SETTINGS);
        return `${CONFIG_FILE_VARIABLE}: ${file}: "${name}" is not a setting ${
          meant ? `(did you mean "${meant}"?)` : 'it can hold (see wks-logoff-proxy serve --help)'
        }`;
      }),
    );
  }
  const fromFile = Object.fromEntries(Object.entries(parsed).map(([name, value]) => [name, String(value)]));
  return { ...fromFile, ...env };
}

export function loadConfig(env: Record<string, string | undefined>): ProxyConfig {
  const problems: string[] = [];
  const raw = (key: keyof typeof SETTINGS) => env[SETTINGS[key].name] ?? SETTINGS[key].default;
  const integer = (key: keyof typeof SETTINGS, min: number, max: number): number => {
    const text = raw(key) ?? '';
    const value = Number(text);
    if (!/^\d+$/.test(text) || value < min || value > max) {
      problems.push(`${SETTINGS[key].name} must be an integer from ${min} to ${max} (got "${text}")`);
    }
    return value;
  };
  const positive = (key: keyof typeof SETTINGS, max: number): number => {
    const text = raw(key) ?? '';
    const value = Number(text);
    if (!/^\d+(\.\d+)?$/.test(text) || value <= 0 || value > max) {
      problems.push(`${SETTINGS[key].name} must be a number above 0 and at most ${max} (got "${text}")`);
    }
    return value;
  };
  const host = raw('host') ?? '';
  if (!host.trim()) {
    problems.push(`${SETTINGS.host.name} must not be empty`);
  }
  const keysFile = raw('keysFile');
  if (!keysFile) {
    problems.push(
      `${SETTINGS.keysFile.name} is required: the JSON file of caller keys (see "wks-logoff-proxy keygen")`,
    );
  }
  // A Redis URL may carry a password: a problem with it never quotes it.
  const redisUrl = raw('redisUrl') || undefined;
  if (redisUrl !== undefined && !isRedisUrl(redisUrl)) {
    problems.push(
      `${SETTINGS.redisUrl.name} must be a redis:// or rediss:// URL (the value is not shown: it may hold a password)`,
    );
  }
  const redisPrefix = raw('redisPrefix') ?? '';
  if (!REDIS_PREFIX.test(redisPrefix)) {
    problems.push(
      `${SETTINGS.redisPrefix.name} must be 1–64 letters, digits, '.', '_', ':' or '-' (got "${redisPrefix}")`,
    );
  }
  const logLevel = raw('logLevel') ?? 'info';
  if (!LOG_LEVELS.includes(logLevel)) {
    problems.push(`${SETTINGS.logLevel.name} must be one of ${LOG_LEVELS.join(', ')} (got "${logLevel}")`);
  }
  const config: ProxyConfig = {
    host,
    port: integer('port', 0, 65_535),
    keysFile: keysFile ?? '',
    bodyLimit: integer('bodyLimit', 1024, 10 * 1024 * 1024),
    headersTimeoutMs: integer('headersTimeoutMs', 100, 600_000),
    bodyTimeoutMs: integer('bodyTimeoutMs', 100, 600_000),
    idleTimeoutMs: integer('idleTimeoutMs', 100, 600_000),
    maxConnections: integer('maxConnections', 1, 1_000_000),
    maxProjects: integer('maxProjects', 1, 1_000_000),
    iamLoginsPerMinute: integer('iamLoginsPerMinute', 1, 10_000),
    upstreamTimeoutMs: integer('upstreamTimeoutMs', 100, 600_000),
    upstreamAttempts: integer('upstreamAttempts', 1, 10),
    shutdownTimeoutMs: integer('shutdownTimeoutMs', 0, 600_000),
    jwksCooldownMs: integer('jwksCooldownMs', 10, 3_600_000),
    jwksTimeoutMs: integer('jwksTimeoutMs', 100, 60_000),
    jwksMaxAgeMs: integer('jwksMaxAgeMs', 1000, 86_400_000),
    upstreamRate: positive('upstreamRate', 10_000),
    upstreamBurst: integer('upstreamBurst', 1, 1000),
    queueWaitMs: integer('queueWaitMs', 0, 600_000),
    redisUrl,
    redisPrefix,
    redisTimeoutMs: integer('redisTimeoutMs', 10, 10_000),
    logLevel,
  };
  // The headers are part of the request: Node refuses a headers timeout longer than the whole request's.
  if (config.headersTimeoutMs > config.bodyTimeoutMs) {
    problems.push(
      `${SETTINGS.headersTimeoutMs.name} (${config.headersTimeoutMs}) must not exceed ${SETTINGS.bodyTimeoutMs.name} (${config.bodyTimeoutMs})`,
    );
  }
  if (problems.length > 0) {
    throw new ConfigProblems(problems);
  }
  return config;
}

/** How issuers' key sets are fetched, from the settings (by default, from their defaults above). */
export function keySetOptions(
  config: Pick<ProxyConfig, 'jwksCooldownMs' | 'jwksTimeoutMs' | 'jwksMaxAgeMs'> = {
    jwksCooldownMs: Number(SETTINGS.jwksCooldownMs.default),
    jwksTimeoutMs: Number(SETTINGS.jwksTimeoutMs.default),
    jwksMaxAgeMs: Number(SETTINGS.jwksMaxAgeMs.default),
  },
): KeySetOptions {
  return {
    cooldownMs: config.jwksCooldownMs,
    timeoutMs: config.jwksTimeoutMs,
    maxAgeMs: config.jwksMaxAgeMs,
  };
}
