// IAM token provider: obtains a user token (password) or an agency token (assume-role) from IAM, caches it
// until shortly before it expires, keeps one refresh in flight, and refreshes when the gateway says the token
// must be updated (APIGW.0307). The password is only ever sent to IAM, and never appears in an error.
import { ENV } from '../config/env.js';
import { ConfigurationError, LocalLimitError, WksError, WorkspaceApiError } from '../errors/classes.js';
import { toApiError } from '../transport/api-error.js';
import { fetchTransport } from '../transport/fetch.js';
import { transportOption } from '../transport/option.js';
import { toSendError } from '../transport/send-error.js';
import type { Transport, TransportResponse } from '../transport/types.js';
import type { Auth } from './types.js';

export interface IamPasswordIdentity {
  /** Account (domain) name. */
  domain: string;
  user: string;
  password: string;
}

export interface IamAgency {
  /** The delegating account's name. */
  domain: string;
  agency: string;
}

export interface IamTokenOptions {
  /** IAM endpoint, e.g. `https://iam.cn-north-4.myhuaweicloud.com` (or `https://iam.myhuaweicloud.com`). */
  iamEndpoint: string;
  identity: IamPasswordIdentity;
  /** Assume this agency with the user's token. */
  agency?: IamAgency | undefined;
  /** Scope of the token: a project by ID, or by name (a region name such as `cn-north-4`). */
  project: { id: string } | { name: string };
  /** Refresh this long before `expires_at` (default 10 minutes). */
  refreshMarginMs?: number | undefined;
  /** Timeout of one IAM call (default 30 s). */
  timeoutMs?: number | undefined;
  /**
   * How long a failed login is remembered (default 10 s): calls in that time fail with the same error without
   * asking IAM again, so a burst does not hammer it.
   */
  failureTtlMs?: number | undefined;
  /**
   * A bound on logins shared with other providers: `take()` counts one login or throws (a LocalLimitError) when
   * the bound is reached; see `resolveCredentials`'s `iamLoginsPerMinute`.
   */
  loginBudget?: { take(): void } | undefined;
  /** How IAM calls are sent (default `fetchTransport()`). */
  transport?: Transport | undefined;
  now?: (() => number) | undefined;
}

export interface IamToken {
  value: string;
  expiresAt: number;
  projectId: string | undefined;
}

export interface IamTokenAuth extends Auth {
  /** The current token, fetched or refreshed when needed. */
  token(): Promise<IamToken>;
}

