// The README ships on npm as the CLI's manual: every command, every option `wks-logoff logoff --help` lists, every
// profile field and every variable only the CLI reads must be in it, and its links must work on the registry.
import { readFile } from 'node:fs/promises';
import { relativeLinks } from '@wks-logoff/testkit';
import { describe, expect, it } from 'vitest';
import { CLI_ENV } from '../../src/config/env.js';
import { PROFILE_FIELD_NAMES } from '../../src/config/profile.js';
import { EXIT_CODES } from '../../src/exit-codes.js';
import { runCli } from '../support/run-cli.js';

const readme = await readFile(new URL('../../README.md', import.meta.url), 'utf8');

describe('the README', () => {
  it('names every option of wks-logoff logoff', async () => {
    const help = await runCli(['logoff', '--help']);
    const options = [...help.stdout.matchAll(/^\s+(?:-\w, )?(--[a-z-]+)/gm)].map((match) => match[1]);
    expect(options.length).toBeGreaterThan(15);
    // Named in code style, alone or after its short form (`-m/--message`).
    const missing = options.filter(
      (option) => option !== '--help' && !new RegExp(`\`(-\\w/)?${option}\\b`).test(readme),
    );
    expect(missing).toEqual([]);
  });

  it.each(PROFILE_FIELD_NAMES)('names the profile field %s', (field) => {
    expect(readme).toContain(`\`${field}\``);
  });

  it.each(Object.values(CLI_ENV))('names the variable %s', (name) => {
    expect(readme).toContain(`\`${name}\``);
  });

  it('lists the exit codes of the program, in its order, each as --help says it', () => {
    const start = readme.indexOf('| code |', readme.indexOf('**Exit codes**'));
    const table = readme.slice(start, readme.indexOf('\n\n', start));
    const rows = [...table.matchAll(/^\| (\d+) \| (.+) \|$/gm)].map((match) => ({
      code: Number(match[1]),
      text: match[2] as string,
    }));
    expect(rows.map((row) => row.code)).toEqual(EXIT_CODES.map((row) => row.code));
    for (const [index, { means }] of EXIT_CODES.entries()) {
      expect(rows[index]?.text.slice(0, means.length)).toBe(means);
    }
  });

  it('names every command', async () => {
    const help = await runCli(['--help']);
    const commands = [...help.stdout.matchAll(/^ {2}([a-z]+) /gm)].map((match) => match[1]);
    expect(commands).toEqual(['logoff', 'regions', 'completion', 'help']);
    for (const command of commands.filter((name) => name !== 'help')) {
      expect(readme).toContain(`wks-logoff ${command}`);
    }
  });

  it('links only to absolute URLs, which work on the npm registry', () => {
    expect(relativeLinks(readme)).toEqual([]);
  });
});
