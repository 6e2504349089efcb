// Answers what never becomes a fastify request, in the spec's shapes: requests Node's HTTP parser refuses
// (malformed framing, oversized headers, requests that did not arrive within the timeouts) and CONNECT. Node's and
// fastify's defaults answer these in a body of their own, or not at all. Each is logged and counted like any
// other failed request.
import { randomUUID } from 'node:crypto';
import { maxHeaderSize } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyBaseLogger } from 'fastify';
import { writeProxyError } from '../errors.js';

export interface ClientErrorDeps {
  log(): FastifyBaseLogger;
  /** Counts an answer in wks_proxy_requests_total. */
  count(route: string, method: string, status: number): void;
  /** The whole request (headers and body) must arrive within this many ms. */
  bodyTimeoutMs: number;
}

/** Node's `clientError`: a request the parser refused, or that did not arrive in time. */
export function clientErrorHandler(deps: ClientErrorDeps) {
  return (error: NodeJS.ErrnoException, socket: Socket): void => {
    // A reset leaves no one to answer; an answered connection (a 408, then the client hung up mid-body, which
    // the parser reports too) must not be answered, logged or counted twice.
    if (error.code === 'ECONNRESET' || socket.destroyed || socket.writableEnded) {
      return;
    }
    const code = error.code ?? 'unknown';
    const [status, message] =
      code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, `The request was not received within ${deps.bodyTimeoutMs} ms.`]
        : code === 'HPE_HEADER_OVERFLOW'
          ? [431, `The request's headers are larger than ${maxHeaderSize} bytes.`]
          : [400, 'Malformed HTTP request.'];
    const correlationId = randomUUID();
    deps.log().info({ correlationId, status, reason: code }, 'request failed');
    deps.count('unparsed', 'unknown', status);
    writeProxyError(socket, status, message, correlationId, status === 400 ? { detail: code } : {});
  };
}

/** Node's `connect`: CONNECT asks for a tunnel; the proxy is not an open relay. */
export function connectHandler(deps: ClientErrorDeps) {
  return (_request: unknown, socket: Socket): void => {
    const correlationId = randomUUID();
    deps.log().info({ correlationId, status: 405, method: 'CONNECT' }, 'request failed');
    deps.count('unmatched', 'CONNECT', 405);
    writeProxyError(socket, 405, 'Method CONNECT is not allowed: use POST.', correlationId, {
      headers: { allow: 'POST' },
    });
  };
}
