import { MAX_DESKTOP_IDS_PER_REQUEST } from '../spec/limits.js';

/** The chunk size to use: the caller's, bounded by the spec's maxItems. */
export function chunkSizeOf(requested: number | undefined): number {
  const size = requested ?? MAX_DESKTOP_IDS_PER_REQUEST;
  if (!Number.isInteger(size) || size < 1 || size > MAX_DESKTOP_IDS_PER_REQUEST) {
    throw new RangeError(
      `chunkSize must be an integer from 1 to ${MAX_DESKTOP_IDS_PER_REQUEST} (got ${size})`,
    );
  }
  return size;
}

/** Splits a list in two halves (the first one larger by at most one). */
export function halves<T>(items: readonly T[]): [T[], T[]] {
  const middle = Math.ceil(items.length / 2);
  return [items.slice(0, middle), items.slice(middle)];
}
