// A fake Huawei Cloud Workspace endpoint (with its IAM) on 127.0.0.1, for tests, benchmarks and the demo:
// verifies AK/SK signatures and IAM tokens, enforces the spec's limits, records every desktop it logged off,
// fails whole requests for unknown/busy/forbidden desktops as the real API does, and injects faults on demand.
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { bodyProblem, type LogoffBody } from './body-validator.js';
import { type Fault, timingOf } from './faults.js';
import { FakeIam, type FakeUser } from './iam.js';
import { parseAuthorization, parseSdkDate, verifySignature } from './verify-signature.js';

export interface FakeCloudOptions {
  /** AK → SK (and the security token required with it, for temporary credentials). */
  keys?: Record<string, string | { secretKey: string; securityToken: string }>;
  /** IAM users for password login. */
  users?: FakeUser[];
  /** Project name (region) → project ID. */
  projects?: Record<string, string>;
  /** Agencies that may be assumed. */
  agencies?: { domain: string; agency: string }[];
  /** Lifetime of issued tokens (default 24 h). */
  tokenTtlMs?: number;
  /** Desktops that do not exist (404), are busy (409) or may not be logged off by the caller (403). */
  unknownDesktops?: Iterable<string>;
  busyDesktops?: Iterable<string>;
  forbiddenDesktops?: Iterable<string>;
  /** Fixed delay before every logoff answer, in ms. */
  latencyMs?: number;
  /** Gateway throttling: more than this many logoff requests per second get 429 APIGW.0308. */
  ratePerSecond?: number;
  /** Chooses a fault for the n-th authenticated logoff request (1-based), after queued faults. */
  faultPlan?: (n: number, ids: readonly string[]) => Fault | undefined;
  /** The cloud's clock (for X-Sdk-Date skew and token expiry). */
  now?: () => number;
}

export interface LogoffRecord {
  n: number;
  status: number;
  requestId: string;
  ids: readonly string[];
  processed: boolean;
  fault: Fault['type'] | undefined;
}

export interface FakeCloud {
  readonly url: string;
  /** Desktop ID → how many times it was logged off. */
  readonly loggedOff: Map<string, number>;
  /** Every logoff request, in order of arrival (authentication failures included). */
  readonly log: LogoffRecord[];
  readonly iam: FakeIam;
  /** Messages delivered with processed logoffs. */
  readonly messages: (string | undefined)[];
  /** Resolves once `count` logoff requests have arrived (authentication failures included). */
  received(count: number): Promise<void>;
  /** Queue a fault for the next logoff request(s). */
  inject(fault: Fault, times?: number): void;
  setFaultPlan(plan: FakeCloudOptions['faultPlan']): void;
  /** Expire every issued token (the next use answers 401 APIGW.0307). */
  expireTokens(): void;
  /** A valid token for a project, without going through IAM. */
  issueToken(projectId: string): string;
  setDesktops(kind: 'unknown' | 'busy' | 'forbidden', ids: Iterable<string>): void;
  close(): Promise<void>;
}

const LOGOFF_ROUTE = /^\/v2\/[^/?]+\/desktops\/logoff(?:\?.*)?$/;
const MAX_SKEW_MS = 15 * 60 * 1000;
const LOCKOUT_FAILURES = 5;

function requestId(): string {
  return randomBytes(16).toString('hex');
}

function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
  response.end(text);
}

function gateway(
  response: ServerResponse,
  status: number,
  code: string,
  msg: string,
  headers: Record<string, string> = {},
) {
  const id = requestId();
  sendJson(
    response,
    status,
    { error_code: code, error_msg: msg, request_id: id },
    { 'x-request-id': id, ...headers },
  );
  return id;
}

