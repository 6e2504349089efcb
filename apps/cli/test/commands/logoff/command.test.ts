// The logoff command's options are declared once: errors name each one by its attribute (flagName), which must
// give the flag as declared, the one a user typed.
import { Command } from '@commander-js/extra-typings';
import { describe, expect, it } from 'vitest';
import { logoffCommand } from '../../../src/commands/logoff/command.js';
import { flagName } from '../../../src/flag-name.js';

describe('logoffCommand', () => {
  it('declares flags that errors name as declared', () => {
    const { options } = logoffCommand(new Command('wks-logoff'));
    expect(options.length).toBeGreaterThan(15);
    expect(options.map((option) => flagName(option.attributeName()))).toEqual(
      options.map((option) => option.long),
    );
  });
});
