// What an orchestrator asks: /healthz, whether the process answers at all (restart it if not); /readyz, whether to
// send it traffic (503 while draining or with no caller configured; 200 "degraded" while it serves on a fallback,
// so a load balancer keeps it in rotation); /metrics, for Prometheus.
import type { FastifyInstance } from 'fastify';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route keeps its own answer while the proxy drains (plugins/drain.ts refuses the others). */
    answersWhileDraining?: boolean;
  }
}

/** Health checks answer for themselves while draining: /healthz alive, /readyz 503 "draining". */
const WHILE_DRAINING = { config: { answersWhileDraining: true } };

export interface Readiness {
  draining: boolean;
  /** Why the service is not ready, or undefined when it is. */
  problem(): string | undefined;
  /** What the service is short of while it still serves (e.g. Redis for the upstream budget), or undefined. */
  degraded?(): string | undefined;
}

export interface OpsRoutesOptions {
  readiness: Readiness;
}

export async function opsRoutes(app: FastifyInstance, { readiness }: OpsRoutesOptions) {
  const { registry } = app.metrics;
  app.get('/healthz', WHILE_DRAINING, async () => ({ status: 'ok' }));
  app.get('/readyz', WHILE_DRAINING, async (_request, reply) => {
    const problem = readiness.draining ? 'draining' : readiness.problem();
    if (problem) {
      return reply.code(503).send({ status: 'not ready', reason: problem });
    }
    const degraded = readiness.degraded?.();
    return degraded ? { status: 'degraded', reason: degraded } : { status: 'ready' };
  });
  app.get('/metrics', async (_request, reply) => {
    reply.type(registry.contentType);
    return registry.metrics();
  });
}
