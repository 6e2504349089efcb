// The proxy's callers, from the keys file (keys-file.ts), re-read on SIGHUP: keys, stored only as SHA-256 digests
// and compared in constant time; and callers known by a token of a configured issuer (tokens/). Either kind has
// its projects and its rate, applied alike.
import { createHash, hash, randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { keySetOptions } from './config.js';
import { type CallerKey, KeysFileError, parseKeysFile } from './keys-file.js';
import type { KeySetOptions } from './tokens/issuer-keys.js';
import { TokenCallers } from './tokens/token-callers.js';

/** What the projects, rate and weight of any caller, by key or by token, are read from. */
export interface Caller {
  id: string;
  projects: readonly string[];
  rate?: number | undefined;
  /** Its share of the upstream budget while requests wait (default 1). */
  weight?: number | undefined;
}

export function hashKey(key: string): string {
  // Stryker disable next-line StringLiteral: an empty encoding is Node's default, utf8.
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** A new random caller key (256 bits). */
export function generateKey(): string {
  return `wksp_${randomBytes(32).toString('base64url')}`;
}

/** The callers in force, by key and by token: who they are, which projects they may use, their rates and weights. */
export class Callers {
  // Stryker disable next-line ArrayDeclaration: load() fills it before the proxy serves (it does not start without).
  private entries: { key: CallerKey; digest: Buffer }[] = [];
  /** Callers known by a token (the keys file's issuers and callers). */
  readonly tokens: TokenCallers;

  constructor(
    readonly path: string,
    now: () => number = Date.now,
    keySets: KeySetOptions = keySetOptions(),
  ) {
    this.tokens = new TokenCallers(keySets, now);
  }

  /** Keys in force. */
  get size(): number {
    return this.entries.length;
  }

  /** Callers in force, by key or by token. */
  get callers(): number {
    return this.entries.length + this.tokens.size;
  }

  /** (Re-)reads the file; on error the previous keys stay in force and the error is thrown. */
  async load(): Promise<void> {
    let bytes: Buffer;
    try {
      bytes = await readFile(this.path);
    } catch (error) {
      throw new KeysFileError(this.path, [
        // Stryker disable next-line StringLiteral: readFile's errors carry a code.
        `cannot read it (${(error as { code?: string }).code ?? 'error'})`,
      ]);
    }
    const file = parseKeysFile(bytes, this.path);
    this.entries = file.keys.map((key) => ({ key, digest: Buffer.from(key.sha256, 'hex') }));
    // Stryker disable next-line ArrayDeclaration: an entry that is not an issuer matches no token.
    this.tokens.configure(file.issuers ?? [], file.callers ?? []);
  }

  /** The key whose digest matches, checked against every entry in constant time. */
  authenticate(presented: string): CallerKey | undefined {
    // One-shot hashing: once per request, and a Hash object per call cost as much as the digest itself.
    const digest = hash('sha256', presented, 'buffer');
    let match: CallerKey | undefined;
    for (const entry of this.entries) {
      if (timingSafeEqual(digest, entry.digest) && !match) {
        match = entry.key;
      }
    }
    return match;
  }

  static allows(caller: Caller, projectId: string): boolean {
    return caller.projects.includes('*') || caller.projects.includes(projectId);
  }
}

/**
 * `Callers` under its name in 0.1.0, so embedders of 0.1.0 keep compiling.
 * @alias
 * @deprecated Use `Callers` (it holds callers, by key and by token); this name goes in the next major release.
 */
export const KeyStore = Callers;
/**
 * `Callers` under its name in 0.1.0.
 * @alias
 * @deprecated Use `Callers`.
 */
export type KeyStore = Callers;
