// Every answer names its request: the caller's X-Correlation-Id when it is a plain token (so a caller can follow
// its own ID through our logs), else a fresh UUID. It is the request ID of fastify's logs and of the proxy's own
// error bodies. The ID is chosen in fastify's genReqId (a constructor option), echoed by the plugin.
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import fp from 'fastify-plugin';

const CORRELATION_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export const correlationIdOf: NonNullable<FastifyServerOptions['genReqId']> = (request) => {
  const given = request.headers['x-correlation-id'];
  return typeof given === 'string' && CORRELATION_ID.test(given) ? given : randomUUID();
};

function echoCorrelationId(app: FastifyInstance): void {
  app.addHook('onRequest', (request, reply, done) => {
    reply.header('x-correlation-id', request.id);
    done();
  });
}

/** X-Correlation-Id on every answer that goes through fastify. */
export const correlationIdPlugin = fp(echoCorrelationId, { name: 'correlation-id', fastify: '5.x' });
