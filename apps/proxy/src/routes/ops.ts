// Operations routes: liveness, readiness (503 while draining or not configured; 200 "degraded" while it serves
// on a fallback, so a load balancer keeps it in rotation), Prometheus metrics.
import type { FastifyInstance } from 'fastify';
import type { Registry } from 'prom-client';

export interface Readiness {
  draining: boolean;
  /** Why the service is not ready, or undefined when it is. */
  problem(): string | undefined;
  /** What the service is short of while it still serves (e.g. Redis for the upstream budget), or undefined. */
  degraded?(): string | undefined;
}

export function registerOpsRoutes(app: FastifyInstance, readiness: Readiness, registry: Registry) {
  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async (_request, reply) => {
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
