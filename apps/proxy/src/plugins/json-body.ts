// Request bodies: JSON in UTF-8 only (RFC 8259 §8.1). Fastify's own parser decodes invalid bytes to U+FFFD, so a
// message the caller never wrote would be forwarded and shown to users; these bytes are refused with a 400
// instead, then parsed by fastify's default parser (its protection against prototype poisoning included).
import { isUtf8 } from 'node:buffer';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

function parseJsonBodiesStrictly(app: FastifyInstance): void {
  // JSON only: without this, text/plain bodies would be parsed as strings instead of answered 415.
  app.removeContentTypeParser('text/plain');
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    const bytes = body as Buffer;
    if (!isUtf8(bytes)) {
      done(Object.assign(new Error('the body is not valid UTF-8'), { statusCode: 400 }), undefined);
      return;
    }
    parseJson(request, bytes.toString('utf8'), done);
  });
}

/** Bodies are JSON in UTF-8, or refused. */
export const jsonBodyPlugin = fp(parseJsonBodiesStrictly, { name: 'json-body', fastify: '5.x' });
