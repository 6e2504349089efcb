// Answers malformed requests in the spec's shapes, where Node's and fastify's defaults answer in a body of their
// own, or not at all: requests Node's HTTP parser refuses (malformed framing, oversized headers, requests that did
// not arrive within the timeouts), CONNECT, requests the router refuses, and HTTP/1.1 requests without Host. Each
// is logged and counted like any other failed request. The parser's and the router's are fastify's constructor
// options (clientErrorHandler, frameworkErrors), so they are exported for it; the rest is the plugin.
import { randomUUID } from 'node:crypto';
import { maxHeaderSize } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import fp from 'fastify-plugin';
import { sendProxyError, writeProxyError } from '../errors.js';

/**
 * Node's `clientError`: a request the parser refused, or that did not arrive in time (fastify calls it with
 * itself as `this`). The whole request must have arrived within `bodyTimeoutMs`.
 */
export function clientErrorHandler(bodyTimeoutMs: number) {
  return function answerClientError(
    this: FastifyInstance,
    error: NodeJS.ErrnoException,
    socket: Socket,
  ): void {
    // A reset leaves no one to answer; an answered connection (a 408, then the client hung up mid-body, which
    // the parser reports too) must not be answered, logged or counted twice.
    if (error.code === 'ECONNRESET' || socket.destroyed || socket.writableEnded) {
      return;
    }
    const code = error.code ?? 'unknown';
    const [status, message] =
      code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, `The request was not received within ${bodyTimeoutMs} ms.`]
        : code === 'HPE_HEADER_OVERFLOW'
          ? [431, `The request's headers are larger than ${maxHeaderSize} bytes.`]
          : [400, 'Malformed HTTP request.'];
    const correlationId = randomUUID();
    this.log.info({ correlationId, status, reason: code }, 'request failed');
    this.metrics.countAnswer('unparsed', 'unknown', status);
    writeProxyError(socket, status, message, correlationId, status === 400 ? { detail: code } : {});
  };
}

/**
 * Requests the router refuses (bad percent-encoding, an over-long parameter). No route means no hooks: the
 * correlation ID, the log line and the count are added here. The path is not echoed or logged (it is whatever
 * the caller sent).
 */
export const frameworkErrors: NonNullable<FastifyServerOptions['frameworkErrors']> = (
  error,
  request,
  reply,
) => {
  reply.header('x-correlation-id', request.id);
  request.log.info({ method: request.method, status: 400, reason: error.code }, 'request failed');
  request.server.metrics.countAnswer('unmatched', request.method, 400);
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') {
    return sendProxyError(reply, 400, 'Invalid project_id.', {
      detail: 'project_id must NOT have more than 255 characters',
    });
  }
  if (error.code === 'FST_ERR_BAD_URL') {
    return sendProxyError(reply, 400, 'Invalid URL: bad percent-encoding.');
  }
  return sendProxyError(reply, 400, 'Invalid request.');
};

function answerMalformedRequests(app: FastifyInstance): void {
  // CONNECT asks for a tunnel; the proxy is not an open relay.
  app.server.on('connect', (_request: unknown, socket: Socket) => {
    const correlationId = randomUUID();
    app.log.info({ correlationId, status: 405, method: 'CONNECT' }, 'request failed');
    app.metrics.countAnswer('unmatched', 'CONNECT', 405);
    writeProxyError(socket, 405, 'Method CONNECT is not allowed: use POST.', correlationId, {
      headers: { allow: 'POST' },
    });
  });
  // HTTP/1.1 requires Host (RFC 9112 §3.2); the proxy does not use it, but a request without it is malformed.
  // Node's own check answers a bare 400, so it is off (requireHostHeader) and this answers in the spec's shape.
  app.addHook('onRequest', (request, reply, done) => {
    if (request.raw.httpVersion === '1.1' && request.headers.host === undefined) {
      sendProxyError(reply, 400, 'Malformed HTTP request.', {
        detail: 'an HTTP/1.1 request needs a Host header',
      });
      return;
    }
    done();
  });
}

/** CONNECT and requests without Host, answered in the spec's shapes. */
export const clientErrorsPlugin = fp(answerMalformedRequests, {
  name: 'client-errors',
  fastify: '5.x',
  dependencies: ['metrics', 'correlation-id'],
});
