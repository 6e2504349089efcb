// buildServer(): the fastify app — routes, inbound auth, validation, metrics, logs with a correlation ID of our
// own, secrets redacted. Side effects (listening, signals, files) stay in cli.ts.
import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import {
  createLogoffClient,
  type LogoffClient,
  type ResolvedCredentials,
  type Transport,
} from '@wks-logoff/core';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, LogController } from 'fastify';
import { LRUCache } from 'lru-cache';
import pino from 'pino';
import { budgetOptions } from './budget/options.js';
import { clientErrorHandler, connectHandler } from './client-errors.js';
import type { ProxyConfig } from './config.js';
import { sendProxyError } from './errors.js';
import { InFlight } from './in-flight.js';
import { parseJsonBodiesStrictly } from './json-body.js';
import type { KeyStore } from './keys.js';
import { callerFields } from './plugins/audit.js';
import budgetPlugin from './plugins/budget.js';
import { registerMetrics } from './plugins/metrics.js';
import { registerLogoffRoute } from './routes/logoff.js';
import { type Readiness, registerOpsRoutes } from './routes/ops.js';

/** Where logs go: one JSON line per write (a Writable stream, a pino destination). */
export interface LogStream {
  write(line: string): void;
}

export interface ServerOptions {
  config: ProxyConfig;
  keys: KeyStore;
  credentials: ResolvedCredentials;
  /** Upstream transport (the CLI passes core's pooled undici transport). */
  transport?: Transport | undefined;
  /** Where logs go (default stdout). */
  logStream?: LogStream;
}

/**
 * The service's HTTP app as embedders use it. It is a fastify 5 instance bundled into this package; it is
 * described here in the package's own terms because fastify is not a dependency its users install.
 */
export interface ProxyApp {
  /** Starts listening; resolves with the address, e.g. `http://127.0.0.1:8080`. */
  listen(options: { host?: string; port?: number }): Promise<string>;
  /** Resolves once the routes are ready to answer (`listen` waits for it too). */
  ready(): PromiseLike<unknown>;
  /** Stops listening and closes idle connections (`drain` lets forwarded requests finish first). */
  close(): PromiseLike<unknown>;
  /** The Node HTTP server the app answers on. */
  readonly server: Server;
}

export interface ProxyServer {
  app: ProxyApp;
  readiness: Readiness;
  /**
   * Lets the requests being forwarded finish (for at most `deadlineMs`) while still listening: /readyz answers
   * 503 and new requests get 503. Then stops listening and closes every connection, stalled ones included.
   * Resolves true when no forwarded request was cut short.
   */
  drain(deadlineMs: number): Promise<boolean>;
}

const CORRELATION_ID = /^[A-Za-z0-9._:-]{1,128}$/;
const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers["x-auth-token"]',
  'req.headers["x-security-token"]',
  'headers.authorization',
  'authorization',
  'key',
  'secretKey',
  'password',
  'token',
];

/** The service with its fastify app typed in full: for the bin and the package's own tests. */
interface FastifyProxyServer extends ProxyServer {
  app: FastifyInstance;
}

