// Shutting down without cutting anyone short: while draining, the listener stays open, /readyz answers 503 (a load
// balancer takes the replica out, where a closed port would look like a crash) and new requests get a 503 to retry
// elsewhere, while the requests being forwarded finish, for at most a deadline.
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { sendProxyError } from '../errors.js';
import { InFlight } from '../in-flight.js';
import type { Readiness } from '../routes/ops.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** Requests being forwarded, which a drain waits for. */
    inFlight: InFlight;
    /**
     * Lets the requests being forwarded finish (for at most `deadlineMs`) while still listening, then stops
     * listening and closes every connection, stalled ones included. Resolves true when none was cut short.
     */
    drain(deadlineMs: number): Promise<boolean>;
  }
}

export interface DrainOptions {
  /** Set to draining when a drain starts; /readyz reads it. */
  readiness: Readiness;
}

function drainWhenAsked(app: FastifyInstance, { readiness }: DrainOptions): void {
  const inFlight = new InFlight();
  app.decorate('inFlight', inFlight);
  app.decorate('drain', async (deadlineMs: number): Promise<boolean> => {
    readiness.draining = true;
    let timer: NodeJS.Timeout | undefined;
    const inTime = await Promise.race([
      inFlight.idle().then(() => true),
      new Promise<boolean>((resolve) => {
        timer = setTimeout(() => resolve(false), deadlineMs);
      }),
    ]);
    clearTimeout(timer);
    const closed = app.close();
    app.server.closeAllConnections();
    await closed;
    return inTime;
  });
  app.addHook('onRequest', (request, reply, done) => {
    // Routes that say so keep their own answers while draining (the health checks, routes/ops.ts).
    if (readiness.draining && !request.routeOptions.config.answersWhileDraining) {
      sendProxyError(reply, 503, 'The proxy is shutting down; try another replica.');
      return;
    }
    done();
  });
  // While draining, every answer closes its connection, so keep-alive sockets do not hold the shutdown open. So
  // does an answer sent before the request's body was read (401, 403, 413, 415, 429): reading a body nobody needs
  // is what a trickling client could make last forever. One hook for both: it runs on every answer.
  app.addHook('onSend', (request, reply, payload, done) => {
    if (readiness.draining || !request.raw.complete) {
      reply.header('connection', 'close');
    }
    done(null, payload);
  });
}

/** `app.drain(deadlineMs)` and `app.inFlight`; refuses new requests while draining. */
export const drainPlugin = fp(drainWhenAsked, {
  name: 'drain',
  fastify: '5.x',
  dependencies: ['correlation-id'],
});
