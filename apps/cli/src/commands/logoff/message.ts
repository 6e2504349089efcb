// The message shown to each user: --message, else the resumed report's, else the profile's. Whatever its source, a
// message holding a control character other than tab and newline is refused before anything is sent: an ESC or a
// CR edited into a report would otherwise reach every user's screen as it is. Core checks only what the spec
// says (its length); this is the CLI's own care for what it is handed.

import type { Profile } from '../../config/profile.js';
import type { ResumedReport } from '../../config/target-settings.js';
import { CliError } from '../../errors.js';
import { CONTROL_CHARACTERS } from '../../output/terminal-text.js';

export interface SourcedMessage {
  readonly text: string;
  /** As errors name it: `--message`, `the message of the report r.json`, `profile "ops" field message`. */
  readonly from: string;
}

/** A control character other than tab and newline. */
const CONTROL = new RegExp(`[[${CONTROL_CHARACTERS}]--[\\t\\n]]`, 'v');

export function messageOf(
  flag: string | undefined,
  resumed: ResumedReport | undefined,
  profile: Profile | undefined,
): SourcedMessage | undefined {
  const message =
    flag !== undefined
      ? { text: flag, from: '--message' }
      : resumed?.report.message !== undefined
        ? { text: resumed.report.message, from: `the message of the report ${resumed.path}` }
        : profile?.message !== undefined
          ? { text: profile.message, from: `${profile.label} field message` }
          : undefined;
  const control = message && CONTROL.exec(message.text);
  if (message && control) {
    const code = `U+${control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
    throw new CliError(
      `${message.from} holds a control character (${code} at character ${control.index + 1}): only tab and newline are allowed; nothing was sent`,
    );
  }
  return message;
}