function service(response: ServerResponse, status: number, code: string, msg: string, detail?: string) {
  const id = requestId();
  sendJson(
    response,
    status,
    { error_code: code, error_msg: msg, ...(detail ? { error_detail: detail } : {}) },
    { 'x-request-id': id },
  );
  return id;
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Writes `bytes` bytes of HTML, honouring back-pressure, until done or the client goes away. */
async function streamHuge(
  response: ServerResponse,
  status: number,
  bytes: number,
  declareLength: boolean,
  id: string,
): Promise<void> {
  response.writeHead(status, {
    'content-type': 'text/html',
    'x-request-id': id,
    ...(declareLength ? { 'content-length': String(bytes) } : {}),
  });
  const piece = Buffer.alloc(64 * 1024, 'x');
  for (let sent = 0; sent < bytes && !response.destroyed; sent += piece.length) {
    const more = response.write(piece.subarray(0, Math.min(piece.length, bytes - sent)));
    if (!more) {
      await new Promise<void>((resolve) => {
        const go = () => {
          response.off('drain', go);
          response.off('close', go);
          resolve();
        };
        response.on('drain', go);
        response.on('close', go);
      });
    }
  }
  if (!response.destroyed) response.end();
}

function parseJson(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    return undefined;
  }
}

export async function startFakeCloud(options: FakeCloudOptions = {}): Promise<FakeCloud> {
  const now = options.now ?? Date.now;
  const keys = new Map(
    Object.entries(options.keys ?? {}).map(([ak, v]) => [
      ak,
      typeof v === 'string' ? { secretKey: v, securityToken: undefined } : v,
    ]),
  );
  const iam = new FakeIam(
    options.users ?? [],
    options.projects ?? {},
    options.agencies ?? [],
    options.tokenTtlMs ?? 86_400_000,
    now,
  );
  const desktops = {
    unknown: new Set(options.unknownDesktops ?? []),
    busy: new Set(options.busyDesktops ?? []),
    forbidden: new Set(options.forbiddenDesktops ?? []),
  };
  const loggedOff = new Map<string, number>();
  const log: LogoffRecord[] = [];
  const waiters: { count: number; resolve: () => void }[] = [];
  const messages: (string | undefined)[] = [];
  const queued: Fault[] = [];
  const failures = new Map<string, number>();
  let plan = options.faultPlan;
  let count = 0;
  const window = { start: 0, used: 0 };
  const sockets = new Set<Socket>();

  /** 'ok', or the error already sent. */
  function authenticate(raw: IncomingMessage, body: Buffer, response: ServerResponse): boolean {
    const token = raw.headers['x-auth-token'];
    if (typeof token === 'string') {
      const state = iam.tokenState(token);
      if (state === 'valid') return true;
      if (state === 'expired') gateway(response, 401, 'APIGW.0307', 'The token must be updated.');
      else
        gateway(response, 401, 'APIGW.0301', 'Incorrect IAM authentication information: decrypt token fail');
      return false;
    }
    const parsed = parseAuthorization(raw.headers.authorization);
    if (!parsed) {
      gateway(
        response,
        401,
        'APIGW.0301',
        'Incorrect IAM authentication information: x-auth-token not found',
      );
      return false;
    }
    const key = keys.get(parsed.accessKey);
    if ((failures.get(parsed.accessKey) ?? 0) >= LOCKOUT_FAILURES) {
      gateway(
        response,
        401,
        'APIGW.0301',
        'Incorrect IAM authentication information: AK access failed to reach the limit,forbidden',
      );
      return false;
    }
    const date = parseSdkDate(String(raw.headers['x-sdk-date'] ?? ''));
    const fresh = Number.isFinite(date) && Math.abs(now() - date) <= MAX_SKEW_MS;
    const tokenOk = !key?.securityToken || raw.headers['x-security-token'] === key.securityToken;
    const signed =
      key &&
      tokenOk &&
      verifySignature(raw.method ?? 'GET', raw.url ?? '/', raw.headers, body, parsed, key.secretKey);
    if (!key || !signed || !fresh) {
      failures.set(parsed.accessKey, (failures.get(parsed.accessKey) ?? 0) + 1);
      const why = !key
        ? `Get secretKey failed,ak:${parsed.accessKey},err:ak not exist`
        : fresh
          ? 'verify aksk signature fail'
          : 'x-sdk-date is out of range';
      gateway(response, 401, 'APIGW.0301', `Incorrect IAM authentication information: ${why}`);
      return false;
    }
    failures.delete(parsed.accessKey);
    return true;
  }

  function throttled(): boolean {
    if (!options.ratePerSecond) return false;
    const t = now();
    if (t - window.start >= 1000) {
      window.start = t;
      window.used = 0;
    }
    window.used += 1;
    return window.used > options.ratePerSecond;
  }

  /** Applies a fault; returns true when it answered (or killed) the request. */
  async function applyFault(
    fault: Fault,
    raw: IncomingMessage,
    response: ServerResponse,
    record: LogoffRecord,
  ) {
    record.fault = fault.type;
    switch (fault.type) {
      case 'throttle':
        record.status = 429;
        record.requestId = gateway(
          response,
          429,
          'APIGW.0308',
          'The throttling threshold has been reached: policy user over ratelimit,limit:100,time:1 minute',
          fault.retryAfter ? { 'retry-after': fault.retryAfter } : {},
        );
        return true;
      case 'status': {
        record.status = fault.status;
        const code = fault.errorCode ?? (fault.status >= 500 ? 'APIGW.0610' : 'WKS.0001');
        const msg = fault.errorMsg ?? `Injected HTTP ${fault.status}`;
        record.requestId = code.startsWith('APIGW')
          ? gateway(response, fault.status, code, msg)
          : service(response, fault.status, code, msg);
        return true;
      }
      case 'non-json': {
        record.status = fault.status;
        record.requestId = requestId();
        response.writeHead(fault.status, { 'content-type': 'text/html', 'x-request-id': record.requestId });
        response.end(fault.body ?? '<html><body><h1>Bad Gateway</h1></body></html>');
        return true;
      }
      case 'huge': {
        record.status = fault.status;
        record.requestId = requestId();
        await streamHuge(response, fault.status, fault.bytes, fault.declareLength === true, record.requestId);
        return true;
      }
      case 'reset':
        record.status = 0;
        raw.socket.destroy();
        return true;
      case 'reset-mid-answer': {
        record.status = fault.status;
        record.requestId = requestId();
        response.writeHead(fault.status, {
          'content-type': 'application/json',
          'content-length': '200',
          'x-request-id': record.requestId,
        });
        response.write('{"error_code": "WKS');
        await delay(10);
        raw.socket.destroy();
        return true;
      }
      case 'slow-body': {
        record.status = fault.status;
        record.requestId = requestId();
        const text = JSON.stringify({
          error_code: 'APIGW.0610',
          error_msg: 'No backend available.',
          request_id: record.requestId,
        });
        response.writeHead(fault.status, {
          'content-type': 'application/json',
          'content-length': String(Buffer.byteLength(text)),
          'x-request-id': record.requestId,
        });
        response.flushHeaders();
        await delay(fault.delayMs);
        if (!response.destroyed) response.end(text);
        return true;
      }
      case 'slow':
        await delay(fault.delayMs);
        return false;
    }
  }

  async function handleLogoff(raw: IncomingMessage, body: Buffer, response: ServerResponse) {
    const parsed = parseJson(body);
    const ids = Array.isArray((parsed as LogoffBody)?.desktop_ids)
      ? (parsed as LogoffBody).desktop_ids.map(String)
      : [];
    const record: LogoffRecord = {
      n: log.length + 1,
      status: 0,
      requestId: '',
      ids,
      processed: false,
      fault: undefined,
    };
    log.push(record);
    for (const waiter of waiters.filter((w) => log.length >= w.count)) {
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve();
    }
    if (!authenticate(raw, body, response)) {
      record.status = 401;
      return;
    }
    count += 1;
    if (options.latencyMs) await delay(options.latencyMs);
    if (throttled()) {
      await applyFault({ type: 'throttle' }, raw, response, record);
      return;
    }
    const fault = queued.shift() ?? plan?.(count, ids);
    if (fault && timingOf(fault) === 'before' && (await applyFault(fault, raw, response, record))) return;

    const problem = parsed === undefined ? 'body is not JSON' : bodyProblem(parsed);
    if (problem) {
      record.status = 400;
      record.requestId = service(response, 400, 'WKS.0002', 'Invalid parameter.', problem);
      return;
    }
    // The whole request fails for the first kind of bad desktop found, as the real API does.
    const rejections = [
      [desktops.unknown, 404, 'WKS.0003', 'The desktop does not exist.', 'desktops not found'],
      [desktops.forbidden, 403, 'WKS.0006', 'No operation permissions.', 'not allowed on desktops'],
      [desktops.busy, 409, 'WKS.0407', 'The desktop is busy.', 'desktops busy'],
    ] as const;
    for (const [set, status, code, message, detail] of rejections) {
      const hit = ids.filter((id) => set.has(id));
      if (hit.length > 0) {
        record.status = status;
        record.requestId = service(response, status, code, message, `${detail}: ${hit.join(',')}`);
        return;
      }
    }
    for (const id of ids) loggedOff.set(id, (loggedOff.get(id) ?? 0) + 1);
    messages.push((parsed as LogoffBody).message);
    record.processed = true;
    if (fault && timingOf(fault) === 'after' && (await applyFault(fault, raw, response, record))) return;
    record.status = 200;
    record.requestId = requestId();
    response.writeHead(200, { 'x-request-id': record.requestId, 'content-length': '0' });
    response.end();
  }

  async function handle(raw: IncomingMessage, body: Buffer, response: ServerResponse) {
    const url = raw.url ?? '/';
    if (LOGOFF_ROUTE.test(url) && raw.method === 'POST') return handleLogoff(raw, body, response);
    if (url.startsWith('/v3/auth/tokens') && raw.method === 'POST') {
      const answer = iam.createToken(parseJson(body), raw.headers['x-auth-token'] as string | undefined);
      return sendJson(response, answer.status, answer.body, answer.headers ?? {});
    }
    if (url.startsWith('/v3/projects') && raw.method === 'GET') {
      if (!authenticate(raw, body, response)) return;
      const name = new URL(url, 'http://x').searchParams.get('name') ?? '';
      const project = iam.projectByName(name);
      return sendJson(response, 200, { projects: project ? [project] : [] });
    }
    gateway(
      response,
      404,
      'APIGW.0101',
      'The API does not exist or has not been published in the environment.',
    );
  }

  const server = createServer((raw, response) => {
    const chunks: Buffer[] = [];
    raw.on('data', (chunk: Buffer) => chunks.push(chunk));
    raw.on('end', () => {
      handle(raw, Buffer.concat(chunks), response).catch((error: unknown) => {
        if (!response.headersSent)
          sendJson(response, 500, { error_code: 'WKS.9999', error_msg: String(error) });
        else response.destroy();
      });
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.keepAliveTimeout = 5000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

  return {
    url,
    loggedOff,
    log,
    iam,
    messages,
    received(count) {
      if (log.length >= count) return Promise.resolve();
      return new Promise((resolve) => waiters.push({ count, resolve }));
    },
    inject(fault, times = 1) {
      for (let i = 0; i < times; i++) queued.push(fault);
    },
    setFaultPlan(next) {
      plan = next;
    },
    expireTokens: () => iam.expireAll(),
    issueToken: (projectId) => iam.issue(projectId),
    setDesktops(kind, ids) {
      desktops[kind] = new Set(ids);
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
