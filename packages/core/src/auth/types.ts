/**
 * How a request is authenticated. `authorize` receives the exact `Request` about to be sent and returns it
 * (headers set in place) or a replacement. It runs again on every attempt, so signatures and tokens are fresh.
 */
export interface Auth {
  /** A short name for logs and errors (never a secret). */
  readonly kind: string;
  authorize(request: Request): Request | Promise<Request>;
  /**
   * Called when the cloud rejected the credentials as expired (APIGW.0307). Returns true when fresh
   * credentials were obtained and the request is worth sending once more.
   */
  refresh?(): Promise<boolean>;
}
