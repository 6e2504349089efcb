// createLogoffClient(): openapi-fetch on the generated paths, auth as middleware, one typed outcome per call.
import createClient from 'openapi-fetch';
import type { Auth } from './auth/types.js';
import { WksError } from './errors.js';
import type { paths } from './generated/openapi.js';
import { toNetworkError } from './network-error.js';
import { toApiError } from './parse-error.js';
import type { LogoffRequestBody } from './types.js';
import { assertLogoffRequest, assertProjectId } from './validate.js';

const LOGOFF_PATH = '/v2/{project_id}/desktops/logoff';
const DEFAULT_TIMEOUT_MS = 30_000;

/** Sends a request; defaults to the global `fetch`. The proxy plugs in a pooled undici transport here. */
export type Transport = (request: Request) => Promise<Response>;

export interface LogoffClientOptions {
  /** Base URL of the Workspace endpoint (or of the wks-logoff proxy, or of a mock). */
  endpoint: string;
  /** The project whose desktops are logged off. */
  projectId: string;
  /** How requests are authenticated: `tokenAuth(...)` and friends. */
  auth: Auth;
  /** Timeout of one attempt, in milliseconds (default 30 000). */
  timeoutMs?: number;
  /** Custom transport. */
  fetch?: Transport;
}

export interface LogoffCallOptions {
  /** Cancels the call. */
  signal?: AbortSignal;
}

export interface LogoffResult {
  /** The cloud's request ID (`X-Request-Id`), if it sent one. */
  requestId: string | undefined;
  /** The HTTP status of the success (200). */
  status: number;
  /** Attempts made, including the successful one. */
  attempts: number;
  /** An earlier attempt may also have reached the cloud (it timed out or was reset after sending). */
  uncertain: boolean;
}

export interface LogoffClient {
  readonly endpoint: string;
  readonly projectId: string;
  /** Logs off up to 100 desktops in one request. Rejects with a WksError subclass. */
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
  const { auth, projectId } = options;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const where = originOf(options.endpoint);
  const api = createClient<paths>({
    baseUrl: options.endpoint,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  api.use({ onRequest: ({ request }) => auth.authorize(request) });

  async function attempt(body: LogoffRequestBody, callerSignal: AbortSignal | undefined) {
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = callerSignal ? AbortSignal.any([callerSignal, timeout]) : timeout;
    try {
      return await api.POST(LOGOFF_PATH, {
        params: { path: { project_id: projectId } },
        body,
        signal,
        parseAs: 'text',
      });
    } catch (error) {
      if (error instanceof WksError) throw error;
      throw toNetworkError(error, where, callerSignal);
    }
  }

  return {
    endpoint: options.endpoint,
    projectId,
    async logoff(body, callOptions = {}) {
      assertLogoffRequest(body);
      const { response, error } = await attempt(body, callOptions.signal);
      if (response.ok) {
        return {
          requestId: response.headers.get('x-request-id') ?? undefined,
          status: response.status,
          attempts: 1,
          uncertain: false,
        };
      }
      throw toApiError(response, error);
    },
  };
}