interface TokenBody {
  token?: { expires_at?: string; project?: { id?: string } };
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** A copy of an error, so that callers sharing a remembered failure do not share one mutable object. */
function copyOf<E extends Error>(error: E): E {
  return Object.defineProperties(
    Object.create(Object.getPrototypeOf(error)),
    Object.getOwnPropertyDescriptors(error),
  ) as E;
}

/** Refuses a missing or empty part of the identity at once: a login without it cannot succeed. */
function checkIdentity(identity: IamPasswordIdentity): void {
  const parts = [
    ['account (domain) name', identity?.domain],
    ['user name', identity?.user],
    ['password', identity?.password],
  ] as const;
  for (const [what, value] of parts) {
    if (typeof value !== 'string') {
      throw new ConfigurationError(`The IAM ${what} given to iamTokenAuth is missing.`);
    }
    if (value.trim() === '') {
      throw new ConfigurationError(`The IAM ${what} given to iamTokenAuth is empty.`);
    }
  }
}

export function iamTokenAuth(options: IamTokenOptions): IamTokenAuth {
  checkIdentity(options.identity);
  const send = transportOption(options) ?? fetchTransport();
  const now = options.now ?? Date.now;
  const margin = options.refreshMarginMs ?? 10 * 60 * 1000;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const failureTtlMs = options.failureTtlMs ?? 10_000;
  const url = `${options.iamEndpoint.replace(/\/$/, '')}/v3/auth/tokens?nocatalog=true`;
  let cached: IamToken | undefined;
  let inFlight: Promise<IamToken> | undefined;
  let failed: { error: WksError; at: number } | undefined;

  async function requestToken(identity: object, subjectToken?: string): Promise<IamToken> {
    const headers: Record<string, string> = { 'Content-Type': 'application/json;charset=utf8' };
    if (subjectToken) {
      headers['X-Auth-Token'] = subjectToken;
    }
    const body = JSON.stringify({ auth: { identity, scope: { project: options.project } } });
    const { response, parsed } = await exchange(
      send,
      new Request(url, {
        method: 'POST',
        headers,
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(timeoutMs),
      }),
    );
    if (response.status !== 201 && response.status !== 200) {
      const error = toApiError(response, parsed);
      error.hint = isRedirect(response)
        ? REDIRECT_HINT
        : `IAM refused the token request: check ${ENV.iamDomain}, ${ENV.iamUser} and the password.`;
      throw error;
    }
    const value = response.headers.get('x-subject-token');
    if (!value) {
      throw new ConfigurationError(
        `IAM at ${new URL(url).origin} answered without an X-Subject-Token header.`,
      );
    }
    const token = (parsed as TokenBody).token;
    const expiresAt = token?.expires_at ? Date.parse(token.expires_at) : Number.NaN;
    return {
      value,
      expiresAt: Number.isFinite(expiresAt) ? expiresAt : now() + DAY_MS,
      projectId: token?.project?.id,
    };
  }

  async function obtain(): Promise<IamToken> {
    const { domain, user, password } = options.identity;
    const userToken = await requestToken({
      methods: ['password'],
      password: { user: { domain: { name: domain }, name: user, password } },
    });
    if (!options.agency) {
      return userToken;
    }
    return requestToken(
      {
        methods: ['assume_role'],
        assume_role: { domain_name: options.agency.domain, agency_name: options.agency.agency },
      },
      userToken.value,
    );
  }

  /** One login at a time; a failure is remembered for failureTtlMs (a local limit is not IAM's answer). */
  function refreshNow(): Promise<IamToken> {
    if (failed && now() - failed.at < failureTtlMs) {
      return Promise.reject(copyOf(failed.error));
    }
    inFlight ??= (async () => {
      options.loginBudget?.take();
      return obtain();
    })()
      .then(
        (token) => {
          cached = token;
          failed = undefined;
          return token;
        },
        (error: unknown) => {
          if (error instanceof WksError && !(error instanceof LocalLimitError)) {
            failed = { error, at: now() };
          }
          throw error;
        },
      )
      .finally(() => {
        inFlight = undefined;
      });
    return inFlight;
  }

  async function token(): Promise<IamToken> {
    if (cached && now() < cached.expiresAt - margin) {
      return cached;
    }
    return refreshNow();
  }

  return {
    scheme: 'iam-password',
    token,
    async authorize(request) {
      request.headers.set('X-Auth-Token', (await token()).value);
    },
    // The gateway says the token must be updated (expired, or revoked): get a new one and try once more.
    async refresh(error) {
      if (!isTokenExpired(error)) {
        return false;
      }
      cached = undefined;
      await refreshNow();
      return true;
    },
  };
}

/** Looks a project ID up by region name (`GET /v3/projects?name=<region>`), authenticated with `auth`. */
export async function lookupProjectId(options: {
  iamEndpoint: string;
  region: string;
  auth: Auth;
  transport?: Transport | undefined;
  timeoutMs?: number | undefined;
}): Promise<string> {
  const send = options.transport ?? fetchTransport();
  const url = `${options.iamEndpoint.replace(/\/$/, '')}/v3/projects?name=${encodeURIComponent(options.region)}`;
  const headers = new Headers({ 'Content-Type': 'application/json' });
  await options.auth.authorize({ method: 'GET', url, headers, body: undefined });
  const request = new Request(url, {
    headers,
    redirect: 'manual',
    signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
  });
  const { response, parsed: body } = await exchange(send, request);
  if (response.status !== 200) {
    const error = toApiError(response, body);
    if (isRedirect(response)) {
      error.hint = REDIRECT_HINT;
    }
    throw error;
  }
  const projects = (body as { projects?: { id?: string; name?: string }[] }).projects ?? [];
  const match = projects.find((project) => project.name === options.region && project.id);
  if (!match?.id) {
    throw new ConfigurationError(
      `No project named "${options.region}" was found through IAM; set the project ID (${ENV.projectId}).`,
    );
  }
  return match.id;
}

/** Sends an IAM request; the answer's body parsed as JSON when it is JSON, else its text. */
async function exchange(
  send: Transport,
  request: Request,
): Promise<{ response: TransportResponse; parsed: unknown }> {
  let response: TransportResponse;
  try {
    response = await send(request);
  } catch (error) {
    throw toSendError(error, new URL(request.url).origin);
  }
  const text = await response.text();
  try {
    return { response, parsed: JSON.parse(text) };
  } catch {
    return { response, parsed: text };
  }
}

// IAM calls never follow a redirect (the password or the token would go with it): the endpoint is wrong.
const REDIRECT_HINT = `IAM answered with a redirect: check ${ENV.iamEndpoint} (or the region).`;

function isRedirect(response: TransportResponse): boolean {
  return response.status >= 300 && response.status < 400;
}

function isTokenExpired(error: unknown): boolean {
  return error instanceof WorkspaceApiError && error.status === 401 && error.errorCode === 'APIGW.0307';
}
