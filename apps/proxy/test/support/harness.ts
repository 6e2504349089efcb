// Builds a proxy in front of the fake cloud, with a keys file on disk and logs captured in memory.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { resolveCredentials, type Transport } from '@wks-logoff/core';
import { type FakeCloud, type FakeCloudOptions, startFakeCloud } from '@wks-logoff/testkit';
import type { BudgetClock } from '../../src/budget/clock.js';
import {
  type CallerKey,
  Callers,
  hashKey,
  type KeySetOptions,
  type KeysFile,
  loadConfig,
} from '../../src/index.js';
import { buildFastifyServer } from '../../src/server.js';

export const AK = 'TESTPROXYAK000000001';
export const SK = 'test-proxy-secret-do-not-leak-01234567';
export const PROJECT = '2b31ed520a1b4d3cb2c3d4e5f6a7b8c9';
export const OTHER_PROJECT = '0123456789abcdef0123456789abcdef';
export const KEY_ALL = 'wksp_test-key-all-projects-do-not-leak';
export const KEY_ONE = 'wksp_test-key-one-project-do-not-leak';
export const KEY_SLOW = 'wksp_test-key-rate-limited-do-not-leak';

export const KEYS: CallerKey[] = [
  { id: 'ops-all', sha256: hashKey(KEY_ALL), projects: ['*'] },
  { id: 'team-one', sha256: hashKey(KEY_ONE), projects: [PROJECT] },
  { id: 'team-slow', sha256: hashKey(KEY_SLOW), projects: ['*'], rate: 1 },
];

export async function writeKeysFile(
  keys: CallerKey[],
  path?: string,
  tokens: Pick<KeysFile, 'issuers' | 'callers'> = {},
): Promise<string> {
  const file = path ?? join(await mkdtemp(join(tmpdir(), 'wks-proxy-')), 'keys.json');
  await writeFile(file, JSON.stringify({ keys, ...tokens }));
  return file;
}

export interface Harness {
  cloud: FakeCloud;
  app: ReturnType<typeof buildFastifyServer>['app'];
  readiness: ReturnType<typeof buildFastifyServer>['readiness'];
  keys: Callers;
  keysFile: string;
  logs: string[];
  close(): Promise<void>;
}

export async function harness(
  options: {
    cloud?: FakeCloudOptions;
    env?: Record<string, string>;
    endpoint?: string;
    existingCloud?: FakeCloud;
    transport?: Transport | undefined;
    /** Authenticate upstream with IAM password login (the fake cloud's first user) instead of AK/SK. */
    iamPassword?: boolean;
    /** The keys file's issuers and callers (token callers), beside KEYS. */
    tokens?: Pick<KeysFile, 'issuers' | 'callers'>;
    /**
     * How issuers' key sets are fetched (default: a 50 ms cooldown, so tests of rotation need not wait, and 10 s
     * for an answer, so a loaded machine never makes a healthy issuer look unreachable).
     */
    keySets?: KeySetOptions;
    /** The proxy's clock (default Date.now): tests of key sets and tokens move it instead of waiting. */
    now?: () => number;
    /**
     * The upstream budget's clock (default: the system's). Tests of rates pass a ManualClock: time stands still
     * unless they move it, so no slot comes while a slow machine runs the test.
     */
    budgetClock?: BudgetClock;
  } = {},
): Promise<Harness> {
  const cloud = options.existingCloud ?? (await startFakeCloud({ keys: { [AK]: SK }, ...options.cloud }));
  const keysFile = await writeKeysFile(KEYS, undefined, options.tokens);
  const env = {
    WKS_PROXY_KEYS_FILE: keysFile,
    // Far above what a healthy answer takes while every package's suite shares the two cores, so only the tests
    // of the timeout (which set a short one, against an answer that never comes) see a 504.
    WKS_PROXY_UPSTREAM_TIMEOUT_MS: '10000',
    WKS_PROXY_LOG_LEVEL: 'info',
    // Far above what tests send, so only the budget's own tests (which set it) are paced by it.
    WKS_PROXY_UPSTREAM_RATE: '10000',
    WKS_PROXY_UPSTREAM_BURST: '1000',
    WKS_ENDPOINT: options.endpoint ?? cloud.url,
    ...(options.iamPassword
      ? {
          HUAWEICLOUD_IAM_ENDPOINT: cloud.url,
          HUAWEICLOUD_IAM_DOMAIN: options.cloud?.users?.[0]?.domain ?? '',
          HUAWEICLOUD_IAM_USER: options.cloud?.users?.[0]?.user ?? '',
          HUAWEICLOUD_IAM_PASSWORD: options.cloud?.users?.[0]?.password ?? '',
        }
      : { HUAWEICLOUD_SDK_AK: AK, HUAWEICLOUD_SDK_SK: SK }),
    ...options.env,
  };
  const config = loadConfig(env);
  const credentials = await resolveCredentials({ env, iamLoginsPerMinute: config.iamLoginsPerMinute });
  const keys = new Callers(
    keysFile,
    options.now ?? Date.now,
    options.keySets ?? { cooldownMs: 50, timeoutMs: 10_000, maxAgeMs: 600_000 },
  );
  await keys.load();
  const logs: string[] = [];
  const logStream = new Writable({
    write(chunk, _encoding, done) {
      logs.push(String(chunk));
      done();
    },
  });
  const { app, readiness } = buildFastifyServer({
    config,
    keys,
    credentials,
    logStream,
    transport: options.transport,
    budgetClock: options.budgetClock,
  });
  await app.ready();
  return {
    cloud,
    app,
    readiness,
    keys,
    keysFile,
    logs,
    close: async () => {
      await app.close();
      await cloud.close();
    },
  };
}

