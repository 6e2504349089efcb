// The README ships on npm as the operators' manual: every setting the proxy reads must be in it, with its default,
// and its links must work on the registry.
import { readFile } from 'node:fs/promises';
import { relativeLinks } from '@wks-logoff/testkit';
import { describe, expect, it } from 'vitest';
import { SETTINGS } from '../../src/index.js';

const readme = await readFile(new URL('../../README.md', import.meta.url), 'utf8');

describe('the README', () => {
  it.each(Object.values(SETTINGS).map((setting) => [setting.name, setting.default] as const))(
    'documents %s with its default',
    (name, fallback) => {
      const row = readme.split('\n').find((line) => line.startsWith(`| \`${name}\``));
      expect(row, `no row for ${name}`).toBeDefined();
      if (fallback !== undefined) {
        expect(row).toContain(`\`${fallback}\``);
      }
    },
  );

  it('links only to absolute URLs, which work on the npm registry', () => {
    expect(relativeLinks(readme)).toEqual([]);
  });
});
