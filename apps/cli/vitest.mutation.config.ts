// The tests Stryker runs against each mutant: those that import src/ in process. The others spawn the bundled
// dist/cli.mjs, which a mutant in src/ never reaches (nor do they need the Prism mock).
import { defineConfig } from 'vitest/config';
import base from './vitest.config.js';

const { globalSetup: _prism, ...inProcess } = base.test ?? {};

export default defineConfig({
  ...base,
  test: {
    ...inProcess,
    include: [
      'test/commands/**/*.test.ts',
      'test/input/**/*.test.ts',
      'test/exit-codes.test.ts',
      'test/program.test.ts',
    ],
  },
});
