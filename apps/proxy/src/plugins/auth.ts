// Inbound authentication of internal callers, before the body is even read: `Authorization: Bearer <credential>`,
// where a JWT is verified against its issuer and mapped to a caller (tokens/), and anything else is looked up as
// a key; then, for either kind alike, the project allow-list. The caller's rate is applied with the upstream
// budget (plugins/budget.ts), which holds every caller's rate in one place. Routes that need a caller put
// `app.authenticate` in their onRequest.
import type { FastifyInstance, FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import fp from 'fastify-plugin';
import { type Caller, Callers } from '../callers.js';
import { retryAfter, sendProxyError } from '../errors.js';
import { looksLikeJwt } from '../tokens/looks-like-jwt.js';
import type { TokenRefusal } from '../tokens/refusals.js';
import { isRefusal } from '../tokens/token-callers.js';
import type { ProxyMetrics } from './metrics.js';

/** Who a request comes from, once authenticated: for logs, audit lines and metrics (never the credential). */
export interface AuthenticatedCaller {
  id: string;
  kind: 'key' | 'token';
  /** For a token: its `sub` and `iss`. */
  subject?: string | undefined;
  issuer?: string | undefined;
  /** Its own rate and its weight among callers, for the upstream budget. */
  rate?: number | undefined;
  weight?: number | undefined;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The onRequest hook that authenticates the caller, or answers 401, 403, 429 or 503. */
    authenticate: ReturnType<typeof authenticateCaller>;
  }
  interface FastifyRequest {
    caller?: AuthenticatedCaller;
    /** Why authentication refused the request, for its log line. */
    refusal?: string;
    /** What a token's identity provider did when it could not be asked, for the log line. */
    issuerProblem?: string | undefined;
  }
}

/** A 401 says how to authenticate; a 503 says when the issuer will be asked again. */
function refusalHeaders(result: TokenRefusal): Record<string, string> {
  if (result.status === 401) {
    return { 'www-authenticate': 'Bearer error="invalid_token"' };
  }
  return result.retryAfterMs ? retryAfter(result.retryAfterMs) : {};
}

const BEARER = /^Bearer\s+(\S+)\s*$/i;
type Request = FastifyRequest<{ Params: { project_id: string } }>;

function authenticateCaller(keys: Callers, metrics: ProxyMetrics) {
  const refuse = (request: Request, kind: string, reason: string, send: () => void): void => {
    request.refusal = reason;
    metrics.authRefusals.inc({ kind, reason });
    send();
  };

  /** Past authentication: the allow-list, the same for keys and tokens. */
  const admit = (
    request: Request,
    reply: FastifyReply,
    done: HookHandlerDoneFunction,
    caller: Caller,
    who: AuthenticatedCaller,
  ): void => {
    // Written out, not spread: once per request, on the hot path.
    request.caller = {
      id: who.id,
      kind: who.kind,
      subject: who.subject,
      issuer: who.issuer,
      rate: caller.rate,
      weight: caller.weight,
    };
    const name = who.kind === 'key' ? `Key "${who.id}"` : `Caller "${who.id}"`;
    if (!Callers.allows(caller, request.params.project_id)) {
      refuse(request, who.kind, 'project', () =>
        sendProxyError(reply, 403, `${name} may not use this project.`),
      );
      return;
    }
    metrics.callerRequests.inc({ caller: who.id, kind: who.kind });
    done();
  };

  // Callback style: answering without calling done() ends the request here.
  return (request: Request, reply: FastifyReply, done: HookHandlerDoneFunction) => {
    // Stryker disable next-line StringLiteral: any text without "Bearer " holds no credential, as '' holds none.
    const credential = BEARER.exec(request.headers.authorization ?? '')?.[1];
    if (credential && looksLikeJwt(credential)) {
      keys.tokens.identify(credential).then(
        (result) => {
          if (isRefusal(result)) {
            request.issuerProblem = result.issuerProblem;
            refuse(request, 'token', result.reason, () =>
              sendProxyError(reply, result.status, result.message, { headers: refusalHeaders(result) }),
            );
            return;
          }
          admit(request, reply, done, result.caller, {
            id: result.caller.id,
            kind: 'token',
            subject: result.subject,
            issuer: result.issuer,
          });
        },
        // identify() answers every token with its caller or a refusal; were it to fail, the error handler's 500.
        // Stryker disable next-line ArrowFunction: a safety net no token reaches (identify() does not reject).
        (error: unknown) => done(error as Error),
      );
      return;
    }
    const key = credential ? keys.authenticate(credential) : undefined;
    if (!key) {
      refuse(request, 'key', credential ? 'unknown-key' : 'missing', () =>
        sendProxyError(reply, 401, 'Missing or unknown caller key: send Authorization: Bearer <key>.', {
          headers: { 'www-authenticate': 'Bearer' },
        }),
      );
      return;
    }
    admit(request, reply, done, key, { id: key.id, kind: 'key' });
  };
}

export interface AuthOptions {
  callers: Callers;
}

function decorateAuthentication(app: FastifyInstance, { callers }: AuthOptions): void {
  app.decorateRequest('caller', undefined);
  app.decorateRequest('refusal', undefined);
  app.decorateRequest('issuerProblem', undefined);
  app.decorate('authenticate', authenticateCaller(callers, app.metrics));
}

/** `app.authenticate`, the hook that names `request.caller` (or refuses the request). */
export const authPlugin = fp(decorateAuthentication, {
  name: 'auth',
  fastify: '5.x',
  dependencies: ['metrics'],
});
