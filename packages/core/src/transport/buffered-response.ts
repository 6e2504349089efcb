// An answer read whole into memory, up to a limit: what core's transports hand the client. A logoff's answer is
// small, and a web Response over it (a stream, validated Headers) is costly CPU on the proxy's hot path; an answer
// far larger than a logoff's is not one, and reading it whole would let an upstream (or whatever sits in front of
// it) fill the caller's memory.
import { WorkspaceNetworkError } from '../errors/classes.js';
import type { TransportResponse } from './types.js';

/** The most of an answer core's transports read (a logoff's answer is under 2 KiB). */
export const DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024;

export function oversizedError(url: string, status: number, limit: number): WorkspaceNetworkError {
  return new WorkspaceNetworkError(
    'oversized',
    `The answer from ${new URL(url).origin} (HTTP ${status}) is larger than ${limit} bytes; it was not read.`,
  );
}

/** Collects an answer's chunks up to `limit` bytes; `push` says false once the answer is over it. */
export class BoundedBody {
  readonly #chunks: Uint8Array[] = [];
  #size = 0;

  constructor(readonly limit: number) {}

  /** False when the declared Content-Length is already over the limit. */
  fits(contentLength: string | string[] | null | undefined): boolean {
    const declared = Number(Array.isArray(contentLength) ? contentLength[0] : contentLength);
    return !(declared > this.limit);
  }

  push(chunk: Uint8Array): boolean {
    this.#size += chunk.byteLength;
    if (this.#size > this.limit) {
      return false;
    }
    this.#chunks.push(chunk);
    return true;
  }

  bytes(): Buffer {
    return Buffer.concat(this.#chunks);
  }
}

type RawHeaders = Record<string, string | string[] | undefined>;

/** Headers over undici's parsed object (lowercase names); a repeated one reads as `a, b`, as with fetch. */
export class ResponseHeaders {
  readonly #headers: RawHeaders;

  constructor(headers: RawHeaders) {
    this.#headers = headers;
  }

  get(name: string): string | null {
    const value = this.#headers[name.toLowerCase()];
    if (value === undefined) {
      return null;
    }
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
    // Stryker disable next-line ConditionalExpression: transports hand over final answers only (1xx are interim).
    this.ok = status >= 200 && status < 300;
    this.headers = new ResponseHeaders(headers);
    this.#bytes = bytes;
  }

  async text(): Promise<string> {
    return this.#bytes.toString('utf8');
  }
}
