// Invalid IDs as the refusal (exit 2) and the dry run name them, by one rule: the first 20, each quoted and cut past
// 60 characters, then a count of the rest, so that a file of bad lines or one huge line never floods the terminal.

const NAMED_AT_MOST = 20;

/** An ID as quoted beside its reason: in JSON quotes, cut to its first 57 characters when longer than 60. */
export function quotedId(id: string): string {
  return JSON.stringify(id.length > 60 ? `${id.slice(0, 57)}...` : id);
}

/** A line for each of the first 20 invalid IDs, then one counting the rest. */
export function invalidIdLines<T>(
  invalid: readonly T[],
  line: (bad: T) => string,
  rest: (count: number) => string,
): string[] {
  const lines = invalid.slice(0, NAMED_AT_MOST).map(line);
  if (invalid.length > NAMED_AT_MOST) {
    lines.push(rest(invalid.length - NAMED_AT_MOST));
  }
  return lines;
}
