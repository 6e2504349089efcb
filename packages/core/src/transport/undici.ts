// A pooled, proxy-aware transport on undici 7 (an optional peer dependency: import `@wks-logoff/core/undici`
// only where it is installed). Node 20's global fetch ignores HTTPS_PROXY/NO_PROXY; undici's EnvHttpProxyAgent
// honours them. It talks to undici's dispatcher directly: `fetch`, and even undici's own `request` (a Readable per
// answer, an async resource, abort listeners), cost far more CPU per call (bench/client.mjs measures them).
import { Agent, type Dispatcher, EnvHttpProxyAgent } from 'undici';
import {
  BoundedBody,
  BufferedResponse,
  DEFAULT_MAX_RESPONSE_BYTES,
  oversizedError,
} from './buffered-response.js';
import { type ProxySettings, proxySettingsFromEnv } from './proxy-settings.js';
import { coreTransport, type Transport } from './types.js';
import { toWire } from './wire.js';

// The types this entry's signatures name, so that it stands on its own.
export type { ProxySettings } from './proxy-settings.js';
export type { Transport, TransportResponse } from './types.js';

export interface UndiciTransportOptions {
  /** Dispatcher to send through (default: see `proxy`). */
  dispatcher?: Dispatcher | undefined;
  /** The most of an answer to read, in bytes (default 64 KiB); a larger one fails the call (`oversized`). */
  maxResponseBytes?: number | undefined;
  /**
   * Proxy settings. Default: those of HTTP(S)_PROXY and NO_PROXY, read once when the transport is made;
   * without any, a plain pooled Agent.
   */
  proxy?: ProxySettings | undefined;
}

function defaultDispatcher(proxy: ProxySettings | undefined): Dispatcher {
  if (!proxy) {
    return new Agent();
  }
  // An explicit noProxy keeps the agent from re-reading the environment on every request.
  return new EnvHttpProxyAgent({ ...proxy, noProxy: proxy.noProxy ?? '' });
}

export function undiciTransport(options: UndiciTransportOptions = {}): Transport {
  const dispatcher =
    options.dispatcher ?? defaultDispatcher(options.proxy ?? proxySettingsFromEnv(process.env));
  const limit = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  return coreTransport(async (request) => {
    const { url, method, headers, body, signal } = await toWire(request);
    return exchange(
      dispatcher,
      {
        origin: url.origin,
        path: url.pathname + url.search,
        method: method as Dispatcher.HttpMethod,
        headers,
        body,
      },
      signal,
      limit,
    );
  });
}

/** Dispatches one request and reads its answer whole, up to `limit` bytes; the signal aborts it at any point. */
function exchange(
  dispatcher: Dispatcher,
  options: Dispatcher.DispatchOptions,
  signal: AbortSignal | undefined,
  limit: number,
): Promise<BufferedResponse> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      return reject(signal.reason);
    }
    let controller: Dispatcher.DispatchController | undefined;
    let status = 0;
    let statusText = '';
    let headers: Record<string, string | string[] | undefined> = {};
    const answer = new BoundedBody(limit);
    const tooLarge = (controller: Dispatcher.DispatchController) => {
      const error = oversizedError(String(options.origin), status, limit);
      settle();
      reject(error);
      controller.abort(error);
    };
    const settle = () => signal?.removeEventListener('abort', onAbort);
    const onAbort = () => {
      // Before a socket takes the request there is nothing to abort yet: answer now, abort it when it starts.
      if (controller) {
        return controller.abort(signal?.reason);
      }
      settle();
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    const handler: Dispatcher.DispatchHandler = {
      onRequestStart(started) {
        controller = started;
        if (signal?.aborted) {
          started.abort(signal.reason);
        }
      },
      onResponseStart(started, statusCode, responseHeaders, statusMessage) {
        // 1xx answers are interim: the final one follows on the same exchange.
        if (statusCode < 200) {
          return;
        }
        status = statusCode;
        statusText = statusMessage ?? '';
        headers = responseHeaders as Record<string, string | string[] | undefined>;
        if (!answer.fits(headers['content-length'])) {
          tooLarge(started);
        }
      },
      onResponseData(started, chunk) {
        if (!answer.push(chunk)) {
          tooLarge(started);
        }
      },
      onResponseEnd() {
        settle();
        resolve(new BufferedResponse(status, statusText, headers, answer.bytes()));
      },
      onResponseError(_controller, error) {
        settle();
        reject(error);
      },
    };
    try {
      dispatcher.dispatch(options, handler);
    } catch (error) {
      settle();
      reject(error);
    }
  });
}
