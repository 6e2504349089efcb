// Faults the fake cloud can be told to inject. `before` faults hit before the logoff is processed (nothing was
// logged off); `after` faults hit once it was (the cloud did the work, the caller never heard).
export type FaultTiming = 'before' | 'after';

export type Fault =
  /** 429 APIGW.0308, with a `Retry-After` header when `retryAfter` is given. */
  | { type: 'throttle'; retryAfter?: string | undefined }
  /** An error status; gateway shape for APIGW codes, service shape otherwise. */
  | { type: 'status'; status: number; errorCode?: string; errorMsg?: string; when?: FaultTiming }
  /** A body that is not JSON (e.g. an HTML error page of a load balancer); `body` replaces the default page. */
  | { type: 'non-json'; status: number; body?: string; when?: FaultTiming }
  /**
   * An answer of `bytes` bytes of HTML, streamed in 64 KiB pieces as fast as the client reads them; with
   * `declareLength` its Content-Length is sent, else it is chunked (the size is known only by reading).
   */
  | { type: 'huge'; status: number; bytes: number; declareLength?: boolean; when?: FaultTiming }
  /** The connection is destroyed without an answer. */
  | { type: 'reset'; when?: FaultTiming }
  /** The answer's status line and headers are sent, then the connection is destroyed after a few body bytes. */
  | { type: 'reset-mid-answer'; status: number; when?: FaultTiming }
  /** The answer's status line and headers are sent at once, its (gateway error) body only after `delayMs`. */
  | { type: 'slow-body'; status: number; delayMs: number; when?: FaultTiming }
  /** The answer is delayed (then sent normally, unless the client gave up). */
  | { type: 'slow'; delayMs: number; when?: FaultTiming }
  /**
   * A redirect (3xx) whose `Location` is the same path at another origin: the fake cloud's `elsewhere` server,
   * which records what reaches it (a client that follows would hand it the request and its credentials).
   */
  | { type: 'redirect'; status: 301 | 302 | 303 | 307 | 308; when?: FaultTiming }
  /** A success status other than the spec's 200 (e.g. 202), with a request ID and an empty body. */
  | { type: 'other-success'; status: number; when?: FaultTiming };

export function timingOf(fault: Fault): FaultTiming {
  return 'when' in fault && fault.when ? fault.when : 'before';
}
