import {
  BoundedBody,
  BufferedResponse,
  DEFAULT_MAX_RESPONSE_BYTES,
  oversizedError,
} from './buffered-response.js';
import { bodyOf } from './wire.js';

/**
 * What the client reads from an answer. A web `Response` has all of it; core's undici transport answers with
 * a lighter object (no stream, no `Headers` validation) that has it too.
 */
export interface TransportResponse {
  readonly status: number;
  readonly ok: boolean;
  /** The reason phrase, when the transport knows it. */
  readonly statusText?: string;
  readonly headers: { get(name: string): string | null };
  text(): Promise<string>;
}

/** Sends a request. See `@wks-logoff/core/undici` for a pooled, proxy-aware one. */
export type Transport = (request: Request) => Promise<TransportResponse>;

const CORE_TRANSPORT = Symbol.for('wks-logoff.core-transport');

/** Marks a transport that reads request bodies with `bodyOf` (so the client may leave them off the Request). */
export function coreTransport(transport: Transport): Transport {
  return Object.assign(transport, { [CORE_TRANSPORT]: true });
}

export function isCoreTransport(transport: Transport): boolean {
  return (transport as { [CORE_TRANSPORT]?: boolean })[CORE_TRANSPORT] === true;
}

/**
 * The default transport: the global `fetch`, given the URL and the body rather than the `Request` itself.
 * Node 20's fetch streams a `Request`'s body (measured ~1.3× the time of a plain fetch for a logoff), while a
 * body of known length goes out in one write. The answer is read whole, up to 64 KiB.
 */
export const fetchTransport: Transport = coreTransport(async (request) => {
  const response = await fetch(request.url, {
    method: request.method,
    headers: request.headers,
    body: await bodyOf(request),
    signal: request.signal,
    redirect: request.redirect,
  });
  const body = new BoundedBody(DEFAULT_MAX_RESPONSE_BYTES);
  const tooLarge = () => oversizedError(request.url, response.status, body.limit);
  if (!body.fits(response.headers.get('content-length'))) {
    await response.body?.cancel();
    throw tooLarge();
  }
  const reader = response.body?.getReader();
  for (let read = await reader?.read(); read && !read.done; read = await reader?.read()) {
    if (!body.push(read.value)) {
      // Cancelling the stream ends the connection: what is left could be anything in size.
      await reader?.cancel();
      throw tooLarge();
    }
  }
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  return new BufferedResponse(response.status, response.statusText, headers, body.bytes());
});
