// The Stryker configuration every package shares; each package's stryker.config.mjs names its files. The floor
// is checked per file by .ci/mutation/run.mjs (Stryker's own `thresholds.break` is one score for the whole run).

/** Lowest mutation score, in percent, each listed file must keep. */
export const MUTATION_SCORE_FLOOR = 85;

/** Where each package keeps the result of its last run; committed, so a run re-tests only what changed. */
export const INCREMENTAL_FILE = 'reports/mutation/stryker-incremental.json';

/**
 * @param {object} options
 * @param {string[]} options.mutate files to mutate, relative to the package
 * @param {Record<string, number>} [options.catchingUp] files below the floor for now, each held at its own score
 *   until its tests are raised (then it leaves this list)
 * @param {boolean} [options.ignoreStatic] leave out mutants of code run once at import (module-level tables and
 *   plugin definitions): each of them reruns every test of the package
 */
export function mutationConfig({ mutate, catchingUp = {}, ignoreStatic = false }) {
  return {
    packageManager: 'pnpm',
    // Under pnpm, Stryker cannot discover plugins by itself.
    plugins: ['@stryker-mutator/vitest-runner'],
    testRunner: 'vitest',
    // Only the tests that run src/ in process: a mutant cannot reach a built bin that a test spawns.
    vitest: { configFile: 'vitest.mutation.config.ts' },
    coverageAnalysis: 'perTest',
    ignoreStatic,
    mutate,
    incremental: true,
    incrementalFile: INCREMENTAL_FILE,
    reporters: ['clear-text', 'progress'],
    clearTextReporter: { allowEmojis: false, logTests: false, reportMutants: true, reportScoreTable: true },
    // The whole run's score is the weighted mean of its files' scores, so it never breaks when every file holds.
    thresholds: {
      high: 95,
      low: MUTATION_SCORE_FLOOR,
      break: Math.min(MUTATION_SCORE_FLOOR, ...Object.values(catchingUp)),
    },
    tempDirName: '.stryker-tmp',
    cleanTempDir: 'always',
  };
}
