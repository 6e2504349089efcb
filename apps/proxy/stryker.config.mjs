// Mutation testing (pnpm test:mutation, from the root): the proxy's caller authentication, its logoff route and
// its upstream budget, all but its Redis adapters (shared-lane, redis-store, redis-scripts, redis-connection),
// whose tests run a real redis-server and take seconds each (vitest.mutation.config.ts).
import { mutationConfig } from '../../.ci/mutation/config.mjs';

/** Below the floor for now, each held at its score (see CONTRIBUTING.md, "Mutation testing"). */
export const catchingUp = {
  // Its degraded mode (a share of the rate among replicas) is reached only by the real-Redis tests.
  'src/budget/local-lane.ts': 75,
  // Its shared mode (Redis) is reached only by the real-Redis tests, which the per-mutant runs leave out.
  'src/budget/upstream-budget.ts': 26,
};

export default mutationConfig({
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
    'src/plugins/budget.ts',
    'src/plugins/budget-metrics.ts',
  ],
  catchingUp,
  // Most of a full run's time went to them (each reruns every in-process test), far more than CI can spend.
  ignoreStatic: true,
});