export function buildFastifyServer(options: ServerOptions): FastifyProxyServer {
  const { config, keys, credentials } = options;
  const logger = pino(
    {
      level: config.logLevel,
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      base: { service: 'wks-logoff-proxy' },
    },
    options.logStream ?? pino.destination(1),
  );
  // Answers below fastify (client errors, CONNECT) are counted once the metrics exist.
  let count = (_route: string, _method: string, _status: number) => {};
  const belowFastify = {
    log: () => app.log,
    count: (route: string, method: string, status: number) => count(route, method, status),
    bodyTimeoutMs: config.bodyTimeoutMs,
  };
  const app: FastifyInstance = Fastify({
    loggerInstance: logger as FastifyBaseLogger,
    bodyLimit: config.bodyLimit,
    // Long enough that an over-long project_id reaches validation (400) instead of the router's 414.
    routerOptions: { maxParamLength: 1024 },
    requestIdHeader: false,
    // One line per request is enough: logoffs get their audit line, failures the line below.
    logController: new LogController({ disableRequestLogging: true, requestIdLogLabel: 'correlationId' }),
    genReqId: (request) => {
      const given = request.headers['x-correlation-id'];
      return typeof given === 'string' && CORRELATION_ID.test(given) ? given : randomUUID();
    },
    return503OnClosing: false,
    // Timeouts bound what a connection may hold: headers, the whole request (a trickled or stalled body), and
    // the idle time between keep-alive requests. Node checks them every connectionsCheckingInterval (30 s by
    // default, which would let a 10 s timeout run to 40 s).
    keepAliveTimeout: config.idleTimeoutMs,
    requestTimeout: config.bodyTimeoutMs,
    http: {
      headersTimeout: config.headersTimeoutMs,
      requestTimeout: config.bodyTimeoutMs,
      connectionsCheckingInterval: Math.max(50, Math.min(1000, Math.floor(config.headersTimeoutMs / 4))),
      // Node answers a missing Host with a bare 400 of its own; the onRequest hook answers it in the spec's shape.
      requireHostHeader: false,
    },
    clientErrorHandler: clientErrorHandler(belowFastify),
    // Requests the router refuses (bad percent-encoding, an over-long parameter) get the spec's shapes too. No
    // route means no hooks: the correlation ID, the log line and the count are added here. The path is not
    // echoed or logged (it is whatever the caller sent).
    frameworkErrors: (error, request, reply) => {
      reply.header('x-correlation-id', request.id);
      request.log.info({ method: request.method, status: 400, reason: error.code }, 'request failed');
      count('unmatched', request.method, 400);
      if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') {
        return sendProxyError(reply, 400, 'Invalid project_id.', {
          detail: 'project_id must NOT have more than 255 characters',
        });
      }
      if (error.code === 'FST_ERR_BAD_URL') {
        return sendProxyError(reply, 400, 'Invalid URL: bad percent-encoding.');
      }
      return sendProxyError(reply, 400, 'Invalid request.');
    },
  });
  app.server.on('connect', connectHandler(belowFastify));
  // Over the cap, Node closes new connections as they arrive (answering would cost what the cap saves).
  app.server.maxConnections = config.maxConnections;
  app.server.on('drop', () => metrics.connectionsDropped.inc());
  // JSON only: without this, text/plain bodies would be parsed as strings instead of answered 415.
  app.removeContentTypeParser('text/plain');
  parseJsonBodiesStrictly(app);

  const readiness: Readiness = {
    draining: false,
    problem: () => (keys.callers === 0 ? 'no callers (keys or token callers) are configured' : undefined),
    degraded: () => app.upstreamGate.degraded(),
  };
  // One client per project, each with its own Auth (an IAM token provider keeps its token and logs in once at a
  // time). One LRU bounds both: evicting a project drops its client and its provider together.
  const clients = new LRUCache<string, LogoffClient>({ max: config.maxProjects });
  const metrics = registerMetrics(app, { projectClients: () => clients.size });
  count = (route, method, status) => metrics.requests.inc({ route, method, status: String(status) });
  const clientFor = (projectId: string): LogoffClient => {
    let client = clients.get(projectId);
    if (!client) {
      client = createLogoffClient({
        endpoint: credentials.endpoint,
        projectId,
        auth: credentials.forProject(projectId),
        timeoutMs: config.upstreamTimeoutMs,
        // The budget admits each attempt (plugins/budget.ts), so it makes them, not the client.
        retry: { maxAttempts: 1 },
        transport: options.transport,
      });
      clients.set(projectId, client);
    }
    return client;
  };

  // Callback-style hooks: an async hook costs a promise per request on every route.
  app.addHook('onRequest', (request, reply, done) => {
    reply.header('x-correlation-id', request.id);
    // HTTP/1.1 requires Host (RFC 9112 §3.2); the proxy does not use it, but a request without it is malformed.
    if (request.raw.httpVersion === '1.1' && request.headers.host === undefined) {
      sendProxyError(reply, 400, 'Malformed HTTP request.', {
        detail: 'an HTTP/1.1 request needs a Host header',
      });
      return;
    }
    // Health checks keep their own answers while draining: /healthz alive, /readyz 503 "draining".
    if (readiness.draining && !request.url.startsWith('/healthz') && !request.url.startsWith('/readyz')) {
      sendProxyError(reply, 503, 'The proxy is shutting down; try another replica.');
      return;
    }
    done();
  });
  app.addHook('onResponse', (request, reply, done) => {
    if (reply.statusCode >= 400) {
      request.log.info(
        {
          method: request.method,
          url: request.url.split('?')[0],
          status: reply.statusCode,
          // Past authentication, every outcome names the caller: one probing other projects leaves a trace.
          ...callerFields(request.caller),
          // Why authentication refused it (e.g. an expired token): what the caller sent, never the credential.
          reason: request.refusal,
          issuerProblem: request.issuerProblem,
          ms: Math.round(reply.elapsedTime),
        },
        'request failed',
      );
    }
    done();
  });
  // An answer sent before the request's body was read (401, 403, 413, 415, 429) closes the connection instead
  // of reading a body nobody needs, which a trickling client could make last forever. While draining, every
  // answer closes its connection, so keep-alive sockets do not hold the shutdown open.
  app.addHook('onSend', (request, reply, payload, done) => {
    if (readiness.draining || !request.raw.complete) {
      reply.header('connection', 'close');
    }
    done(null, payload);
  });
  registerOpsRoutes(app, readiness, metrics.registry);
  app.register(budgetPlugin, {
    budget: budgetOptions(config),
    attempts: config.upstreamAttempts,
    registry: metrics.registry,
  });
  const inFlight = new InFlight();
  registerLogoffRoute(app, {
    keys,
    clientFor,
    metrics,
    inFlight,
    upstreamTimeoutMs: config.upstreamTimeoutMs,
  });

  app.setNotFoundHandler((request, reply) =>
    sendProxyError(reply, 404, `No route ${request.method} ${request.url.split('?')[0]}.`),
  );
  app.setErrorHandler((error: Error & { statusCode?: number; code?: string }, request, reply) => {
    const status = error.statusCode ?? 500;
    if (status === 413) {
      return sendProxyError(reply, 413, `The body is larger than ${config.bodyLimit} bytes.`);
    }
    if (status === 415) {
      const type = request.headers['content-type'] ?? 'none';
      return sendProxyError(reply, 415, `Unsupported media type ${type}: send application/json.`);
    }
    if (status === 400) {
      return sendProxyError(reply, 400, 'The body is not valid JSON.', { detail: error.message });
    }
    if (status >= 400 && status < 500) {
      return sendProxyError(reply, status, error.message);
    }
    request.log.error(
      { err: { type: error.name, message: error.message, code: error.code } },
      'unexpected error',
    );
    return sendProxyError(reply, 500, 'Internal error of the proxy.');
  });
  async function drain(deadlineMs: number): Promise<boolean> {
    readiness.draining = true;
    // The listener stays open until the forwarded requests are done: a load balancer's health check gets /readyz's
    // 503 and takes the replica out, where a closed port would look like a crash; new logoffs get a 503 to retry
    // elsewhere.
    let timer: NodeJS.Timeout | undefined;
    const inTime = await Promise.race([
      inFlight.idle().then(() => true),
      new Promise<boolean>((resolve) => {
        timer = setTimeout(() => resolve(false), deadlineMs);
      }),
    ]);
    clearTimeout(timer);
    const closed = app.close();
    app.server.closeAllConnections();
    await closed;
    return inTime;
  }
  return { app, readiness, drain };
}

/** The service, as the library entry publishes it (see ProxyApp). */
export function buildServer(options: ServerOptions): ProxyServer {
  return buildFastifyServer(options);
}
