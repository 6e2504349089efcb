// The proxy's own answers, in the spec's error shapes (bodies built by core's toErrorBody): 400 in the service
// shape (with error_detail), every other status in the gateway shape whose request_id is the correlation ID.
// Codes are `WKSP.0<status>`.
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import { toErrorBody } from '@wks-logoff/core';
import type { FastifyReply } from 'fastify';

function proxyCode(status: number): string {
  return `WKSP.${String(status).padStart(4, '0')}`;
}

export interface ProxyErrorOptions {
  detail?: string;
  headers?: Record<string, string>;
}

/** The body of one of the proxy's own error answers (built by core, in the spec's shapes). */
function proxyErrorBody(status: number, message: string, correlationId: string, detail?: string) {
  return toErrorBody({
    source: status === 400 ? 'service' : 'gateway',
    errorCode: proxyCode(status),
    errorMsg: message,
    errorDetail: detail,
    requestId: correlationId,
  });
}

/** Retry-After holds whole seconds: rounded up, so a caller is never invited back before the wait is over. */
export function retryAfter(waitMs: number): { 'retry-after': string } {
  return { 'retry-after': String(Math.ceil(waitMs / 1000)) };
}

export function sendProxyError(
  reply: FastifyReply,
  status: number,
  message: string,
  options: ProxyErrorOptions = {},
) {
  return reply
    .code(status)
    .headers(options.headers ?? {})
    .type('application/json')
    .send(proxyErrorBody(status, message, String(reply.request.id), options.detail));
}

/**
 * Writes an answer straight to a socket, for what never becomes a fastify request (a request the HTTP parser
 * refused, CONNECT), then closes the connection: after a framing error nothing more on it can be trusted.
 */
export function writeProxyError(
  socket: Socket,
  status: number,
  message: string,
  correlationId: string,
  options: ProxyErrorOptions = {},
): void {
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  const body = JSON.stringify(proxyErrorBody(status, message, correlationId, options.detail));
  const headers = {
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(body)),
    'x-correlation-id': correlationId,
    connection: 'close',
    ...options.headers,
  };
  const head = Object.entries(headers)
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join('');
  socket.end(`HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\n${head}\r\n${body}`);
}
