// The cloud behind the proxy: one client per project, each with its own Auth (an IAM token provider keeps its
// token and logs in once at a time). One LRU bounds both: evicting a project drops its client and its provider
// together.
import {
  createLogoffClient,
  type LogoffClient,
  type ResolvedCredentials,
  type Transport,
} from '@wks-logoff/core';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { LRUCache } from 'lru-cache';
import { Gauge } from 'prom-client';
import type { ProxyConfig } from '../config.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** The project's client (made on first use, kept while the project is among the most recently used). */
    clientFor(projectId: string): LogoffClient;
  }
}

export interface UpstreamOptions {
  credentials: ResolvedCredentials;
  config: Pick<ProxyConfig, 'maxProjects' | 'upstreamTimeoutMs' | 'upstreamAttempts'>;
  transport: Transport | undefined;
}

function connectUpstream(app: FastifyInstance, { credentials, config, transport }: UpstreamOptions): void {
  const clients = new LRUCache<string, LogoffClient>({ max: config.maxProjects });
  new Gauge({
    name: 'wks_proxy_project_clients',
    help: 'Projects whose client (and IAM token provider) are cached (at most WKS_PROXY_MAX_PROJECTS)',
    registers: [app.metrics.registry],
    collect() {
      this.set(clients.size);
    },
  });
  app.decorate('clientFor', (projectId: string): LogoffClient => {
    let client = clients.get(projectId);
    if (!client) {
      client = createLogoffClient({
        endpoint: credentials.endpoint,
        projectId,
        auth: credentials.forProject(projectId),
        timeoutMs: config.upstreamTimeoutMs,
        // The budget admits each attempt (plugins/budget.ts), so it makes them, not the client.
        retry: { maxAttempts: 1 },
        transport,
      });
      clients.set(projectId, client);
    }
    return client;
  });
}

/** `app.clientFor(projectId)`. */
export const upstreamPlugin = fp(connectUpstream, {
  name: 'upstream',
  fastify: '5.x',
  dependencies: ['metrics'],
});
