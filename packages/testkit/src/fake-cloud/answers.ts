// How the fake cloud answers: JSON with a fresh request ID, in the API gateway's error shape (APIGW codes, the
// request ID also in the body) or the Workspace service's (WKS codes, an optional `error_detail`).
import { randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';

export function newRequestId(): string {
  return randomBytes(16).toString('hex');
}

export function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
  response.end(text);
}

/** A gateway error; returns its request ID. */
export function gatewayError(
  response: ServerResponse,
  status: number,
  code: string,
  msg: string,
  headers: Record<string, string> = {},
): string {
  const id = newRequestId();
  sendJson(
    response,
    status,
    { error_code: code, error_msg: msg, request_id: id },
    { 'x-request-id': id, ...headers },
  );
  return id;
}

/** A service error; returns its request ID. */
export function serviceError(
  response: ServerResponse,
  status: number,
  code: string,
  msg: string,
  detail?: string,
): string {
  const id = newRequestId();
  sendJson(
    response,
    status,
    { error_code: code, error_msg: msg, ...(detail ? { error_detail: detail } : {}) },
    { 'x-request-id': id },
  );
  return id;
}

export function parseJson(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    return undefined;
  }
}
