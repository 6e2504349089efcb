// The fastify instance's own settings, which only its constructor takes: the logger (JSON lines, secrets
// redacted), the limits and timeouts of a connection, the correlation ID, and the answers to what never reaches a
// route (plugins/client-errors.ts).
import type { Server } from 'node:http';
import { type FastifyBaseLogger, type FastifyHttpOptions, LogController } from 'fastify';
import pino from 'pino';
import type { ProxyConfig } from './config.js';
import { clientErrorHandler, frameworkErrors } from './plugins/client-errors.js';
import { correlationIdOf } from './plugins/correlation-id.js';

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

/** Where logs go: one JSON line per write (a Writable stream, a pino destination). */
export interface LogStream {
  write(line: string): void;
}

export function fastifyOptions(
  config: ProxyConfig,
  logStream: LogStream | undefined,
): FastifyHttpOptions<Server, FastifyBaseLogger> {
  const logger = pino(
    {
      level: config.logLevel,
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      base: { service: 'wks-logoff-proxy' },
    },
    logStream ?? pino.destination(1),
  );
  return {
    loggerInstance: logger as FastifyBaseLogger,
    bodyLimit: config.bodyLimit,
    // Long enough that an over-long project_id reaches validation (400) instead of the router's 414.
    routerOptions: { maxParamLength: 1024 },
    requestIdHeader: false,
    // One line per request is enough: logoffs get their audit line, failures theirs (plugins/audit.ts).
    logController: new LogController({ disableRequestLogging: true, requestIdLogLabel: 'correlationId' }),
    genReqId: correlationIdOf,
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
      // Node answers a missing Host with a bare 400 of its own; plugins/client-errors.ts answers it in the spec's shape.
      requireHostHeader: false,
    },
    clientErrorHandler: clientErrorHandler(config.bodyTimeoutMs),
    frameworkErrors,
  };
}
