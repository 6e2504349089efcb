// The proxy's own answers, in the spec's error shapes: 400 in the service shape (with error_detail), every
// other status in the gateway shape whose request_id is the correlation ID. Codes are `WKSP.0<status>`.
import type { FastifyReply } from 'fastify';

export function proxyCode(status: number): string {
  return `WKSP.${String(status).padStart(4, '0')}`;
}

export function sendProxyError(
  reply: FastifyReply,
  status: number,
  message: string,
  options: { detail?: string; headers?: Record<string, string> } = {},
) {
  const code = proxyCode(status);
  const body =
    status === 400
      ? {
          error_code: code,
          error_msg: message,
          ...(options.detail ? { error_detail: options.detail.slice(0, 1000) } : {}),
        }
      : { error_code: code, error_msg: message, request_id: String(reply.request.id) };
  return reply
    .code(status)
    .headers(options.headers ?? {})
    .type('application/json')
    .send(body);
}
