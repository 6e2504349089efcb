// The request object openapi-fetch builds when core's own transports send it: the method, URL, headers and
// signal of a Request, without the body stream or the AbortSignal a web Request builds on construction. The
// body rides on the object instead (transport/wire.ts); an Auth is handed it explicitly.
export class OutgoingRequest {
  readonly url: string;
  readonly method: string;
  readonly headers: Headers;
  readonly signal: AbortSignal | undefined;

  constructor(input: string | URL, init: RequestInit = {}) {
    this.url = String(input);
    this.method = (init.method ?? 'GET').toUpperCase();
    // openapi-fetch hands over a Headers of its own, made for this request: keep it rather than copy it.
    this.headers = init.headers instanceof Headers ? init.headers : new Headers(init.headers);
    this.signal = init.signal ?? undefined;
  }
}
