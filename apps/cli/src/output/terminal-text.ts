// Text from outside (the cloud, the proxy, files, arguments) as it may appear on a terminal. Control characters
// (C0, DEL, C1), line and paragraph separators and bidirectional overrides are shown escaped, so no text can set
// the window title, clear the screen, move the cursor, reorder what is shown or forge a line of its own. Applied to
// each outside value where a line is formatted (never to our own colours and line breaks); --json is never
// escaped.

/** The control characters, C0, DEL and C1, as a regular expression's character range. */
export const CONTROL_CHARACTERS = '\\u0000-\\u001f\\u007f-\\u009f';
const UNSAFE = new RegExp(`[${CONTROL_CHARACTERS}\\u2028\\u2029\\u202a-\\u202e\\u2066-\\u2069]`, 'g');
const SHORT: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, (c) => SHORT[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
