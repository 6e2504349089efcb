// The one rule for a credential, wherever it is read (the environment, options, a token file, a function asked on
// every request): surrounding whitespace is trimmed, as HTTP trims a header value (a file's trailing newline);
// what is left must be there, and be printable ASCII. A line break, NUL or other control character cannot go in
// an HTTP header: the runtime's own error would quote the whole header, secret included, and call it a network
// failure. The refusal names where the credential came from, never its value.
import { ConfigurationError } from '../errors/classes.js';

/** What kind of character at `at` makes a credential unusable, or undefined when every one is printable ASCII. */
function badCharacter(value: string): { what: string; at: number } | undefined {
  for (let at = 0; at < value.length; at++) {
    const code = value.charCodeAt(at);
    if (code >= 0x20 && code < 0x7f) {
      continue;
    }
    const what =
      code === 0x0a || code === 0x0d
        ? 'a line break (CR or LF)'
        : code === 0
          ? 'a NUL character'
          : code < 0x80
            ? 'a control character'
            : 'a non-ASCII character';
    return { what, at };
  }
  return undefined;
}

/**
 * The credential to use, trimmed; a ConfigurationError when it is missing, empty, or holds a character no
 * credential can. `source` names where it came from (a variable, an option, a file), first word capitalised.
 */
export function checkCredential(value: unknown, source: string): string {
  if (typeof value !== 'string') {
    throw new ConfigurationError(`${source} is missing.`);
  }
  const credential = value.trim();
  if (credential === '') {
    throw new ConfigurationError(`${source} is empty.`);
  }
  const bad = badCharacter(credential);
  if (bad) {
    throw new ConfigurationError(
      `${source} contains ${bad.what} at character ${bad.at + 1}; a credential cannot hold it.`,
    );
  }
  return credential;
}

/**
 * A function that gives the current credential, checked every time: a string is checked once, now (so a bad one
 * fails where it was given); a function's answer on every call (`returned` names it in refusals).
 */
export function credentialGetter(
  credential: string | (() => string | Promise<string>),
  given: string,
  returned: string,
): () => Promise<string> {
  if (typeof credential === 'function') {
    return async () => checkCredential(await credential(), returned);
  }
  const checked = checkCredential(credential, given);
  return async () => checked;
}
