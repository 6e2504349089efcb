// A fake Huawei Cloud Workspace endpoint (with its IAM) on 127.0.0.1, for tests, benchmarks and the demo. This
// file is the plumbing: it reads whole requests, routes them to the logoff service or IAM, and closes cleanly.
// What each part fakes lives beside it: gateway-auth (signatures, tokens, lockout), throttle-window (429s),
// logoff-service (the API and its rejections), apply-fault (injected faults), iam / iam-routes.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { LocalServer } from '../http-server.js';
import { gatewayError, sendJson } from './answers.js';
import { startElsewhere } from './elsewhere.js';
import type { Fault } from './faults.js';
import { type FakeKeys, GatewayAuth } from './gateway-auth.js';
import { FakeIam, type FakeUser } from './iam.js';
import { handleIam } from './iam-routes.js';
import { type DesktopKind, type FaultPlan, type LogoffRecord, LogoffService } from './logoff-service.js';
import { ThrottleWindow } from './throttle-window.js';

export interface FakeCloudOptions {
  /** AK → SK (and the security token required with it, for temporary credentials). */
  keys?: FakeKeys;
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
  /**
   * Whether a rejection names the desktops that caused it in `error_detail` (default true). The real cloud is not
   * known to ("The resource not found."): set false to test isolation without names.
   */
  nameDesktops?: boolean;
  /** Fixed delay before every logoff answer, in ms. */
  latencyMs?: number;
  /** Gateway throttling: more than this many logoff requests per second get 429 APIGW.0308. */
  ratePerSecond?: number;
  /** Chooses a fault for the n-th authenticated logoff request (1-based), after queued faults. */
  faultPlan?: FaultPlan;
  /** The cloud's clock (for X-Sdk-Date skew and token expiry). */
  now?: () => number;
  /** The port to listen on (default: any free one), e.g. to come back where a closed cloud was. */
  port?: number;
}

export interface FakeCloud {
  readonly url: string;
  /** Desktop ID → how many times it was logged off. */
  readonly loggedOff: Map<string, number>;
  /** Every logoff request, in order of arrival (authentication failures included). */
  readonly log: LogoffRecord[];
  readonly iam: FakeIam;
  /**
   * Another origin on 127.0.0.1, where the `redirect` fault points: it answers 200 to anything and records every
   * request it receives (with its headers: credentials a client wrongly carried there).
   */
  readonly elsewhere: Pick<LocalServer, 'url' | 'requests'>;
  /** Messages delivered with processed logoffs. */
  readonly messages: (string | undefined)[];
  /** Resolves once `count` logoff requests have arrived (authentication failures included). */
  received(count: number): Promise<void>;
  /** Queue a fault for the next logoff request(s). */
  inject(fault: Fault, times?: number): void;
  setFaultPlan(plan: FaultPlan | undefined): void;
  /** Expire every issued token (the next use answers 401 APIGW.0307). */
  expireTokens(): void;
  /** A valid token for a project, without going through IAM. */
  issueToken(projectId: string): string;
  setDesktops(kind: DesktopKind, ids: Iterable<string>): void;
  close(): Promise<void>;
}

const LOGOFF_ROUTE = /^\/v2\/[^/?]+\/desktops\/logoff(?:\?.*)?$/;

export async function startFakeCloud(options: FakeCloudOptions = {}): Promise<FakeCloud> {
  const now = options.now ?? Date.now;
  const iam = new FakeIam(
    options.users ?? [],
    options.projects ?? {},
    options.agencies ?? [],
    options.tokenTtlMs ?? 86_400_000,
    now,
  );
  const auth = new GatewayAuth(options.keys ?? {}, iam, now);
  const elsewhere = await startElsewhere();
  const service = new LogoffService(
    auth,
    new ThrottleWindow(options.ratePerSecond, now),
    options.latencyMs,
    { unknown: options.unknownDesktops, busy: options.busyDesktops, forbidden: options.forbiddenDesktops },
    options.faultPlan,
    options.nameDesktops ?? true,
    elsewhere.url,
  );

  async function route(raw: IncomingMessage, body: Buffer, response: ServerResponse): Promise<void> {
    if (LOGOFF_ROUTE.test(raw.url ?? '/') && raw.method === 'POST') {
      return service.handle(raw, body, response);
    }
    if (handleIam(raw, body, response, iam, auth)) {
      return;
    }
    gatewayError(
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
      route(raw, Buffer.concat(chunks), response).catch((error: unknown) => {
        if (!response.headersSent) {
          sendJson(response, 500, { error_code: 'WKS.9999', error_msg: String(error) });
        } else {
          response.destroy();
        }
      });
    });
  });
  const sockets = new Set<Socket>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.keepAliveTimeout = 5000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', resolve);
  });
  const address = server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

  return {
    url,
    loggedOff: service.loggedOff,
    log: service.log,
    iam,
    elsewhere: { url: elsewhere.url, requests: elsewhere.requests },
    messages: service.messages,
    received: (count) => service.received(count),
    inject: (fault, times = 1) => service.inject(fault, times),
    setFaultPlan(next) {
      service.plan = next;
    },
    expireTokens: () => iam.expireAll(),
    issueToken: (projectId) => iam.issue(projectId),
    setDesktops(kind, ids) {
      service.desktops[kind] = new Set(ids);
    },
    close: async () => {
      await new Promise<void>((resolve) => {
        for (const socket of sockets) {
          socket.destroy();
        }
        server.close(() => resolve());
      });
      await elsewhere.close();
    },
  };
}