/** A clock that moves only when told: `now` for the proxy, `advance` for the test. */
export function testClock(start = Date.now()) {
  let time = start;
  return {
    now: () => time,
    advance(ms: number) {
      time += ms;
    },
  };
}

export const logoffUrl = (project = PROJECT) => `/v2/${project}/desktops/logoff`;
export const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

export interface RawAnswer {
  /** Everything the server wrote before it closed the connection (or before `waitMs`). */
  text: string;
  status: number | undefined;
  headers: Record<string, string>;
  body: string;
  /** Whether the server closed the connection. */
  closed: boolean;
}

/** Drops interim answers (`100 Continue`, sent to `Expect: 100-continue`). */
function finalAnswer(text: string): string {
  let rest = text;
  while (/^HTTP\/1\.1 1\d\d /.test(rest) && rest.includes('\r\n\r\n')) {
    rest = rest.slice(rest.indexOf('\r\n\r\n') + 4);
  }
  return rest;
}

/**
 * Parses the first final HTTP/1.1 answer in `text` (Content-Length framing, as every proxy answer uses); `complete`
 * says whether all of its body has arrived (an answer to HEAD has none).
 */
function parseAnswer(text: string, closed: boolean, head = false): RawAnswer & { complete: boolean } {
  const answer = finalAnswer(text);
  const end = answer.indexOf('\r\n\r\n');
  if (end < 0) {
    return { text, status: undefined, headers: {}, body: '', closed, complete: false };
  }
  const [statusLine = '', ...lines] = answer.slice(0, end).split('\r\n');
  const headers = Object.fromEntries(
    lines.map((line) => {
      const colon = line.indexOf(':');
      return [line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim()];
    }),
  );
  const length = head ? 0 : Number(headers['content-length'] ?? 0);
  const body = answer.slice(end + 4, end + 4 + length);
  return {
    text,
    status: Number(statusLine.split(' ')[1]),
    headers,
    body,
    closed,
    complete: Buffer.byteLength(body, 'latin1') >= length,
  };
}

/**
 * Writes raw bytes to the server (optionally more bytes later, e.g. a trickled body) and collects its answer until
 * it closes the connection or `waitMs` passes.
 */
export function rawRequest(
  url: string,
  text: string | Buffer,
  options: {
    waitMs?: number;
    trickle?: { chunk: string; everyMs: number };
    /** Resolve as soon as one whole answer has arrived, instead of when the connection closes. */
    firstAnswer?: boolean;
    /** The request is a HEAD: its answer has no body. */
    head?: boolean;
  } = {},
): Promise<RawAnswer> {
  const { port, hostname } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname);
    let received = '';
    let timer: NodeJS.Timeout | undefined;
    const done = (closed: boolean) => {
      clearTimeout(timer);
      clearInterval(trickler);
      socket.destroy();
      const { complete: _, ...answer } = parseAnswer(received, closed, options.head);
      resolve(answer);
    };
    socket.on('data', (chunk) => {
      received += chunk.toString('latin1');
      if (options.firstAnswer && parseAnswer(received, false, options.head).complete) {
        done(false);
      }
    });
    socket.on('close', () => done(true));
    socket.on('error', () => {});
    socket.write(text);
    const trickler = options.trickle
      ? setInterval(
          () => socket.writable && socket.write(options.trickle?.chunk ?? ''),
          options.trickle.everyMs,
        )
      : undefined;
    timer = setTimeout(() => done(false), options.waitMs ?? 2000);
  });
}
