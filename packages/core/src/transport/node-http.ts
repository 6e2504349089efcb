// A transport on Node's own http/https clients: no dependency, pooled keep-alive agents, and cheap on a process's
// first request, where fetch first loads undici inside Node, which a one-shot CLI run feels (bench/first-request.mjs
// and bench/client.mjs measure both). Like `fetch`, it ignores HTTP(S)_PROXY: use `@wks-logoff/core/undici` behind a
// corporate proxy.
import type * as Http from 'node:http';
import type * as Https from 'node:https';
import {
  BoundedBody,
  BufferedResponse,
  DEFAULT_MAX_RESPONSE_BYTES,
  oversizedError,
} from './buffered-response.js';
import { coreTransport, type Transport } from './types.js';
import { toWire } from './wire.js';

export interface NodeHttpTransportOptions {
  /** The most of an answer to read, in bytes (default 64 KiB); a larger one fails the call (`oversized`). */
  maxResponseBytes?: number | undefined;
  /** Agent for http: URLs (default: a keep-alive agent of this transport's own). */
  httpAgent?: Http.Agent | undefined;
  /** Agent for https: URLs (default: a keep-alive agent of this transport's own). */
  httpsAgent?: Https.Agent | undefined;
}

type Client = { request: typeof Http.request; agent: Http.Agent };

export function nodeHttpTransport(options: NodeHttpTransportOptions = {}): Transport {
  // The modules are loaded on first use: importing core (e.g. for a CLI's --help) should not load TLS.
  const clients = new Map<string, Client>();
  const clientFor = (protocol: string): Client => {
    let client = clients.get(protocol);
    if (!client) {
      if (protocol !== 'http:' && protocol !== 'https:') {
        throw new TypeError(`unsupported protocol ${protocol}`);
      }
      const module = process.getBuiltinModule(
        protocol === 'https:' ? 'node:https' : 'node:http',
      ) as typeof Http;
      const given = protocol === 'https:' ? options.httpsAgent : options.httpAgent;
      client = { request: module.request, agent: given ?? new module.Agent({ keepAlive: true }) };
      clients.set(protocol, client);
    }
    return client;
  };

  const limit = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;

  return coreTransport(async (request) => {
    const { url, method, headers, body, signal } = await toWire(request);
    const { request: send, agent } = clientFor(url.protocol);
    if (body !== null) {
      headers['content-length'] = String(Buffer.byteLength(body));
    }
    return new Promise<BufferedResponse>((resolve, reject) => {
      const outgoing = send(url, { method, headers, agent, signal }, (incoming) => {
        const answer = new BoundedBody(limit);
        const status = incoming.statusCode ?? 0;
        // The connection is given up rather than drained: what is left could be anything in size.
        const tooLarge = () => {
          reject(oversizedError(url.href, status, limit));
          outgoing.destroy();
        };
        if (!answer.fits(incoming.headers['content-length'])) {
          return tooLarge();
        }
        incoming.on('data', (chunk: Buffer) => {
          if (!answer.push(chunk)) {
            tooLarge();
          }
        });
        incoming.on('end', () =>
          resolve(
            new BufferedResponse(status, incoming.statusMessage ?? '', incoming.headers, answer.bytes()),
          ),
        );
        incoming.on('error', fail);
      });
      // An abort surfaces as a generic AbortError: report the signal's own reason (e.g. the attempt's timeout).
      function fail(error: Error) {
        reject(signal?.aborted ? signal.reason : error);
      }
      outgoing.on('error', fail);
      outgoing.end(body ?? undefined);
    });
  });
}
