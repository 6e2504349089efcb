// An answer read whole into memory: what core's undici transport hands the client. A logoff's answer is a
// few hundred bytes, and a web Response over them (a stream, validated Headers) cost more CPU than the
// request itself on the proxy's hot path.
import type { TransportResponse } from './transport.js';

type RawHeaders = Record<string, string | string[] | undefined>;

/** Read-only headers over undici's parsed object (lowercase names); repeated ones read as `a, b`, as fetch's. */
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

  has(name: string): boolean {
    return this.#headers[name.toLowerCase()] !== undefined;
  }

  forEach(callback: (value: string, name: string) => void): void {
    for (const name of Object.keys(this.#headers).sort()) {
      const value = this.get(name);
      if (value !== null) callback(value, name);
    }
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

  async json(): Promise<unknown> {
    return JSON.parse(this.#bytes.toString('utf8'));
  }

  async arrayBuffer(): Promise<ArrayBuffer> {
    const copy = new ArrayBuffer(this.#bytes.byteLength);
    new Uint8Array(copy).set(this.#bytes);
    return copy;
  }
}
