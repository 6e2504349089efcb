// The signing keys of one issuer, through jose's remote key set (cached; fetched again for an unknown `kid` at
// most once per cooldown, so a flood of forged `kid`s cannot flood the identity provider). Without a `jwksUri`
// the key set's address comes from the issuer's discovery document, fetched once (after a failure, again at most
// once per cooldown).
import { createRemoteJWKSet, type JWTVerifyGetKey } from 'jose';
import type { Issuer } from '../keys-file.js';
import { isSecureUrl } from '../keys-file.js';

export interface KeySetOptions {
  /** Least time between two fetches of a key set (and between two discovery attempts). */
  cooldownMs: number;
  /** A fetch of the key set or the discovery document gives up after this long. */
  timeoutMs: number;
}

/** The identity provider could not be asked (down, slow, or answering nonsense): no token of it can be checked. */
export class IssuerUnavailable extends Error {
  override readonly name = 'IssuerUnavailable';
}

export class IssuerKeys {
  #keySet: JWTVerifyGetKey | undefined;
  #discovering: Promise<JWTVerifyGetKey> | undefined;
  #failedAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly issuer: Issuer,
    private readonly options: KeySetOptions,
    private readonly now: () => number = Date.now,
  ) {
    if (issuer.jwksUri) {
      this.#keySet = this.#remote(issuer.jwksUri);
    }
  }

  /** The key set to verify with; IssuerUnavailable when discovery failed (now or within the cooldown). */
  async keySet(): Promise<JWTVerifyGetKey> {
    if (this.#keySet) {
      return this.#keySet;
    }
    if (this.now() - this.#failedAt < this.options.cooldownMs) {
      throw new IssuerUnavailable('discovery failed recently');
    }
    this.#discovering ??= this.#discover().then(
      (keySet) => {
        this.#keySet = keySet;
        return keySet;
      },
      (error: unknown) => {
        this.#failedAt = this.now();
        this.#discovering = undefined;
        throw error instanceof IssuerUnavailable ? error : new IssuerUnavailable(String(error));
      },
    );
    return this.#discovering;
  }

  #remote(uri: string): JWTVerifyGetKey {
    return createRemoteJWKSet(new URL(uri), {
      cooldownDuration: this.options.cooldownMs,
      timeoutDuration: this.options.timeoutMs,
    });
  }

  async #discover(): Promise<JWTVerifyGetKey> {
    const url = `${this.issuer.issuer.replace(/\/$/, '')}/.well-known/openid-configuration`;
    const response = await fetch(url, {
      signal: AbortSignal.timeout(this.options.timeoutMs),
      redirect: 'error',
    });
    if (!response.ok) {
      throw new IssuerUnavailable(`discovery answered HTTP ${response.status}`);
    }
    const document = (await response.json()) as { jwks_uri?: unknown };
    if (typeof document.jwks_uri !== 'string' || !isSecureUrl(document.jwks_uri)) {
      throw new IssuerUnavailable('discovery gave no https jwks_uri');
    }
    return this.#remote(document.jwks_uri);
  }
}
