// The spec's README as its reader follows it (the spec has no tests of its own; the test kit depends on it): the
// package installed in an empty folder, and its ajv example run with the keyword the package ships.
import { expect } from 'vitest';
import { describeReadmeExamples } from '../../src/index.js';

describeReadmeExamples(new URL('../../../../spec/README.md', import.meta.url), {
  checks: [
    {
      block: 'specKeywords',
      async check(run) {
        expect(await run.exited, run.output()).toBe(0);
        // The example's verdict on a message of 128 emoji: 256 UTF-16 code units, one over the limit.
        expect(run.output()).toBe('false\n');
      },
    },
  ],
});
