import type { WksError } from '../errors/classes.js';

/** What an Auth sees of a request about to be sent. */
export interface AuthRequest {
  readonly method: string;
  readonly url: string;
  /** Set the headers that authenticate the request here. */
  readonly headers: Headers;
  /** The exact body that will be sent (what a signature must hash), or undefined when there is none. */
  readonly body: string | undefined;
}

/** How a request is authenticated. It runs again on every attempt, so signatures and tokens are fresh. */
export interface Auth {
  /**
   * How it authenticates, in a word for logs and hints (never a secret): core's are `aksk`, `iam-token`,
   * `iam-password` and `bearer`; yours may name its own.
   */
  readonly scheme: string;
  /** Where the credentials came from, named in hints: a variable or a file (never a secret), when known. */
  readonly source?: string | undefined;
  /** Sets the headers that authenticate `request`, in place. */
  authorize(request: AuthRequest): void | Promise<void>;
  /**
   * Called when an attempt failed. Resolves true when the failure meant these credentials had expired and fresh
   * ones were obtained, so the request is worth sending once more; the Auth decides (an IAM token provider does
   * on `APIGW.0307`).
   */
  refresh?(error: WksError): Promise<boolean>;
}
