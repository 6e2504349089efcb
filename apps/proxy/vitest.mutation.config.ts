// The tests Stryker runs against each mutant: those that build the proxy from src/ in process. Left out: the
// bundled bin's tests (process, replicas, cooperating callers: a mutant in src/ never reaches dist/), the README
// check, the fuzz run (its 2,000 requests per mutant would cost more than every other test together), and the
// deployment files' check (it reads the CLI's package and the workflows beside this package, which Stryker's
// sandbox of the package does not hold).
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
        'test/docs/**',
        'test/fuzz/**',
        '**/node_modules/**',
      ],
    },
  }),
);
