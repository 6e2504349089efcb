/**
 * How a request is authenticated. `authorize` receives the `Request` about to be sent and returns it (headers
 * set in place) or a replacement. `body` is the exact body that will be sent, when the caller knows it (the
 * client always passes it, and with core's own transports the request is a light stand-in for a Request that
 * carries no body: read `body`, set headers in place);
 * otherwise an implementation that needs it reads a clone. It runs again on every attempt, so signatures and
 * tokens are fresh.
 */
export interface Auth {
  /** A short name for logs and errors (never a secret). */
  readonly kind: string;
  authorize(request: Request, body?: string | Uint8Array): Request | Promise<Request>;
  /**
   * Called when the cloud rejected the credentials as expired (APIGW.0307). Returns true when fresh
   * credentials were obtained and the request is worth sending once more.
   */
  refresh?(): Promise<boolean>;
}
