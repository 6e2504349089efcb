import { readFileSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as {
  version: string;
};

export default defineConfig({
  // As scripts/build.mjs defines it in the bundle, for the tests that run src/ in process.
  define: { __VERSION__: JSON.stringify(version) },
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['@wks-logoff/testkit/vitest-prism'],
    testTimeout: 30_000,
    hookTimeout: 40_000,
  },
});
