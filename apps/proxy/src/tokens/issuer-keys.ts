// The signing keys of one issuer: its key set, from `jwksUri` or from the address its discovery document gives,
// read with jose's local key set. Fetched when first needed and again once older than `maxAgeMs` (so a key the
// issuer stops publishing stops being accepted), and again for an unknown `kid` at most once per cooldown (so a
// flood of forged `kid`s cannot flood the identity provider). A failed fetch waits out the cooldown too, doubled
// while it keeps failing. The clock is the proxy's (injectable), not jose's.
import { createLocalJWKSet, errors, type JWTVerifyGetKey } from 'jose';
import type { Issuer } from '../keys-file.js';
import { discoveryUrl, keySetUrlOf } from './discovery.js';
import { FailureBackoff } from './failure-backoff.js';
import { addressForLog, fetchIdpDocument, IssuerUnavailable } from './idp-fetch.js';

export interface KeySetOptions {
  /** Least time between two fetches of a key set (and between attempts after a failure, doubled while it fails). */
  cooldownMs: number;
  /** A fetch of the key set or the discovery document gives up after this long. */
  timeoutMs: number;
  /** A key set older than this is fetched again before it is used (and tokens verified with it are checked again). */
  maxAgeMs: number;
}

type LocalKeySet = ReturnType<typeof createLocalJWKSet>;

export class IssuerKeys {
  #local: LocalKeySet | undefined;
  #fetchedAt = Number.NEGATIVE_INFINITY;
  /** The configured `jwksUri`, or the one discovery gave (kept once found). */
  #keySetUrl: string | undefined;
  #fetching: Promise<LocalKeySet> | undefined;
  readonly #backoff: FailureBackoff;

  constructor(
    private readonly issuer: Issuer,
    private readonly options: KeySetOptions,
    private readonly now: () => number = Date.now,
  ) {
    this.#keySetUrl = issuer.jwksUri;
    this.#backoff = new FailureBackoff(options.cooldownMs, now);
  }

  /** Until when the key set in hand may be used: a token verified with it is remembered no longer. */
  get freshUntil(): number {
    return this.#fetchedAt + this.options.maxAgeMs;
  }

  /** jose's key lookup: IssuerUnavailable when the key set cannot be fetched (now, or within the backoff). */
  readonly getKey: JWTVerifyGetKey = async (header, token) => {
    const local = this.#local && this.now() < this.freshUntil ? this.#local : await this.#fetch();
    try {
      return await local(header, token);
    } catch (error) {
      const coolingDown = this.now() - this.#fetchedAt < this.options.cooldownMs;
      if (error instanceof errors.JWKSNoMatchingKey && !coolingDown) {
        return (await this.#fetch())(header, token);
      }
      throw error;
    }
  };

  /** One fetch at a time: concurrent lookups share it. */
  #fetch(): Promise<LocalKeySet> {
    this.#fetching ??= this.#fetchKeySet().finally(() => {
      this.#fetching = undefined;
    });
    return this.#fetching;
  }

  async #fetchKeySet(): Promise<LocalKeySet> {
    const waitMs = this.#backoff.waitMs();
    if (waitMs > 0) {
      const error = new IssuerUnavailable(
        `its last fetch failed; the next is allowed in ${Math.ceil(waitMs / 1000)} s`,
      );
      error.retryAfterMs = waitMs;
      throw error;
    }
    const { timeoutMs } = this.options;
    try {
      this.#keySetUrl ??= keySetUrlOf(
        this.issuer.issuer,
        await fetchIdpDocument(discoveryUrl(this.issuer.issuer), timeoutMs),
      );
      const document = await fetchIdpDocument(this.#keySetUrl, timeoutMs);
      let local: LocalKeySet;
      try {
        local = createLocalJWKSet(document as Parameters<typeof createLocalJWKSet>[0]);
      } catch {
        throw new IssuerUnavailable(`${addressForLog(this.#keySetUrl)} did not answer a key set (JWKS)`);
      }
      this.#local = local;
      this.#fetchedAt = this.now();
      this.#backoff.succeeded();
      return local;
    } catch (error) {
      this.#backoff.failed();
      // Stryker disable next-line ConditionalExpression: every error here is one (discovery and fetches wrap theirs).
      if (error instanceof IssuerUnavailable) {
        error.retryAfterMs = this.#backoff.waitMs();
      }
      throw error;
    }
  }
}
