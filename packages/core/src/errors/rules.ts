// What each failure means, in one table: for each HTTP status (by the layer that answered), each network failure
// and each failure of our own, whether sending again can help, whether the cloud may have done the work anyway,
// whether the gateway is throttling, whether the whole batch must stop, whether the cloud (or the way to it) is
// failing for every request, and whether one desktop can cause it (so that splitting its chunk finds it). The
// errors' `retryable` and `uncertain`, the retry policy and the batch all read it; none of them decides on its own.
// Success is the spec's own success status (200), nothing else: a redirect is a failure (never followed, so
// credentials never leave the configured origin), and another 2xx is a failure whose outcome is uncertain.

/** Where an HTTP error body came from. */
export type ErrorSource = 'service' | 'gateway' | 'unknown';

/**
 * What went wrong below HTTP: `connect` never reached the cloud; `timeout`, `reset`, `network` may have;
 * `oversized`: an answer came, larger than a logoff's answer can be, and was not read (the request was processed,
 * or not: the outcome is uncertain, and asking again would bring the same answer).
 */
export type NetworkErrorKind = 'connect' | 'timeout' | 'reset' | 'aborted' | 'network' | 'oversized';

export interface FailureRule {
  /**
   * Sending the same request again can help: `yes` within a call's attempts; `if-server-errors` only when the
   * retry policy says so; `later` only once the error's `retryAfterMs` has passed, so not within a call.
   */
  retry: 'yes' | 'no' | 'if-server-errors' | 'later';
  /** The cloud may have done the work although the answer says otherwise or never came. */
  uncertain: boolean;
  /** The gateway is throttling: wait longer, and send less. */
  throttled: boolean;
  /**
   * Nothing more should be sent: the credentials (`auth`) or the permission (`forbidden`) are wrong for all, or the
   * configuration fails every request before it is sent (`configuration`: a token file gone, a malformed credential).
   */
  stop: 'auth' | 'forbidden' | 'configuration' | undefined;
  /**
   * The cloud, or the way to it, is failing every request alike (down, unreachable, overloaded): when it goes on
   * for several calls in a row, a batch stops rather than spend its retries on every chunk.
   */
  systemic: boolean;
  /** One desktop can cause it, so splitting the chunk finds it; `if-named` only when the error names an ID. */
  isolatable: 'yes' | 'no' | 'if-named';
}

const NOTHING: FailureRule = {
  retry: 'no',
  uncertain: false,
  throttled: false,
  stop: undefined,
  systemic: false,
  isolatable: 'no',
};
const rule = (overrides: Partial<FailureRule>): FailureRule => ({ ...NOTHING, ...overrides });

/**
 * By HTTP status: `service` rows apply to the Workspace service's own errors (WKS.*), `other` rows to the
 * gateway's or unknown bodies, `any` rows to all. A gateway error is the same for every half of a chunk, so only
 * the service's own errors are isolatable.
 */
const HTTP: Record<number, { service?: FailureRule; other?: FailureRule; any?: FailureRule }> = {
  400: { service: rule({ isolatable: 'if-named' }) },
  // Never repeated: five AK/SK failures in a row lock the key for 5 minutes.
  401: { any: rule({ stop: 'auth' }) },
  403: { service: rule({ isolatable: 'yes' }), other: rule({ stop: 'forbidden' }) },
  404: { service: rule({ isolatable: 'yes' }) },
  409: { service: rule({ isolatable: 'yes' }) },
  429: { any: rule({ retry: 'yes', throttled: true }) },
  // The service may have done part of the work: retrying it is the policy's choice.
  500: { any: rule({ retry: 'if-server-errors', systemic: true }) },
  502: { any: rule({ retry: 'yes', systemic: true }) },
  503: { any: rule({ retry: 'yes', systemic: true }) },
  // The backend did not answer the gateway in time: it may have processed the logoff.
  504: { any: rule({ retry: 'yes', uncertain: true, systemic: true }) },
};

// Not followed: the cloud did not do the work, and an endpoint that redirects one call redirects them all.
const REDIRECT = rule({ systemic: true });
// A success the spec does not declare (e.g. 202): the cloud may have done the work, or may not; sending again
// could deliver it twice.
const OTHER_SUCCESS = rule({ uncertain: true });

/** The failures of our own, by the error's name (the error classes read this table, so it cannot import them). */
const OWN = new Map<string, FailureRule>([
  // Input that breaks the spec: nothing was sent, and the same input would break it again.
  ['ValidationError', NOTHING],
  // A configuration error at request time (a token file that vanished, a malformed credential): nothing was sent,
  // and every request would fail alike.
  ['ConfigurationError', rule({ stop: 'configuration' })],
  // A limit of this process (IAM logins per minute): nothing was sent; it frees up after the error's retryAfterMs.
  ['LocalLimitError', rule({ retry: 'later' })],
]);

const NETWORK: Record<NetworkErrorKind, FailureRule> = {
  // Refused, DNS and TLS failures: the request never reached the cloud.
  connect: rule({ retry: 'yes', systemic: true }),
  timeout: rule({ retry: 'yes', uncertain: true, systemic: true }),
  reset: rule({ retry: 'yes', uncertain: true, systemic: true }),
  network: rule({ retry: 'yes', uncertain: true, systemic: true }),
  aborted: NOTHING,
  // Something on the way answers what no logoff answer is (a misconfigured gateway): it will for every call.
  oversized: rule({ uncertain: true, systemic: true }),
};

export function httpRule(status: number, source: ErrorSource): FailureRule {
  const row = HTTP[status];
  const listed = (source === 'service' ? row?.service : row?.other) ?? row?.any;
  if (listed) {
    return listed;
  }
  if (status >= 300 && status < 400) {
    return REDIRECT;
  }
  // Stryker disable next-line EqualityOperator: 200 is the spec's success, never an error; 300 is a redirect above.
  return status >= 200 && status < 300 ? OTHER_SUCCESS : NOTHING;
}

export function networkRule(kind: NetworkErrorKind): FailureRule {
  return NETWORK[kind];
}

/**
 * The rule of any failure: an HTTP error by status and source, a network error by kind, one of our own by its
 * name, anything else none.
 */
export function ruleOf(error: unknown): FailureRule {
  const { status, source, kind, name } = (error ?? {}) as {
    status?: unknown;
    source?: unknown;
    kind?: unknown;
    name?: unknown;
  };
  if (typeof status === 'number') {
    return httpRule(status, source as ErrorSource);
  }
  if (name === 'WorkspaceNetworkError') {
    return networkRule(kind as NetworkErrorKind) ?? NOTHING;
  }
  return OWN.get(name as string) ?? NOTHING;
}

/** Whether sending the same request again could succeed, now or later (an error's `retryable`). */
export function isRetryable(rule: FailureRule): boolean {
  return rule.retry === 'yes' || rule.retry === 'later';
}
