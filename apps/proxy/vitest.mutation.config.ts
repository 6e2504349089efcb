// The tests Stryker runs against each mutant: those that build the proxy from src/ in process. Left out: the
// bundled bin's tests (process, replicas, cooperating callers: a mutant in src/ never reaches dist/), the README
// check, the fuzz run (its 2,000 requests per mutant would cost more than every other test together), and the
// deployment files' check (it reads the CLI's package and the workflows beside this package, which Stryker's
// sandbox of the package does not hold). Also left out: the tests that run a real redis-server (shared budget,
// Redis faults, weights reloaded across replicas): they wait on Redis and on heartbeats for seconds each, and
// rerunning them per mutant turned a run of an hour into one of many. The Redis adapters are therefore not mutated
// (stryker.config.mjs); `pnpm test` runs these tests on every change.
import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.js';

export default mergeConfig(
  base,
  defineConfig({
    test: {
      exclude: [
        'test/process.test.ts',
        'test/replicas.test.ts',
        'test/cooperating-callers.test.ts',
        'test/deploy.test.ts',
        'test/budget/redis-faults.test.ts',
        'test/budget/shared-budget.test.ts',
        'test/budget/weights-reload.test.ts',
        'test/docs/**',
        'test/fuzz/**',
        '**/node_modules/**',
      ],
    },
  }),
);
