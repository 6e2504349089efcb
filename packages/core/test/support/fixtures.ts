// The fake cloud as a vitest fixture: started for each test that names it, closed after. A test that needs one
// set up differently (a skewed clock, a closed port) starts its own.
import type { FakeCloud } from '@wks-logoff/testkit';
import { test as base } from 'vitest';
import { fakeCloud } from './fake-cloud.js';

export const test = base.extend<{ cloud: FakeCloud }>({
  // biome-ignore lint/correctness/noEmptyPattern: vitest reads which fixtures a fixture uses from this pattern.
  cloud: async ({}, use) => {
    const cloud = await fakeCloud();
    await use(cloud);
    await cloud.close();
  },
});
