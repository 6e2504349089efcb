// The exact body of each request the client built, kept on the Request under a registered symbol, so core's
// own transports need not read it back out of a stream (web streams are slow in Node 20). A registered symbol
// rather than a module-level map: a transport from another copy of core (a second install of the package) must find
// it too.
const BODY = Symbol.for('wks-logoff.request-body');

type WithBody = Request & { [BODY]?: string };

export function rememberBody(request: Request, body: string): void {
  (request as WithBody)[BODY] = body;
}

/** The body to send: the remembered string, else the Request's bytes, else none. */
export async function bodyOf(request: Request): Promise<string | ArrayBuffer | null> {
  return (request as WithBody)[BODY] ?? (request.body ? await request.arrayBuffer() : null);
}

// Node's Request follows the signal it was given through a controller only the Request holds, so once the Request is
// collected its own signal never aborts (nodejs/node#55428): a transport holding just `request.signal` would wait on
// a server that never answers past every timeout. The signal keeps its Request reachable while anything holds it.
const REQUEST_OF = new WeakMap<AbortSignal, Request>();

/** The request's signal, which keeps the request (and so its link to the caller's signal) alive. */
export function signalOf(request: Request): AbortSignal | undefined {
  // A request-like object a custom caller builds may have no signal.
  const { signal } = request;
  if (signal) {
    REQUEST_OF.set(signal, request);
  }
  return signal ?? undefined;
}

/** What a Node client needs to send a request: its URL, method, headers as a plain object, body and signal. */
export interface WireRequest {
  url: URL;
  method: string;
  headers: Record<string, string>;
  body: string | Buffer | null;
  signal: AbortSignal | undefined;
}

/** The request in the shape Node's clients (undici's dispatcher, node:http) take, shared by core's transports. */
export async function toWire(request: Request): Promise<WireRequest> {
  const known = await bodyOf(request);
  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => {
    headers[name] = value;
  });
  return {
    url: new URL(request.url),
    method: request.method,
    headers,
    body: known === null || typeof known === 'string' ? known : Buffer.from(known),
    signal: signalOf(request),
  };
}
