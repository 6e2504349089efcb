// Caller keys: stored only as SHA-256 digests in a JSON file, compared in constant time, re-read on SIGHUP.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { parseJsonFile } from './json-file.js';

export interface CallerKey {
  /** A name for logs and audit (never the key). */
  id: string;
  /** Lowercase hex SHA-256 of the key's UTF-8 bytes. */
  sha256: string;
  /** Project IDs the key may use, or ["*"]. */
  projects: string[];
  /** Requests per second at most (over it: 429). */
  rate?: number;
}

export class KeysFileError extends Error {
  override readonly name = 'KeysFileError';
  constructor(
    readonly path: string,
    readonly problems: string[],
  ) {
    super(`Keys file ${path} is invalid:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
  }
}

export function hashKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** A new random caller key (256 bits). */
export function generateKey(): string {
  return `wksp_${randomBytes(32).toString('base64url')}`;
}

export function parseKeys(text: string, path: string): CallerKey[] {
  const parsed = parseJsonFile(text);
  if (!parsed.ok) throw new KeysFileError(path, [parsed.problem]);
  const list = (parsed.value as { keys?: unknown })?.keys;
  if (!Array.isArray(list)) throw new KeysFileError(path, ['expected {"keys": [...]}']);
  const problems: string[] = [];
  const ids = new Set<string>();
  const keys: CallerKey[] = [];
  for (const [index, entry] of (list as Record<string, unknown>[]).entries()) {
    const where = `keys[${index}]`;
    if (!entry || typeof entry !== 'object') {
      problems.push(`${where} must be an object`);
      continue;
    }
    const { id, sha256, projects, rate } = entry;
    if (typeof id !== 'string' || !/^[A-Za-z0-9._-]{1,64}$/.test(id))
      problems.push(`${where}.id must be 1–64 letters, digits, '.', '_' or '-'`);
    else if (ids.has(id)) problems.push(`${where}.id "${id}" is used twice`);
    else ids.add(id);
    if (typeof sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(sha256))
      problems.push(`${where}.sha256 must be 64 lowercase hex characters`);
    if (
      !Array.isArray(projects) ||
      projects.length === 0 ||
      !projects.every((p) => typeof p === 'string' && p.length > 0)
    ) {
      problems.push(`${where}.projects must be a non-empty list of project IDs, or ["*"]`);
    }
    if (rate !== undefined && !(typeof rate === 'number' && rate > 0))
      problems.push(`${where}.rate must be a positive number`);
    keys.push({
      id: String(id),
      sha256: String(sha256),
      projects: (projects as string[]) ?? [],
      ...(rate !== undefined ? { rate: Number(rate) } : {}),
    });
  }
  if (problems.length > 0) throw new KeysFileError(path, problems);
  return keys;
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
      if (timingSafeEqual(digest, entry.digest) && !match) match = entry.key;
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
    if (!key.rate) return 0;
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
