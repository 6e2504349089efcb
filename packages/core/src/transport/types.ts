// What a transport is: a function from a request to an answer the client can read.
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
