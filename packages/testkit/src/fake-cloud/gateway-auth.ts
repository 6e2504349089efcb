// The API gateway's authentication: an IAM token (valid, expired or unknown), or an AK/SK signature checked
// against the key's secret, the X-Sdk-Date skew and the security token of temporary credentials. After five
// failures in a row an AK is locked out, as the real gateway does.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { gatewayError } from './answers.js';
import type { FakeIam } from './iam.js';
import { parseAuthorization, parseSdkDate, verifySignature } from './verify-signature.js';

const MAX_SKEW_MS = 15 * 60 * 1000;
const LOCKOUT_FAILURES = 5;

/** AK → SK, or the SK and the security token required with it (temporary credentials). */
export type FakeKeys = Record<string, string | { secretKey: string; securityToken: string }>;

export class GatewayAuth {
  readonly #keys: Map<string, { secretKey: string; securityToken: string | undefined }>;
  /** Failures in a row, per AK. */
  readonly #failures = new Map<string, number>();

  constructor(
    keys: FakeKeys,
    private readonly iam: FakeIam,
    private readonly now: () => number,
  ) {
    this.#keys = new Map(
      Object.entries(keys).map(([ak, v]) => [
        ak,
        typeof v === 'string' ? { secretKey: v, securityToken: undefined } : v,
      ]),
    );
  }

  /** True when the request may pass; otherwise its 401 was sent. */
  check(raw: IncomingMessage, body: Buffer, response: ServerResponse): boolean {
    const token = raw.headers['x-auth-token'];
    if (typeof token === 'string') {
      return this.#checkToken(token, response);
    }
    const parsed = parseAuthorization(raw.headers.authorization);
    if (!parsed) {
      return this.#refuse(response, 'x-auth-token not found');
    }
    const ak = parsed.accessKey;
    if ((this.#failures.get(ak) ?? 0) >= LOCKOUT_FAILURES) {
      return this.#refuse(response, 'AK access failed to reach the limit,forbidden');
    }
    const key = this.#keys.get(ak);
    const date = parseSdkDate(String(raw.headers['x-sdk-date'] ?? ''));
    const fresh = Number.isFinite(date) && Math.abs(this.now() - date) <= MAX_SKEW_MS;
    const tokenOk = !key?.securityToken || raw.headers['x-security-token'] === key.securityToken;
    const signed =
      key &&
      tokenOk &&
      verifySignature(raw.method ?? 'GET', raw.url ?? '/', raw.headers, body, parsed, key.secretKey);
    if (key && signed && fresh) {
      this.#failures.delete(ak);
      return true;
    }
    this.#failures.set(ak, (this.#failures.get(ak) ?? 0) + 1);
    const why = !key
      ? `Get secretKey failed,ak:${ak},err:ak not exist`
      : fresh
        ? 'verify aksk signature fail'
        : 'x-sdk-date is out of range';
    return this.#refuse(response, why);
  }

  #checkToken(token: string, response: ServerResponse): boolean {
    const state = this.iam.tokenState(token);
    if (state === 'valid') {
      return true;
    }
    if (state === 'expired') {
      gatewayError(response, 401, 'APIGW.0307', 'The token must be updated.');
      return false;
    }
    return this.#refuse(response, 'decrypt token fail');
  }

  #refuse(response: ServerResponse, why: string): false {
    gatewayError(response, 401, 'APIGW.0301', `Incorrect IAM authentication information: ${why}`);
    return false;
  }
}
