import {
  BoundedBody,
  BufferedResponse,
  DEFAULT_MAX_RESPONSE_BYTES,
  oversizedError,
} from './buffered-response.js';
import { coreTransport, type Transport } from './types.js';
import { bodyOf, signalOf } from './wire.js';

/**
 * The default transport: the global `fetch`, given the URL and the body rather than the `Request` itself.
 * Node 20's fetch streams a `Request`'s body (slower per call: the "Request object" row of bench/client.mjs), while
 * a body of known length goes out in one write. The answer is read whole, up to 64 KiB; a redirect is not followed.
 * A factory like `nodeHttpTransport()` and `undiciTransport()`, so every transport is chosen the same way.
 */
export function fetchTransport(): Transport {
  return coreTransport((request) => sendWithFetch(request));
}

async function sendWithFetch(request: Request): Promise<BufferedResponse> {
  const response = await fetch(request.url, {
    method: request.method,
    headers: request.headers,
    body: await bodyOf(request),
    signal: signalOf(request) ?? null,
    // Never followed: a redirect's target would get the credentials, and its answer would pass for the cloud's.
    redirect: 'manual',
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
  // get() joins a repeated header (Set-Cookie included, which forEach hands over one value at a time).
  const headers: Record<string, string> = {};
  for (const name of response.headers.keys()) {
    headers[name] = response.headers.get(name) as string;
  }
  return new BufferedResponse(response.status, response.statusText, headers, body.bytes());
}
