// How the bin reports what stops it: each problem on its own line, prefixed with the command's name, then exit.
// No stack trace reaches the operator.
/** Problems shown at most: a file with thousands of bad entries is named by its first ones and a count. */
const SHOWN_PROBLEMS = 100;

export function fail(lines: string[], code = 1): never {
  const shown = lines.slice(0, SHOWN_PROBLEMS);
  if (lines.length > SHOWN_PROBLEMS) {
    shown.push(`… and ${lines.length - SHOWN_PROBLEMS} more problems`);
  }
  process.stderr.write(shown.map((line) => `wks-logoff-proxy: ${line}\n`).join(''));
  process.exit(code);
}
