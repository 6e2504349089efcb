// The README ships on npm as core's manual: every environment variable core reads and every batch default it
// applies must be in it, so a new setting cannot go undocumented; and a figure it quotes is one the benchmarks
// measured (docs/benchmarks.md, written by `pnpm bench`), so a new run cannot leave it behind.
import { readFile } from 'node:fs/promises';
import { relativeLinks } from '@wks-logoff/testkit';
import { describe, expect, it } from 'vitest';
import { BATCH_DEFAULTS, CLIENT_DEFAULTS, ENV } from '../../src/index.js';

const readme = await readFile(new URL('../../README.md', import.meta.url), 'utf8');
const benchmarks = await readFile(new URL('../../../../docs/benchmarks.md', import.meta.url), 'utf8');

/** The README's table row that starts with `start`. */
const row = (start: string) => readme.split('\n').find((line) => line.startsWith(start));

describe('the README', () => {
  it.each(Object.values(ENV))('names the variable %s', (name) => {
    expect(readme).toContain(`\`${name}`);
  });

  it('states the batch and retry defaults core applies', () => {
    expect(readme).toContain(`concurrency: ${BATCH_DEFAULTS.concurrency},`);
    expect(readme).toContain(`ratePerSecond: ${BATCH_DEFAULTS.ratePerSecond},`);
    expect(readme).toMatch(new RegExp(`\\| \`maxAttempts\` \\| ${CLIENT_DEFAULTS.retry.maxAttempts} \\|`));
  });

  it('quotes the isolation figures of the latest benchmark run', () => {
    // `  10 (0.1%)      178     112   1.59×   ≤ 180        1 min 59 s   every ID right`
    const measured = [
      ...benchmarks.matchAll(
        /^ +(\d+) \(([\d.]+%)\) +(\d+) +(\d+) +[\d.]+× +(≤ \d+) +(.+?) {2,}every ID right$/gm,
      ),
    ];
    expect(measured).toHaveLength(3);
    for (const [, bad, share, calls, limit, target, time] of measured) {
      const quoted = row(`| ${bad} bad (${share}) |`);
      expect(quoted, `the row of ${bad} bad desktops`).toContain(`| ${limit} | ${calls} (${target}`);
      expect(quoted).toContain(`| ${time} |`);
    }
    const [, attempts, target, time, without] =
      /cloud unreachable: (\d+) attempts .*?\((?:target )?(≤ \d+)\).*; (.+?) at 1\.5 calls\/s \(without the breaker: (\d+) attempts/.exec(
        benchmarks,
      ) ?? [];
    expect(attempts).toBeDefined();
    expect(row('| cloud unreachable |')).toBe(
      `| cloud unreachable | | ${attempts} attempts, then stopped (${target}) | ${time} |`,
    );
    expect(readme).toContain(`10,000 IDs cost ${attempts} attempts instead of ${without}.`);
  });

  it('links only to absolute URLs, which work on the npm registry', () => {
    expect(relativeLinks(readme)).toEqual([]);
  });
});
