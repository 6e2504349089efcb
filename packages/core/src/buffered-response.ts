// An answer read whole into memory: what core's undici transport hands the client. A logoff's answer is a
// few hundred bytes, and a web Response over them (a stream, validated Headers) cost more CPU than the
// request itself on the proxy's hot path.
import type { TransportResponse } from './transport.js';

type RawHeaders = Record<string, string | string[] | undefined>;

/** Headers over undici's parsed object (lowercase names); a repeated one reads as `a, b`, as with fetch. */
export class ResponseHeaders {
  readonly #headers: RawHeaders;

  constructor(headers: RawHeaders) {
    this.#headers = headers;
  }

  get(name: string): string | null {
    const value = this.#headers[name.toLowerCase()];
    if (value === undefined) return null;
    return Array.isArray(value) ? value.join(', ') : value;
  }
}

export class BufferedResponse implements TransportResponse {
  readonly status: number;
  readonly statusText: string;
  readonly ok: boolean;
  readonly headers: ResponseHeaders;
  readonly #bytes: Buffer;

  constructor(status: number, statusText: string, headers: RawHeaders, bytes: Buffer) {
    this.status = status;
    this.statusText = statusText;
    this.ok = status >= 200 && status < 300;
    this.headers = new ResponseHeaders(headers);
    this.#bytes = bytes;
  }

  async text(): Promise<string> {
    return this.#bytes.toString('utf8');
  }
}
