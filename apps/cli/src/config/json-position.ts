// Where a JSON text stops being JSON, as a line and a column, and why, in words that never quote the text (a
// profile holds secrets; V8's own message may quote it). V8 names a position for some errors only: for the others,
// the shortest prefix that already fails for a reason other than ending early is found by bisection.

function positionIn(message: string): number | undefined {
  const at = /at position (\d+)/.exec(message);
  return at ? Number(at[1]) : undefined;
}

function errorOf(text: string): string | undefined {
  try {
    JSON.parse(text);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

function failsBefore(text: string, end: number): boolean {
  const message = errorOf(text.slice(0, end));
  if (message === undefined || message.includes('Unexpected end of JSON input')) {
    return false;
  }
  const position = positionIn(message);
  return position === undefined || position < end;
}

function offsetOf(text: string, message: string): number {
  const position = positionIn(message);
  if (position !== undefined || message.includes('Unexpected end of JSON input')) {
    return Math.min(position ?? text.length, text.length);
  }
  let low = 0;
  let high = text.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (failsBefore(text, middle)) {
      high = middle;
    } else {
      low = middle + 1;
    }
  }
  return Math.max(0, low - 1);
}

/** `line 3, column 5: Expected double-quoted property name`, or undefined when `text` is JSON. */
export function describeJsonError(text: string): string | undefined {
  const message = errorOf(text);
  if (message === undefined) {
    return undefined;
  }
  const offset = offsetOf(text, message);
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  // V8 quotes the text after a double quote (`Unexpected token '}', "{"a": }" is not valid JSON`): cut there.
  const reason = (message.split('"')[0] as string)
    .replace(/( in JSON)? at position \d+.*$/, '')
    .replace(/ \(line \d+ column \d+\)$/, '')
    .replace(/[,\s.]+$/, '');
  return `line ${line}, column ${column}: ${reason}`;
}
