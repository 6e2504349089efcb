// POST /v2/{project_id}/desktops/logoff: the cloud's own contract. Authenticate the caller, validate with the
// spec's schemas (core's generated validators: exactly as strict as the spec, no coercion), forward one request
// as one request through @wks-logoff/core, answer what the cloud answered in the spec's shapes.
import {
  checkLogoffRequest,
  checkProjectId,
  DOCUMENTED_STATUSES,
  LocalLimitError,
  type LogoffRequestBody,
  toErrorBody,
  WksError,
  WorkspaceApiError,
  WorkspaceNetworkError,
} from '@wks-logoff/core';
import type { FastifyInstance, FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import { retryAfter, sendProxyError } from '../errors.js';
import type { AuthenticatedCaller } from '../plugins/auth.js';
import { BudgetRefusal } from '../plugins/budget.js';

const LOGOFF_URL = '/v2/:project_id/desktops/logoff';

/** Statuses the spec declares for the operation (anything else from upstream becomes a 502). */
const DECLARED = new Set(DOCUMENTED_STATUSES);

type LogoffRequest = FastifyRequest<{ Params: { project_id: string }; Body: unknown }>;

export interface LogoffRouteOptions {
  /** Named in the 504 when an upstream attempt runs out of time. */
  upstreamTimeoutMs: number;
}

function describeIssues(issues: { field: string; message: string }[]): string {
  return issues.map((issue) => `${issue.field} ${issue.message}`).join('; ');
}

/**
 * Where the path as sent holds percent-encoding, which the router decoded: refused rather than forwarded decoded
 * (`%32b31…` is not the project `2b31…` the caller may seem to mean, and no valid path needs it).
 */
function encodedPart(url: string): string | undefined {
  // Most requests have no '%' anywhere: answered without splitting the URL (the check below answers the same).
  // Stryker disable next-line ConditionalExpression,BlockStatement,StringLiteral: that shortcut, equivalent by design.
  if (!url.includes('%')) {
    return undefined;
  }
  // Stryker disable next-line StringLiteral: split() always gives a first part.
  const [path = ''] = url.split('?');
  if (!path.includes('%')) {
    return undefined;
  }
  // Stryker disable next-line OptionalChaining: the route's path always has a third segment.
  return path.split('/')[2]?.includes('%') ? 'project_id' : 'path';
}

function validate(request: LogoffRequest, reply: FastifyReply, done: HookHandlerDoneFunction) {
  const encoded = encodedPart(request.url);
  if (encoded) {
    const message = encoded === 'project_id' ? 'Invalid project_id.' : 'Invalid URL.';
    sendProxyError(reply, 400, message, { detail: `${encoded} must not be percent-encoded` });
    return;
  }
  const projectIssues = checkProjectId(request.params.project_id);
  if (projectIssues.length > 0) {
    sendProxyError(reply, 400, 'Invalid project_id.', { detail: describeIssues(projectIssues) });
    return;
  }
  const issues = checkLogoffRequest(request.body);
  if (issues.length > 0) {
    sendProxyError(reply, 400, 'Invalid request body.', { detail: describeIssues(issues) });
    return;
  }
  done();
}

/** How much of an answer outside the API's shapes goes to the log (never to the caller). */
const SNIPPET_LENGTH = 300;

/**
 * Answers an upstream failure in the spec's shapes, keeping the cloud's status, code and request ID. An answer
 * outside the API's error shapes (an HTML page of a load balancer, an undeclared status) may name internal hosts:
 * the caller gets a generic 502 with the cloud's request ID, the log gets a snippet.
 */
function sendUpstreamError(request: FastifyRequest, reply: FastifyReply, error: WksError, timeoutMs: number) {
  if (error instanceof WorkspaceApiError) {
    const headers: Record<string, string> = {
      ...(error.requestId ? { 'x-request-id': error.requestId } : {}),
      ...(error.retryAfterMs !== undefined ? retryAfter(error.retryAfterMs) : {}),
    };
    if (!DECLARED.has(error.status) || !error.errorCode) {
      request.log.warn(
        {
          upstreamStatus: error.status,
          upstreamRequestId: error.requestId,
          upstreamErrorCode: error.errorCode,
          upstreamSnippet: error.errorMsg?.slice(0, SNIPPET_LENGTH),
        },
        'upstream answer outside the API’s error shapes',
      );
      const id = error.requestId ? ` (request ID ${error.requestId})` : '';
      return sendProxyError(
        reply,
        502,
        `The cloud answered HTTP ${error.status} outside the API's error shapes${id}.`,
        { headers },
      );
    }
    // The cloud's own answer, rebuilt in its shape (never forwarded as bytes).
    const body = toErrorBody({
      source: error.source,
      errorCode: error.errorCode,
      errorMsg: error.errorMsg,
      errorDetail: error.errorDetail,
      encodedAuthorizationMessage: error.encodedAuthorizationMessage,
      requestId: error.requestId ?? String(reply.request.id),
    });
    // Stryker disable next-line StringLiteral: fastify sends an object as application/json anyway; said for the reader.
    return reply.code(error.status).headers(headers).type('application/json').send(body);
  }
  if (error instanceof WorkspaceNetworkError && error.kind === 'timeout') {
    return sendProxyError(reply, 504, `The cloud did not answer within ${timeoutMs} ms.`);
  }
  if (error instanceof LocalLimitError) {
    return sendProxyError(reply, 503, "The proxy's IAM login limit is reached; retry later.", {
      headers: retryAfter(error.retryAfterMs),
    });
  }
  if (error instanceof WorkspaceNetworkError && error.kind === 'oversized') {
    return sendProxyError(
      reply,
      502,
      'The cloud’s answer was larger than a logoff’s answer can be; it was not read.',
    );
  }
  if (error instanceof WorkspaceNetworkError) {
    return sendProxyError(reply, 502, `Could not reach the cloud (${error.kind}).`);
  }
  return sendProxyError(reply, 502, 'The request could not be forwarded.');
}

/** Refused by the upstream budget, so never sent: 429 with the wait to expect, in whole seconds. */
function sendBudgetRefusal(reply: FastifyReply, caller: AuthenticatedCaller, refusal: BudgetRefusal) {
  reply.request.refusal = refusal.reason;
  const name = caller.kind === 'key' ? `Key "${caller.id}"` : `Caller "${caller.id}"`;
  const message =
    refusal.reason === 'caller-rate'
      ? `${name} is over its rate of ${caller.rate} requests per second.`
      : 'The proxy’s upstream budget is taken for longer than requests may wait; retry later.';
  return sendProxyError(reply, 429, message, {
    // A whole second at least: 'Retry-After: 0' would invite the caller straight back.
    headers: retryAfter(Math.max(refusal.retryAfterMs, 1000)),
  });
}

export async function logoffRoute(app: FastifyInstance, { upstreamTimeoutMs }: LogoffRouteOptions) {
  const { metrics } = app;
  app.route<{ Params: { project_id: string }; Body: unknown }>({
    method: 'POST',
    url: LOGOFF_URL,
    onRequest: app.authenticate,
    preValidation: validate,
    handler: async (request, reply) => {
      app.inFlight.track(reply.raw);
      const projectId = request.params.project_id;
      const body = request.body as LogoffRequestBody;
      let started = performance.now();
      const caller = request.caller as AuthenticatedCaller;
      const logoff = { caller, projectId, desktopIds: body.desktop_ids, message: body.message };
      try {
        // Each attempt upstream waits for its slot of the budget; a client that goes away leaves the queue.
        const client = app.clientFor(projectId);
        const result = await app.upstreamGate.send(caller, reply.raw, () => {
          // The upstream's time, not the wait for a slot (that is wks_proxy_budget_wait_seconds).
          started = performance.now();
          return client.logoff(body);
        });
        metrics.upstreamSeconds.observe({ outcome: 'accepted' }, (performance.now() - started) / 1000);
        metrics.desktopsLoggedOff.inc(body.desktop_ids.length);
        request.audit(logoff, {
          outcome: 'accepted',
          status: 200,
          upstreamRequestId: result.requestId,
          errorCode: undefined,
        });
        if (result.requestId) {
          reply.header('x-request-id', result.requestId);
        }
        // Stryker disable next-line StringLiteral: fastify sends an empty answer with Content-Length 0 anyway.
        return reply.code(200).header('content-length', '0').send();
      } catch (caught) {
        if (caught instanceof BudgetRefusal) {
          return sendBudgetRefusal(reply, caller, caught);
        }
        // Stryker disable next-line ConditionalExpression,BlockStatement: core's client throws only its typed errors.
        if (!(caught instanceof WksError)) {
          throw caught;
        }
        const api = caught instanceof WorkspaceApiError ? caught : undefined;
        metrics.upstreamSeconds.observe(
          { outcome: api ? 'rejected' : 'failed' },
          (performance.now() - started) / 1000,
        );
        metrics.upstreamErrors.inc({
          kind: api
            ? String(api.status)
            : caught instanceof WorkspaceNetworkError
              ? caught.kind
              : caught.name,
        });
        request.audit(logoff, {
          outcome: api ? 'rejected' : 'failed',
          status: api?.status ?? 0,
          upstreamRequestId: api?.requestId,
          errorCode: api?.errorCode,
        });
        return sendUpstreamError(request, reply, caught, upstreamTimeoutMs);
      }
    },
  });
  app.route({
    // Every other method fastify knows (OPTIONS and TRACE included; HEAD comes with GET).
    // Stryker disable next-line ConditionalExpression,StringLiteral: an explicit HEAD answers the 405 GET's would.
    method: app.supportedMethods.filter((method) => method !== 'POST' && method !== 'HEAD'),
    url: LOGOFF_URL,
    handler: (request, reply) =>
      sendProxyError(reply, 405, `Method ${request.method} is not allowed: use POST.`, {
        headers: { allow: 'POST' },
      }),
  });
}
