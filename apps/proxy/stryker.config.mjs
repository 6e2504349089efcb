// Mutation testing (pnpm test:mutation, from the root): the proxy's caller authentication, its logoff route and
// its upstream budget, its Redis adapters included (their tests run a real redis-server). Not listed:
// redis-scripts.ts, whose Lua Stryker cannot mutate (the shared-budget tests run every script).
import { mutationConfig } from '../../.ci/mutation/config.mjs';

/** Below the floor for now, each held at its score (see CONTRIBUTING.md, "Mutation testing"). */
export const catchingUp = {};

export default {
  ...mutationConfig({
    mutate: [
      'src/tokens/discovery.ts',
      'src/tokens/failure-backoff.ts',
      'src/tokens/idp-fetch.ts',
      'src/tokens/issuer-keys.ts',
      'src/tokens/looks-like-jwt.ts',
      'src/tokens/match-caller.ts',
      'src/tokens/refusals.ts',
      'src/tokens/token-callers.ts',
      'src/tokens/verify-token.ts',
      'src/callers.ts',
      'src/keys-file.ts',
      'src/plugins/auth.ts',
      'src/routes/logoff.ts',
      'src/budget/aimd.ts',
      'src/budget/fair-queue.ts',
      'src/budget/gcra.ts',
      'src/budget/options.ts',
      'src/budget/stats.ts',
      'src/budget/waiter.ts',
      'src/budget/local-lane.ts',
      'src/budget/upstream-budget.ts',
      'src/budget/shared-lane.ts',
      'src/budget/redis-store.ts',
      'src/budget/redis-connection.ts',
      'src/plugins/budget.ts',
      'src/plugins/budget-metrics.ts',
    ],
    catchingUp,
    // Most of a full run's time went to them (each reruns every in-process test), far more than CI can spend.
    ignoreStatic: true,
  }),
  // Above the tests' own 5 s timeout (vitest.mutation.config.ts), so a test a mutant leaves waiting fails there,
  // without a restart of the test runner.
  timeoutMS: 10_000,
};
