// The message and where it came from; control characters other than tab and newline refused, named by source.
import type { LogoffReport } from '@wks-logoff/core';
import { describe, expect, it } from 'vitest';
import { messageOf } from '../../../src/commands/logoff/message.js';
import { CliError } from '../../../src/errors.js';

const resumed = (message: string) => ({ path: 'r.json', report: { message } as LogoffReport });
const profile = { label: 'profile "ops"', env: {}, message: 'from the profile', warnings: [] };

describe('messageOf', () => {
  it('takes --message, else the resumed report’s, else the profile’s', () => {
    expect(messageOf('flag', resumed('report'), profile)).toEqual({ text: 'flag', from: '--message' });
    expect(messageOf(undefined, resumed('report'), profile)).toEqual({
      text: 'report',
      from: 'the message of the report r.json',
    });
    expect(messageOf(undefined, undefined, profile)?.from).toBe('profile "ops" field message');
    expect(messageOf(undefined, undefined, undefined)).toBeUndefined();
  });

  it.each([
    ['\u0000', 'U+0000'],
    ['\r', 'U+000D'],
    ['\u001b', 'U+001B'],
    ['\u007f', 'U+007F'],
    ['\u0085', 'U+0085'],
    ['\u009f', 'U+009F'],
  ])('refuses %j, naming it and where it came from', (control, code) => {
    expect(() => messageOf(`ab${control}`, undefined, undefined)).toThrow(
      new CliError(
        `--message holds a control character (${code} at character 3): only tab and newline are allowed; nothing was sent`,
      ),
    );
  });

  it('keeps tab, newline and any other text', () => {
    expect(messageOf('a\tb\nc — 🙂 ü', undefined, undefined)?.text).toBe('a\tb\nc — 🙂 ü');
  });
});
