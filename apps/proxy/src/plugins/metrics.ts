// Prometheus metrics (prom-client), one registry per server, so two servers in one process (tests, embedders) never
// mix their counts. No desktop ID ever becomes a label: labels are bounded sets (routes, statuses, caller ids).
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { Counter, collectDefaultMetrics, Histogram, Registry } from 'prom-client';

declare module 'fastify' {
  interface FastifyInstance {
    metrics: ProxyMetrics;
  }
}

export interface ProxyMetrics {
  registry: Registry;
  /**
   * Counts an answer in wks_proxy_requests_total: `route` is the route's pattern, `unmatched` for a request no
   * route took, or `unparsed` (method `unknown`) for one the HTTP parser refused.
   */
  countAnswer(route: string, method: string, status: number): void;
  upstreamSeconds: Histogram<'outcome'>;
  upstreamErrors: Counter<'kind'>;
  desktopsLoggedOff: Counter;
  connectionsDropped: Counter;
  /** Requests past authentication, by caller (the keys file's ids: a bounded set) and kind (key or token). */
  callerRequests: Counter<'caller' | 'kind'>;
  /** Requests refused by authentication or the project allow-list, by kind and reason (a caller's rate: wks_proxy_budget_admissions_total). */
  authRefusals: Counter<'kind' | 'reason'>;
}

function registerMetrics(app: FastifyInstance): void {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'wks_proxy_' });
  const requests = new Counter({
    name: 'wks_proxy_requests_total',
    help: 'HTTP requests answered, by route, method and status',
    labelNames: ['route', 'method', 'status'],
    registers: [registry],
  });
  const seconds = new Histogram({
    name: 'wks_proxy_request_duration_seconds',
    help: 'Time to answer a request, by route',
    labelNames: ['route'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [registry],
  });
  const metrics: ProxyMetrics = {
    registry,
    countAnswer: (route, method, status) => requests.inc({ route, method, status: String(status) }),
    upstreamSeconds: new Histogram({
      name: 'wks_proxy_upstream_duration_seconds',
      help: 'Time of upstream logoff calls (the last attempt, without the wait for its slot), by outcome',
      labelNames: ['outcome'],
      buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers: [registry],
    }),
    upstreamErrors: new Counter({
      name: 'wks_proxy_upstream_errors_total',
      help: 'Failed upstream calls, by kind (HTTP status or network failure)',
      labelNames: ['kind'],
      registers: [registry],
    }),
    desktopsLoggedOff: new Counter({
      name: 'wks_proxy_desktops_logged_off_total',
      help: 'Desktops in logoff requests the cloud accepted',
      registers: [registry],
    }),
    connectionsDropped: new Counter({
      name: 'wks_proxy_connections_dropped_total',
      help: 'Connections closed on arrival because WKS_PROXY_MAX_CONNECTIONS were open',
      registers: [registry],
    }),
    callerRequests: new Counter({
      name: 'wks_proxy_caller_requests_total',
      help: 'Requests past authentication, by caller id and kind (key or token)',
      labelNames: ['caller', 'kind'],
      registers: [registry],
    }),
    authRefusals: new Counter({
      name: 'wks_proxy_auth_refusals_total',
      help: 'Requests refused by authentication or the project allow-list, by kind and reason',
      labelNames: ['kind', 'reason'],
      registers: [registry],
    }),
  };
  app.decorate('metrics', metrics);
  app.server.on('drop', () => metrics.connectionsDropped.inc());
  app.addHook('onResponse', (request, reply, done) => {
    const route = request.routeOptions.url ?? 'unmatched';
    metrics.countAnswer(route, request.method, reply.statusCode);
    seconds.observe({ route }, reply.elapsedTime / 1000);
    done();
  });
}

/** `app.metrics`, and every answer counted and timed by route. */
export const metricsPlugin = fp(registerMetrics, { name: 'metrics', fastify: '5.x' });
