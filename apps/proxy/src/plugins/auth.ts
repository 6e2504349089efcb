// Inbound authentication of internal callers: `Authorization: Bearer <key>`, the project allow-list and the
// key's rate. Runs before the body is even parsed.
import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import { sendProxyError } from '../errors.js';
import { KeyStore } from '../keys.js';
import type { CallerKey } from '../keys-file.js';

declare module 'fastify' {
  interface FastifyRequest {
    callerKey?: CallerKey;
  }
}

const BEARER = /^Bearer\s+(\S+)\s*$/i;

export function authenticateCaller(keys: KeyStore) {
  // Callback style: answering without calling done() ends the request here.
  return (
    request: FastifyRequest<{ Params: { project_id: string } }>,
    reply: FastifyReply,
    done: HookHandlerDoneFunction,
  ) => {
    const match = BEARER.exec(request.headers.authorization ?? '');
    const key = match?.[1] ? keys.authenticate(match[1]) : undefined;
    if (!key) {
      sendProxyError(reply, 401, 'Missing or unknown caller key: send Authorization: Bearer <key>.', {
        headers: { 'www-authenticate': 'Bearer' },
      });
      return;
    }
    request.callerKey = key;
    if (!KeyStore.allows(key, request.params.project_id)) {
      sendProxyError(reply, 403, `Key "${key.id}" may not use this project.`);
      return;
    }
    const waitMs = keys.throttle(key);
    if (waitMs > 0) {
      sendProxyError(reply, 429, `Key "${key.id}" is over its rate of ${key.rate} requests per second.`, {
        headers: { 'retry-after': String(Math.ceil(waitMs / 1000)) },
      });
      return;
    }
    done();
  };
}
