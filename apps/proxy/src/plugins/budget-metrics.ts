// The upstream budget's metrics, in the proxy's registry: what waits, how long, what was admitted or refused per
// caller (the keys file's ids: a bounded set, never a credential), the cloud's 429s, and the Redis state.
import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import type { Admission } from '../budget/admission.js';
import type { BudgetState, UpstreamBudget } from '../budget/upstream-budget.js';

const STATES: readonly BudgetState[] = ['memory', 'shared', 'degraded'];

export interface BudgetMetrics {
  answered(callerId: string, admission: Admission): void;
  cancelled(callerId: string): void;
  cloudThrottled(): void;
}

export function registerBudgetMetrics(registry: Registry, budget: UpstreamBudget): BudgetMetrics {
  const registers = [registry];
  new Gauge({
    name: 'wks_proxy_budget_queue_depth',
    help: 'Requests of this replica waiting for their upstream slot',
    registers,
    collect() {
      this.set(budget.queueDepth);
    },
  });
  new Gauge({
    name: 'wks_proxy_budget_state',
    help: 'The upstream budget: 1 for its state (memory: no Redis; shared: through Redis; degraded: Redis lost)',
    labelNames: ['state'],
    registers,
    collect() {
      for (const state of STATES) {
        this.set({ state }, state === budget.state ? 1 : 0);
      }
    },
  });
  new Gauge({
    name: 'wks_proxy_budget_rate_factor',
    help: 'Share of WKS_PROXY_UPSTREAM_RATE in use after the cloud’s 429s (1: all of it)',
    registers,
    collect() {
      this.set(budget.rateFactor);
    },
  });
  new Gauge({
    name: 'wks_proxy_budget_replicas',
    help: 'Replicas sharing the upstream budget at the last heartbeat (1 without Redis)',
    registers,
    collect() {
      this.set(budget.replicasAlive);
    },
  });
  const waited = new Histogram({
    name: 'wks_proxy_budget_wait_seconds',
    help: 'Time requests waited for their upstream slot, by result',
    labelNames: ['result'],
    buckets: [0, 0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers,
  });
  const admissions = new Counter({
    name: 'wks_proxy_budget_admissions_total',
    help: 'Answers of the upstream budget, by caller and result (admitted, queue-full, caller-rate, cancelled)',
    labelNames: ['caller', 'result'],
    registers,
  });
  const throttled = new Counter({
    name: 'wks_proxy_budget_cloud_throttled_total',
    help: 'The cloud’s 429 answers (APIGW.0308), each of which shrinks the upstream budget for a while',
    registers,
  });
  return {
    answered(callerId, admission) {
      const result = admission.ok ? 'admitted' : admission.reason;
      admissions.inc({ caller: callerId, result });
      waited.observe({ result }, admission.waitedMs / 1000);
    },
    cancelled(callerId) {
      admissions.inc({ caller: callerId, result: 'cancelled' });
    },
    cloudThrottled() {
      throttled.inc();
    },
  };
}
