// The tests Stryker runs against each mutant: those that build the proxy from src/ in process. Left out: the
// bundled bin's tests (process, replicas, cooperating callers: a mutant in src/ never reaches dist/), the README
// check, the fuzz run (its 2,000 requests per mutant would cost more than every other test together), and the
// deployment files' check (it reads the CLI's package and the workflows beside this package, which Stryker's
// sandbox of the package does not hold). The tests that run a real redis-server stay in: they move the budget's
// clock by hand, so each takes a fraction of a second. A test a mutant leaves waiting for an answer fails at its
// timeout below (5 s), well before Stryker's own (stryker.config.mjs), which would restart the test runner.
import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.js';

export default mergeConfig(
  base,
  defineConfig({
    test: {
      testTimeout: 5000,
      hookTimeout: 15_000,
      exclude: [
        'test/process.test.ts',
        'test/replicas.test.ts',
        'test/cooperating-callers.test.ts',
        'test/deploy.test.ts',
        'test/docs/**',
        'test/fuzz/**',
        '**/node_modules/**',
      ],
    },
  }),
);
