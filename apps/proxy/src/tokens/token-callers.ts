// The callers known by a token: verifies a bearer JWT against the issuer it names (signature, iss, aud, exp, nbf,
// iat, with the issuer's algorithms and clock tolerance) and finds its caller. A token verified once is
// remembered until it expires, grows too old, or the key set it was checked with is due to be fetched again, so a
// warm token costs a lookup, not a signature. A reload replaces the whole configuration at once: a verification
// that began under the previous one is done again under the new one, and never remembered for it.
import { decodeJwt } from 'jose';
import { LRUCache } from 'lru-cache';
import { keysFileSchema } from '../generated/keys-file.js';
import type { Issuer, TokenCaller } from '../keys-file.js';
import { IssuerKeys, type KeySetOptions } from './issuer-keys.js';
import { matchCaller } from './match-caller.js';
import { refusal, refusalOf, type TokenRefusal } from './refusals.js';
import { verifyToken } from './verify-token.js';

/** A caller known by a token: its entry, and who the token says it is. */
export interface TokenIdentity {
  caller: TokenCaller;
  subject: string | undefined;
  issuer: string;
}

/** What an issuer's entry may leave out: the keys file's schema states the defaults (its `default`s). */
const ISSUER_DEFAULTS = {
  algorithms: [...keysFileSchema.$defs.Issuer.properties.algorithms.default],
  clockToleranceSeconds: keysFileSchema.$defs.Issuer.properties.clockToleranceSeconds.default,
  maxTokenAgeSeconds: keysFileSchema.$defs.Issuer.properties.maxTokenAgeSeconds.default,
};
/** Verified tokens remembered at most (each until it expires). */
const REMEMBERED = 10_000;

interface Configured {
  issuer: Issuer;
  keys: IssuerKeys;
  /** The entry as configured, to keep its key set across reloads that do not change it. */
  fingerprint: string;
}

/** One configuration, as a reload installs it: replaced whole, never changed in place. */
interface Configuration {
  issuers: ReadonlyMap<string, Configured>;
  callers: readonly TokenCaller[];
  /** Tokens verified under this configuration (a new one starts empty). */
  verified: LRUCache<string, { identity: TokenIdentity; until: number }>;
}

const emptyConfiguration = (): Configuration => ({
  issuers: new Map(),
  // Stryker disable next-line ArrayDeclaration: configure() replaces it (the keys file is loaded before serving).
  callers: [],
  verified: new LRUCache({ max: REMEMBERED }),
});

export class TokenCallers {
  #configuration = emptyConfiguration();

  constructor(
    private readonly keySetOptions: KeySetOptions,
    private readonly now: () => number = Date.now,
  ) {}

  get size(): number {
    return this.#configuration.callers.length;
  }

  /** Takes the keys file's issuers and callers; an unchanged issuer keeps its cached key set. */
  configure(issuers: readonly Issuer[], callers: readonly TokenCaller[]): void {
    const previous = this.#configuration.issuers;
    const next = new Map<string, Configured>();
    for (const issuer of issuers) {
      const fingerprint = JSON.stringify(issuer);
      const kept = previous.get(issuer.issuer);
      next.set(
        issuer.issuer,
        kept?.fingerprint === fingerprint
          ? kept
          : { issuer, fingerprint, keys: new IssuerKeys(issuer, this.keySetOptions, this.now) },
      );
    }
    this.#configuration = { ...emptyConfiguration(), issuers: next, callers };
  }

  /** The caller the token names, or why it was refused. */
  async identify(token: string): Promise<TokenIdentity | TokenRefusal> {
    const configuration = this.#configuration;
    const result = await this.#identifyUnder(configuration, token);
    // A reload landed meanwhile: the answer is the new configuration's.
    return this.#configuration === configuration ? result : this.identify(token);
  }

  async #identifyUnder(configuration: Configuration, token: string): Promise<TokenIdentity | TokenRefusal> {
    const remembered = configuration.verified.get(token);
    if (remembered && this.now() < remembered.until) {
      return remembered.identity;
    }
    let claimedIssuer: unknown;
    try {
      claimedIssuer = decodeJwt(token).iss;
    } catch {
      return refusal('malformed');
    }
    const configured =
      // Stryker disable next-line ConditionalExpression: a Map of issuer strings finds nothing for another type anyway.
      typeof claimedIssuer === 'string' ? configuration.issuers.get(claimedIssuer) : undefined;
    if (!configured) {
      return refusal('unknown-issuer');
    }
    const { issuer, keys } = configured;
    const maxAge = issuer.maxTokenAgeSeconds ?? ISSUER_DEFAULTS.maxTokenAgeSeconds;
    let payload: Awaited<ReturnType<typeof verifyToken>>;
    try {
      payload = await verifyToken(token, keys.getKey, {
        issuer: issuer.issuer,
        audience: issuer.audience,
        algorithms: issuer.algorithms ?? ISSUER_DEFAULTS.algorithms,
        clockTolerance: issuer.clockToleranceSeconds ?? ISSUER_DEFAULTS.clockToleranceSeconds,
        maxTokenAge: maxAge,
        requiredClaims: ['exp', 'iat'],
        currentDate: new Date(this.now()),
      });
    } catch (error) {
      return refusalOf(error);
    }
    const caller = matchCaller(configuration.callers, issuer.issuer, payload);
    if (!caller) {
      return refusal('no-caller');
    }
    const identity: TokenIdentity = { caller, subject: payload.sub, issuer: issuer.issuer };
    // Until it expires, grows too old, or its key set is due to be fetched again, whichever comes first.
    const until = Math.min(
      (payload.exp as number) * 1000,
      ((payload.iat as number) + maxAge) * 1000,
      keys.freshUntil,
    );
    configuration.verified.set(token, { identity, until });
    return identity;
  }
}

export function isRefusal(result: TokenIdentity | TokenRefusal): result is TokenRefusal {
  return 'reason' in result;
}
