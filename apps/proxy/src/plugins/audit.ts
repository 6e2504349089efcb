// What the logs say about a request, past authentication always naming the caller (one probing other projects
// leaves a trace): one audit line per logoff the proxy handled, and one line per failed request. Secrets never
// enter them: the caller is named by its id (and a token caller by its token's `sub` and `iss`), never by its key
// or token; the URL is logged without its query.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { AuthenticatedCaller } from './auth.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Writes the audit line of this request's logoff: what was asked, and what came of it. */
    audit(logoff: AuditedLogoff, result: AuditResult): void;
  }
}

interface AuditedLogoff {
  caller: AuthenticatedCaller;
  projectId: string;
  desktopIds: readonly string[];
  message: string | undefined;
}

interface AuditResult {
  outcome: 'accepted' | 'rejected' | 'failed';
  status: number;
  upstreamRequestId: string | undefined;
  errorCode: string | undefined;
}

/** The caller's fields of log and audit lines: `callerId`, and `keyId` for a key or `sub` and `iss` for a token. */
function callerFields(caller: AuthenticatedCaller | undefined): Record<string, string | undefined> {
  if (!caller) {
    return {};
  }
  return caller.kind === 'key'
    ? { callerId: caller.id, keyId: caller.id }
    : { callerId: caller.id, sub: caller.subject, iss: caller.issuer };
}

// Written out field by field, not spread: once per logoff, and object spreads were its largest cost. Fields left
// undefined (`keyId` of a token, `sub` and `iss` of a key) are not written.
function writeAuditLine(this: FastifyRequest, logoff: AuditedLogoff, result: AuditResult): void {
  const { caller } = logoff;
  const key = caller.kind === 'key';
  this.log.info(
    {
      audit: {
        callerId: caller.id,
        keyId: key ? caller.id : undefined,
        sub: key ? undefined : caller.subject,
        iss: key ? undefined : caller.issuer,
        projectId: logoff.projectId,
        desktopIds: logoff.desktopIds,
        message: logoff.message,
        outcome: result.outcome,
        status: result.status,
        upstreamRequestId: result.upstreamRequestId,
        errorCode: result.errorCode,
        desktopCount: logoff.desktopIds.length,
      },
    },
    'audit: logoff',
  );
}

function logRequests(app: FastifyInstance): void {
  app.decorateRequest('audit', writeAuditLine);
  // One line per failed request is enough: logoffs get their audit line (fastify's request logging is off).
  app.addHook('onResponse', (request, reply, done) => {
    if (reply.statusCode >= 400) {
      request.log.info(
        {
          method: request.method,
          url: request.url.split('?')[0],
          status: reply.statusCode,
          ...callerFields(request.caller),
          // Why authentication refused it (e.g. an expired token): what the caller sent, never the credential.
          reason: request.refusal,
          issuerProblem: request.issuerProblem,
          ms: Math.round(reply.elapsedTime),
        },
        'request failed',
      );
    }
    done();
  });
}

/** `request.audit(logoff, result)`, and a log line for every failed request. */
export const auditPlugin = fp(logRequests, { name: 'audit', fastify: '5.x' });
