// Parses the text of an operator's JSON file. A syntax error is named by file, line and column only: these files
// may hold secrets, and V8's own messages quote the text around the error ("Unexpected token 'h', "…" is not
// valid JSON"). jsonc-parser finds where the error is without quoting anything.
import { type ParseError, parse, printParseErrorCode } from 'jsonc-parser';

export type JsonFileResult = { ok: true; value: unknown } | { ok: false; problem: string };

/** `InvalidSymbol` → `invalid symbol` */
function words(code: string): string {
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, column: offset - lineStart + 1 };
}

/** The parsed value, or where the text breaks JSON (callers name the file). */
export function parseJsonFile(text: string): JsonFileResult {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    const errors: ParseError[] = [];
    parse(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
    const first = errors[0];
    if (!first) {
      return { ok: false, problem: 'not valid JSON' };
    }
    const { line, column } = lineAndColumn(text, first.offset);
    return {
      ok: false,
      problem: `not valid JSON at line ${line}, column ${column} (${words(printParseErrorCode(first.error))})`,
    };
  }
}
