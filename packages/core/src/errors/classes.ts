// One way to fail: every failure of core is a WksError subclass with `retryable` and `uncertain`, so callers
// (retry policy, batch engine, CLI, proxy) decide from fields, never from message text. Both come from the failure
// rules (rules.ts), never from whoever builds the error. No secret ever enters an error: messages are built from
// the cloud's answer, our own words, and desktop/project IDs.

import {
  type ErrorSource,
  httpRule,
  isRetryable,
  type NetworkErrorKind,
  networkRule,
  ruleOf,
} from './rules.js';

export type { ErrorSource, NetworkErrorKind } from './rules.js';

export abstract class WksError extends Error {
  /**
   * The request may have reached the cloud even though we got no answer (a logoff may already be underway): as the
   * failure rules say, or because an earlier attempt of the same call may have.
   */
  uncertain = false;

  /** Whether sending the same request again could succeed (a `LocalLimitError` only after its `retryAfterMs`). */
  get retryable(): boolean {
    return isRetryable(ruleOf(this));
  }

  /** The same shape for every error: name, message, retryable, uncertain, then its own fields. */
  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      message: this.message,
      retryable: this.retryable,
      uncertain: this.uncertain,
      ...this.fields(),
    };
  }

  protected abstract fields(): Record<string, unknown>;
}

/** One problem found by validating input against the spec's schema. */
export interface ValidationIssue {
  /** The field, JSON-pointer style, e.g. `desktop_ids/3` or `project_id`. */
  readonly field: string;
  /** The offending value (shortened when long). */
  readonly value: unknown;
  /** What is wrong, in the schema's words, e.g. `must NOT have more than 255 characters`. */
  readonly message: string;
}

/** Input broke the spec: nothing was sent. */
export class ValidationError extends WksError {
  override readonly name = 'ValidationError';
  readonly issues: readonly ValidationIssue[];

  /** `subject` names what was invalid: the request (default), or e.g. the batch's options. */
  constructor(issues: readonly ValidationIssue[], subject = 'Invalid request') {
    const first = issues[0];
    const head = first
      ? `${first.field} ${first.message} (got ${describeValue(first.value)})`
      : 'invalid input';
    const more = issues.length > 1 ? ` and ${issues.length - 1} more problem(s)` : '';
    super(`${subject}: ${head}${more}`);
    this.issues = issues;
  }

  protected fields() {
    return { issues: this.issues };
  }
}

/** Configuration is missing or wrong (credentials, region, endpoint): nothing was sent. */
export class ConfigurationError extends WksError {
  override readonly name = 'ConfigurationError';

  protected fields() {
    return {};
  }
}

/**
 * A limit of this process was reached, so nothing was sent (e.g. IAM logins per minute). Trying again after
 * `retryAfterMs` can succeed.
 */
export class LocalLimitError extends WksError {
  override readonly name = 'LocalLimitError';
  readonly retryAfterMs: number;

  constructor(message: string, retryAfterMs: number) {
    super(message);
    this.retryAfterMs = retryAfterMs;
  }

  protected fields() {
    return { retryAfterMs: this.retryAfterMs };
  }
}

export interface ApiErrorInit {
  status: number;
  source: ErrorSource;
  errorCode?: string | undefined;
  errorMsg?: string | undefined;
  errorDetail?: string | undefined;
  encodedAuthorizationMessage?: string | undefined;
  requestId?: string | undefined;
  attempts?: number;
  retryAfterMs?: number | undefined;
}

/** The cloud (service or gateway) answered with an error status. */
export class WorkspaceApiError extends WksError {
  override readonly name = 'WorkspaceApiError';
  readonly status: number;
  readonly source: ErrorSource;
  readonly errorCode: string | undefined;
  readonly errorMsg: string | undefined;
  readonly errorDetail: string | undefined;
  readonly encodedAuthorizationMessage: string | undefined;
  /** The cloud's request ID (`X-Request-Id`, or the gateway body's `request_id`): quote it to support. */
  readonly requestId: string | undefined;
  /** How many attempts were made before giving up. */
  attempts: number;
  /** Milliseconds the server asked us to wait (`Retry-After`), if it said. */
  readonly retryAfterMs: number | undefined;
  /** What the user can do about it, when we know (e.g. which credentials to check). */
  hint: string | undefined;

  constructor(init: ApiErrorInit) {
    const code = init.errorCode ? ` ${init.errorCode}` : '';
    const msg = init.errorMsg ? `: ${init.errorMsg}` : '';
    const rid = init.requestId ? ` (request ID ${init.requestId})` : '';
    super(`Workspace API answered HTTP ${init.status}${code}${msg}${rid}`);
    this.status = init.status;
    this.source = init.source;
    this.errorCode = init.errorCode;
    this.errorMsg = init.errorMsg;
    this.errorDetail = init.errorDetail;
    this.encodedAuthorizationMessage = init.encodedAuthorizationMessage;
    this.requestId = init.requestId;
    this.uncertain = httpRule(init.status, init.source).uncertain;
    this.attempts = init.attempts ?? 1;
    this.retryAfterMs = init.retryAfterMs;
    this.hint = undefined;
  }

  protected fields() {
    return {
      status: this.status,
      source: this.source,
      errorCode: this.errorCode,
      errorMsg: this.errorMsg,
      errorDetail: this.errorDetail,
      encodedAuthorizationMessage: this.encodedAuthorizationMessage,
      requestId: this.requestId,
      retryAfterMs: this.retryAfterMs,
      attempts: this.attempts,
      hint: this.hint,
    };
  }
}

/** No HTTP answer: the connection failed, was reset, timed out, or the caller aborted. */
export class WorkspaceNetworkError extends WksError {
  override readonly name = 'WorkspaceNetworkError';
  readonly kind: NetworkErrorKind;
  attempts: number;

  constructor(
    kind: NetworkErrorKind,
    message: string,
    options: { cause?: unknown; attempts?: number | undefined } = {},
  ) {
    super(message, { cause: options.cause });
    this.kind = kind;
    this.uncertain = networkRule(kind).uncertain;
    this.attempts = options.attempts ?? 1;
  }

  protected fields() {
    return { kind: this.kind, attempts: this.attempts };
  }
}

function describeValue(value: unknown): string {
  const text = typeof value === 'string' ? JSON.stringify(value) : String(JSON.stringify(value) ?? value);
  return text.length > 60 ? `${text.slice(0, 57)}... (${text.length} chars)` : text;
}
