// The README ships on npm as core's manual: every environment variable core reads and every batch default it
// applies must be in it, so a new setting cannot go undocumented.
import { readFile } from 'node:fs/promises';
import { relativeLinks } from '@wks-logoff/testkit';
import { describe, expect, it } from 'vitest';
import { BATCH_DEFAULTS, CLIENT_DEFAULTS, ENV } from '../../src/index.js';

const readme = await readFile(new URL('../../README.md', import.meta.url), 'utf8');

describe('the README', () => {
  it.each(Object.values(ENV))('names the variable %s', (name) => {
    expect(readme).toContain(`\`${name}`);
  });

  it('states the batch and retry defaults core applies', () => {
    expect(readme).toContain(`concurrency: ${BATCH_DEFAULTS.concurrency},`);
    expect(readme).toContain(`ratePerSecond: ${BATCH_DEFAULTS.ratePerSecond},`);
    expect(readme).toMatch(new RegExp(`\\| \`maxAttempts\` \\| ${CLIENT_DEFAULTS.retry.maxAttempts} \\|`));
  });

  it('links only to absolute URLs, which work on the npm registry', () => {
    expect(relativeLinks(readme)).toEqual([]);
  });
});
