// Every error fastify raises is answered in the spec's shapes, never in fastify's own: an unknown route, a body too
// large, of the wrong type or not JSON, and anything unexpected (a 500 that names no internals; the log keeps it).
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { sendProxyError } from '../errors.js';

export interface ErrorAnswersOptions {
  /** Largest request body, in bytes (named in the 413). */
  bodyLimit: number;
}

function answerErrors(app: FastifyInstance, { bodyLimit }: ErrorAnswersOptions): void {
  app.setNotFoundHandler((request, reply) =>
    sendProxyError(reply, 404, `No route ${request.method} ${request.url.split('?')[0]}.`),
  );
  app.setErrorHandler((error: Error & { statusCode?: number; code?: string }, request, reply) => {
    const status = error.statusCode ?? 500;
    if (status === 413) {
      return sendProxyError(reply, 413, `The body is larger than ${bodyLimit} bytes.`);
    }
    if (status === 415) {
      const type = request.headers['content-type'] ?? 'none';
      return sendProxyError(reply, 415, `Unsupported media type ${type}: send application/json.`);
    }
    if (status === 400) {
      return sendProxyError(reply, 400, 'The body is not valid JSON.', { detail: error.message });
    }
    if (status >= 400 && status < 500) {
      return sendProxyError(reply, status, error.message);
    }
    request.log.error(
      { err: { type: error.name, message: error.message, code: error.code } },
      'unexpected error',
    );
    return sendProxyError(reply, 500, 'Internal error of the proxy.');
  });
}

/** The not-found and error handlers. */
export const errorAnswersPlugin = fp(answerErrors, { name: 'error-answers', fastify: '5.x' });
