import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/setup/prism.ts'],
    testTimeout: 30_000,
    hookTimeout: 40_000,
  },
});
