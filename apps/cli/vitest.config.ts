import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['@wks-logoff/testkit/vitest-prism'],
    testTimeout: 30_000,
    hookTimeout: 40_000,
  },
});
