// buildServer(): the service as a composition of fastify plugins, in the order a request meets them. Side effects
// (listening, signals, files) stay in commands/serve.ts.
import type { Server } from 'node:http';
import type { ResolvedCredentials, Transport } from '@wks-logoff/core';
import Fastify, { type FastifyInstance } from 'fastify';
import type { BudgetClock } from './budget/clock.js';
import { budgetOptions } from './budget/options.js';
import type { Callers } from './callers.js';
import type { ProxyConfig } from './config.js';
import { fastifyOptions, type LogStream } from './fastify-options.js';
import { auditPlugin } from './plugins/audit.js';
import { authPlugin } from './plugins/auth.js';
import { budgetPlugin } from './plugins/budget.js';
import { clientErrorsPlugin } from './plugins/client-errors.js';
import { correlationIdPlugin } from './plugins/correlation-id.js';
import { drainPlugin } from './plugins/drain.js';
import { errorAnswersPlugin } from './plugins/error-answers.js';
import { jsonBodyPlugin } from './plugins/json-body.js';
import { metricsPlugin } from './plugins/metrics.js';
import { upstreamPlugin } from './plugins/upstream.js';
import { logoffRoute } from './routes/logoff.js';
import { opsRoutes, type Readiness } from './routes/ops.js';

export interface ServerOptions {
  config: ProxyConfig;
  keys: Callers;
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

/** The service with its fastify app typed in full: for the bin and the package's own tests. */
interface FastifyProxyServer extends ProxyServer {
  app: FastifyInstance;
}

export function buildFastifyServer(
  options: ServerOptions & {
    /** The upstream budget's time (default: the system's): tests move it, so no slot comes by waiting. */
    budgetClock?: BudgetClock | undefined;
  },
): FastifyProxyServer {
  const { config, keys } = options;
  const app = Fastify(fastifyOptions(config, options.logStream));
  // Over the cap, Node closes new connections as they arrive (answering would cost what the cap saves).
  app.server.maxConnections = config.maxConnections;
  const readiness: Readiness = {
    draining: false,
    problem: () => (keys.callers === 0 ? 'no callers (keys or token callers) are configured' : undefined),
    degraded: () => app.upstreamGate.degraded(),
  };
  app
    .register(metricsPlugin)
    .register(correlationIdPlugin)
    .register(clientErrorsPlugin)
    .register(drainPlugin, { readiness })
    .register(auditPlugin)
    .register(errorAnswersPlugin, { bodyLimit: config.bodyLimit })
    .register(jsonBodyPlugin)
    .register(upstreamPlugin, { credentials: options.credentials, config, transport: options.transport })
    .register(authPlugin, { callers: keys })
    // Whether an authenticated caller's request may go upstream now, later or not at all.
    .register(budgetPlugin, {
      budget: { ...budgetOptions(config), clock: options.budgetClock },
      attempts: config.upstreamAttempts,
    })
    .register(opsRoutes, { readiness })
    .register(logoffRoute, { upstreamTimeoutMs: config.upstreamTimeoutMs });
  return { app, readiness, drain: (deadlineMs) => app.drain(deadlineMs) };
}

/** The service, as the library entry publishes it (see ProxyApp). */
export function buildServer(options: ServerOptions): ProxyServer {
  return buildFastifyServer(options);
}
