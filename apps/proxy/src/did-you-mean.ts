// "Did you mean …?" for a name that is none of the known ones: the known name it most likely meant, when the
// difference looks like a slip (a typo, a swapped or missing letter, another case or separator, a name without
// its prefix) rather than another word.

/** Case and separators do not tell names apart: `wks-proxy-port`, `WKS_PROXY_PORT` and `wksProxyPort` are one. */
const comparable = (name: string) => name.toLowerCase().replace(/[^a-z0-9]/g, '');

/** Edits (insert, delete, replace, swap two neighbours) between two words. */
function distance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  const at = (i: number, j: number) => rows[i]?.[j] ?? Number.POSITIVE_INFINITY;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, at(i - 2, j - 2) + 1);
      }
      (rows[i] as number[])[j] = best;
    }
  }
  return at(a.length, b.length);
}

export function didYouMean(name: string, known: readonly string[]): string | undefined {
  const wanted = comparable(name);
  if (wanted.length === 0) {
    return undefined;
  }
  // A slip costs at most one edit in four letters (one in a short name).
  const allowed = Math.max(1, Math.floor(wanted.length / 4));
  let best: { name: string; edits: number } | undefined;
  let tied = false;
  for (const candidate of known) {
    const form = comparable(candidate);
    // `port` for WKS_PROXY_PORT: the name without its prefix.
    const edits = wanted.length >= 4 && form.endsWith(wanted) ? 0 : distance(wanted, form);
    if (edits > allowed || (best && edits > best.edits)) {
      continue;
    }
    tied = best?.edits === edits;
    best = tied ? best : { name: candidate, edits };
  }
  // Two names as likely as each other: a guess would mislead as often as it helps.
  return tied ? undefined : best?.name;
}
