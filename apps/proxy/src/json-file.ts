// Parses an operator's JSON file. Its bytes must be UTF-8: decoding would put U+FFFD in place of bad bytes, a name
// or subject that silently never matches (and a file written back would lose them). A syntax error is named by
// file, line and column only: these files may hold secrets, and V8's own messages quote the text around the error
// ("Unexpected token 'h', "…" is not valid JSON"). jsonc-parser finds where the error is without quoting anything.
import { isUtf8 } from 'node:buffer';
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

/** The parsed value, or what breaks it: bytes that are not UTF-8, or where the text breaks JSON (callers name the file). */
export function parseJsonFile(bytes: Uint8Array): JsonFileResult {
  if (!isUtf8(bytes)) {
    return { ok: false, problem: 'not valid UTF-8 (save it as UTF-8)' };
  }
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
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
