// createLogoffClient(): requests are built by openapi-fetch on the paths generated from the spec, so a body the spec
// refuses does not compile; the Auth runs as middleware, where it sees the exact bytes sent; and one attempt is a
// function of its own (attemptOnce), so the attempt loop (attempts.ts) is tested without HTTP.
import createClient from 'openapi-fetch';
import type { Auth } from '../auth/types.js';
import { ValidationError, WksError } from '../errors/classes.js';
import { type RetryOptions, type RetryPolicy, retryPolicyOf } from '../retry/policy.js';
import type { paths } from '../spec/generated/openapi.js';
import { SUCCESS_STATUSES } from '../spec/limits.js';
import type { LogoffRequestBody } from '../spec/types.js';
import { assertLogoffRequest, assertProjectId } from '../spec/validate.js';
import { toApiError } from '../transport/api-error.js';
import { fetchTransport } from '../transport/fetch.js';
import { transportOption } from '../transport/option.js';
import { toSendError } from '../transport/send-error.js';
import { isCoreTransport, type Transport, type TransportResponse } from '../transport/types.js';
import { rememberBody } from '../transport/wire.js';
import { type AttemptEvent, type LogoffResult, runAttempts } from './attempts.js';
import { deadline } from './deadline.js';
import { CLIENT_DEFAULTS, checkClientOptions } from './options.js';
import { OutgoingRequest } from './outgoing-request.js';

const LOGOFF_PATH = '/v2/{project_id}/desktops/logoff';

export interface LogoffClientOptions {
  /** Base URL of the Workspace endpoint (or of the wks-logoff proxy, or of a mock). */
  endpoint: string;
  /** The project whose desktops are logged off. */
  projectId: string;
  /** How requests are authenticated: `tokenAuth`, `akskAuth`, `iamTokenAuth`, `bearerAuth`. */
  auth: Auth;
  /** Timeout of one attempt, in milliseconds (default 30 000). */
  timeoutMs?: number | undefined;
  /** Deadline of a whole call, retries and waits included (default none). */
  totalTimeoutMs?: number | undefined;
  /** Retry policy; unspecified fields keep the defaults (`CLIENT_DEFAULTS.retry`). */
  retry?: RetryOptions | undefined;
  /** Called after every attempt. */
  onAttempt?: ((event: AttemptEvent) => void) | undefined;
  /**
   * How requests are sent (default `fetchTransport()`): `nodeHttpTransport()`, `undiciTransport()` from
   * `@wks-logoff/core/undici`, or any function from a `Request` to a `TransportResponse` (a web `fetch` is one).
   */
  transport?: Transport | undefined;
  /** Random source of the backoff jitter (tests). */
  random?: (() => number) | undefined;
}

export interface LogoffCallOptions {
  /** Cancels the call, including a wait between attempts. */
  signal?: AbortSignal | undefined;
  /** Called after every attempt of this call (besides the client's `onAttempt`). */
  onAttempt?: ((event: AttemptEvent) => void) | undefined;
}

export interface LogoffClient {
  readonly endpoint: string;
  readonly projectId: string;
  readonly retryPolicy: Readonly<RetryPolicy>;
  /**
   * How it authenticates (its Auth's `scheme`). A `bearer` client talks to the wks-logoff proxy, which holds the
   * cloud's quota and paces every caller, so `logoffMany` gives it no default rate of its own.
   */
  readonly authScheme?: string | undefined;
  /** Logs off up to 100 desktops in one request, retrying per the policy. Rejects with a WksError subclass. */
  logoff(body: LogoffRequestBody, options?: LogoffCallOptions): Promise<LogoffResult>;
}

function originOf(endpoint: string): string {
  try {
    return new URL(endpoint).origin;
  } catch {
    return '(invalid endpoint)';
  }
}

export function createLogoffClient(options: LogoffClientOptions): LogoffClient {
  assertProjectId(options.projectId);
  const issues = checkClientOptions(options);
  if (issues.length > 0) {
    throw new ValidationError(issues, 'Invalid client options');
  }
  const { auth, projectId } = options;
  const timeoutMs = options.timeoutMs ?? CLIENT_DEFAULTS.timeoutMs;
  const policy = retryPolicyOf(options.retry);
  const random = options.random ?? Math.random;
  const where = originOf(options.endpoint);
  const transport = transportOption(options) ?? fetchTransport();
  const bodyOutsideStream = isCoreTransport(transport);
  const api = createClient<paths>({
    baseUrl: options.endpoint,
    // openapi-fetch reads only what TransportResponse declares (status, ok, headers.get, text).
    fetch: transport as unknown as (request: Request) => Promise<Response>,
    // For a transport that sends the Request as it is: core's own never follow a redirect either.
    redirect: 'manual',
    ...(bodyOutsideStream ? { Request: OutgoingRequest as unknown as typeof Request } : {}),
  });

  /** One attempt: resolves with the request ID on success, throws a WksError otherwise. */
  async function attemptOnce(
    body: LogoffRequestBody,
    payload: string,
    overall: AbortSignal | undefined,
    callerSignal: AbortSignal | undefined,
  ) {
    const attempt = deadline(timeoutMs, overall ? [overall] : []);
    const { signal } = attempt;
    let result: { response: TransportResponse; error?: unknown };
    try {
      result = await api.POST(LOGOFF_PATH, {
        params: { path: { project_id: projectId } },
        body,
        headers: { 'Content-Type': 'application/json' },
        // Serialised once per call: auth signs exactly these bytes and every attempt sends them. Core's own
        // transports read them off the Request object (a body inside a Request costs a web stream per attempt).
        bodySerializer: () => (bodyOutsideStream ? undefined : payload),
        middleware: [
          {
            // The Auth sets headers in place, seeing the exact body that will be sent.
            onRequest: async ({ request }) => {
              await auth.authorize({
                method: request.method,
                url: request.url,
                headers: request.headers,
                body: payload,
              });
              rememberBody(request, payload);
            },
          },
        ],
        signal,
        parseAs: 'text',
      });
    } catch (error) {
      if (error instanceof WksError) {
        throw error;
      }
      throw toSendError(error, where, callerSignal);
    } finally {
      attempt.clear();
    }
    // Only the spec's success is one: a redirect, or another 2xx, fails (the latter marked uncertain).
    if (!SUCCESS_STATUSES.includes(result.response.status)) {
      throw toApiError(result.response, result.error);
    }
    return {
      status: result.response.status,
      requestId: result.response.headers.get('x-request-id') ?? undefined,
    };
  }

  return {
    endpoint: options.endpoint,
    projectId,
    retryPolicy: Object.freeze({ ...policy }),
    authScheme: auth.scheme,
    async logoff(body, callOptions = {}) {
      assertLogoffRequest(body);
      const payload = JSON.stringify(body);
      const callerSignal = callOptions.signal;
      // The whole call's deadline also follows the caller's signal, so one signal covers both.
      const total = options.totalTimeoutMs
        ? deadline(options.totalTimeoutMs, callerSignal ? [callerSignal] : [])
        : undefined;
      const overall = total?.signal ?? callerSignal;
      try {
        return await runAttempts({
          send: () => attemptOnce(body, payload, overall, callerSignal),
          auth,
          policy,
          random,
          signal: overall,
          toError: (caught) =>
            caught instanceof WksError ? caught : toSendError(caught, where, callerSignal),
          emit: (event) => {
            options.onAttempt?.(event);
            callOptions.onAttempt?.(event);
          },
        });
      } finally {
        total?.clear();
      }
    },
  };
}
