// Caller keys: stored only as SHA-256 digests in the keys file (keys-file.ts), compared in constant time, re-read
// on SIGHUP, each with its rate.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { type CallerKey, KeysFileError, parseKeys } from './keys-file.js';

export function hashKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** A new random caller key (256 bits). */
export function generateKey(): string {
  return `wksp_${randomBytes(32).toString('base64url')}`;
}

interface Bucket {
  tokens: number;
  at: number;
}

export class KeyStore {
  private entries: { key: CallerKey; digest: Buffer }[] = [];
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    readonly path: string,
    private readonly now: () => number = Date.now,
  ) {}

  get size(): number {
    return this.entries.length;
  }

  /** (Re-)reads the file; on error the previous keys stay in force and the error is thrown. */
  async load(): Promise<void> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (error) {
      throw new KeysFileError(this.path, [
        `cannot read it (${(error as { code?: string }).code ?? 'error'})`,
      ]);
    }
    this.entries = parseKeys(text, this.path).map((key) => ({ key, digest: Buffer.from(key.sha256, 'hex') }));
  }

  /** The key whose digest matches, checked against every entry in constant time. */
  authenticate(presented: string): CallerKey | undefined {
    const digest = createHash('sha256').update(presented, 'utf8').digest();
    let match: CallerKey | undefined;
    for (const entry of this.entries) {
      if (timingSafeEqual(digest, entry.digest) && !match) {
        match = entry.key;
      }
    }
    return match;
  }

  static allows(key: CallerKey, projectId: string): boolean {
    return key.projects.includes('*') || key.projects.includes(projectId);
  }

  /**
   * Milliseconds to wait when the key is over its rate, or 0. A token bucket holding one second's worth, and at
   * least one request: a rate below 1 (e.g. `rate / replicas`) allows one request every `1 / rate` seconds.
   */
  throttle(key: CallerKey): number {
    if (!key.rate) {
      return 0;
    }
    const now = this.now();
    const capacity = Math.max(1, key.rate);
    const bucket = this.buckets.get(key.id) ?? { tokens: capacity, at: now };
    bucket.tokens = Math.min(capacity, bucket.tokens + ((now - bucket.at) / 1000) * key.rate);
    bucket.at = now;
    this.buckets.set(key.id, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.ceil(((1 - bucket.tokens) / key.rate) * 1000);
  }
}
