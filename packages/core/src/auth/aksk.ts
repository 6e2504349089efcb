import { checkCredential } from './credential.js';
import { formatSdkDate, type SignOptions, signRequest } from './signer.js';
import type { Auth } from './types.js';

export interface AkskCredentials {
  accessKey: string;
  secretKey: string;
  /** For temporary credentials: sent as `X-Security-Token` and signed. */
  securityToken?: string | undefined;
}

export interface AkskAuthOptions extends AkskCredentials {
  /** Sent as `X-Project-Id` and signed, as the official SDKs do. */
  projectId?: string | undefined;
  /** Sign this host instead of the URL's (for gateways that rewrite `Host`). */
  host?: string | undefined;
  /** Which headers to sign (default: content-type, host, x-project-id, x-sdk-date, x-security-token). */
  signedHeaders?: readonly string[] | 'all' | undefined;
  /**
   * Milliseconds to add to the local clock: the gateway rejects an `X-Sdk-Date` more than 15 minutes from its
   * own time, so a machine whose clock is known to be off can correct it here.
   */
  clockSkewMs?: number | undefined;
  /** The clock (tests). */
  now?: (() => Date) | undefined;
}

/**
 * Signs each request with SDK-HMAC-SHA256. Runs on every attempt, so `X-Sdk-Date` is fresh on retries; hashes
 * the exact body that will be sent (the client hands it over). A missing, empty or malformed key or token is
 * refused at once with a ConfigurationError.
 */
export function akskAuth(options: AkskAuthOptions): Auth {
  const { projectId } = options;
  const accessKey = checkCredential(options.accessKey, 'The access key given to akskAuth');
  const secretKey = checkCredential(options.secretKey, 'The secret key given to akskAuth');
  const securityToken =
    options.securityToken === undefined
      ? undefined
      : checkCredential(options.securityToken, 'The security token given to akskAuth');
  const now = options.now ?? (() => new Date());
  const skew = options.clockSkewMs ?? 0;
  const signOptions: SignOptions = { host: options.host, signedHeaders: options.signedHeaders };
  return {
    scheme: 'aksk',
    authorize(request) {
      request.headers.set('X-Sdk-Date', formatSdkDate(new Date(now().getTime() + skew)));
      if (projectId) {
        request.headers.set('X-Project-Id', projectId);
      }
      if (securityToken) {
        request.headers.set('X-Security-Token', securityToken);
      }
      const { authorization } = signRequest(
        { method: request.method, url: request.url, headers: request.headers, body: request.body },
        { accessKey, secretKey },
        signOptions,
      );
      request.headers.set('Authorization', authorization);
    },
  };
}
