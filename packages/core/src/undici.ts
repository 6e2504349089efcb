// A pooled, proxy-aware transport on undici 7 (an optional peer dependency: import `@wks-logoff/core/undici`
// only where it is installed). Node 20's global fetch ignores HTTPS_PROXY/NO_PROXY; undici's EnvHttpProxyAgent
// honours them, and undici's `request` costs a fraction of the CPU of `fetch` on the proxy's hot path.
import { type Dispatcher, EnvHttpProxyAgent, request as undiciRequest } from 'undici';
import type { ProxySettings } from './auth/egress.js';
import { bodyOf } from './request-body.js';
import { coreTransport, type Transport } from './transport.js';

export interface UndiciTransportOptions {
  /** Dispatcher to send through (default: an EnvHttpProxyAgent reading HTTP(S)_PROXY and NO_PROXY). */
  dispatcher?: Dispatcher;
  /** Explicit proxy settings, instead of the environment's. */
  proxy?: ProxySettings;
}

const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);

export function undiciTransport(options: UndiciTransportOptions = {}): Transport {
  const dispatcher = options.dispatcher ?? new EnvHttpProxyAgent(options.proxy ?? {});
  return coreTransport(async (request) => {
    const known = await bodyOf(request);
    const body = known === null || typeof known === 'string' ? known : Buffer.from(known);
    const headers: Record<string, string> = {};
    request.headers.forEach((value, name) => {
      headers[name] = value;
    });
    const answer = await undiciRequest(request.url, {
      method: request.method as Dispatcher.HttpMethod,
      headers,
      body,
      signal: request.signal,
      dispatcher,
    });
    const responseHeaders = new Headers();
    for (const [name, value] of Object.entries(answer.headers)) {
      if (Array.isArray(value)) for (const item of value) responseHeaders.append(name, item);
      else if (value !== undefined) responseHeaders.set(name, value);
    }
    const bytes = await answer.body.arrayBuffer();
    // An empty body stays null: a Response over zero bytes would still build a stream.
    return new Response(NULL_BODY_STATUSES.has(answer.statusCode) || bytes.byteLength === 0 ? null : bytes, {
      status: answer.statusCode,
      headers: responseHeaders,
    });
  });
}
