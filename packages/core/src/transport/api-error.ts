// An answer that is not the spec's success, read once into one typed error, so every caller (the client, IAM
// calls) decides from the same fields: bodies in the service's or the gateway's shape, or not JSON at all, read as
// tolerantly as the official SDKs read them; a redirect or an undeclared 2xx in our own words.
import { type ErrorSource, WorkspaceApiError } from '../errors/classes.js';
import { SUCCESS_STATUSES } from '../spec/limits.js';
import type { TransportResponse } from './types.js';

const MAX_TEXT = 1000;

type Json = Record<string, unknown>;

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

/** Finds `{error_code, error_msg}` or `{code, message}` at the top level or one object deeper (as SDKs do). */
function findErrorObject(body: Json): Json | undefined {
  if (str(body.error_code) || str(body.error_msg)) {
    return body;
  }
  if (str(body.code) || str(body.message)) {
    return body;
  }
  for (const value of Object.values(body)) {
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      const inner = findErrorObject(value as Json);
      if (inner) {
        return inner;
      }
    }
  }
  return undefined;
}

function sourceOf(code: string | undefined, body: Json | undefined): ErrorSource {
  if (code && /^APIGW?\./.test(code)) {
    return 'gateway';
  }
  if (body && str(body.request_id) && !code?.startsWith('WKS.')) {
    return 'gateway';
  }
  if (code) {
    return 'service';
  }
  return 'unknown';
}

/** `Retry-After` as milliseconds: delta-seconds or an HTTP date; undefined when absent or unreadable. */
function parseRetryAfter(value: string | null, now: number = Date.now()): number | undefined {
  if (!value) {
    return undefined;
  }
  if (/^\d+$/.test(value.trim())) {
    return Number(value.trim()) * 1000;
  }
  const at = Date.parse(value);
  return Number.isFinite(at) ? Math.max(0, at - now) : undefined;
}

/**
 * What a redirect or an undeclared success means, in our words (its body, if any, is not the cloud's answer to the
 * logoff); undefined for an error status.
 */
function describeStatus(response: TransportResponse): string | undefined {
  const { status } = response;
  if (status >= 300 && status < 400) {
    const location = response.headers.get('location');
    return location
      ? `a redirect to ${location.slice(0, MAX_TEXT)}, not followed`
      : 'a redirect without a Location, not followed';
  }
  if (status >= 200 && status < 300) {
    return `not the documented ${SUCCESS_STATUSES.join(' or ')}; the logoff may or may not have been accepted`;
  }
  return undefined;
}

/**
 * Maps an answer that is not a success to one typed error (a redirect and an undeclared 2xx included). `body` is what openapi-fetch parsed: a JSON value, the raw text
 * of a non-JSON body, or undefined/"" for an empty one.
 */
export function toApiError(response: TransportResponse, body: unknown): WorkspaceApiError {
  const headerRequestId = str(response.headers.get('x-request-id'));
  const status = response.status;
  const base = (source: ErrorSource) => ({
    status,
    source,
    retryAfterMs: parseRetryAfter(response.headers.get('retry-after')),
  });
  const described = describeStatus(response);
  if (described) {
    return new WorkspaceApiError({ ...base('unknown'), errorMsg: described, requestId: headerRequestId });
  }
  if (body && typeof body === 'object' && !Array.isArray(body)) {
    const found = findErrorObject(body as Json);
    const errorCode = str(found?.error_code) ?? str(found?.code);
    return new WorkspaceApiError({
      ...base(sourceOf(errorCode, found)),
      errorCode,
      errorMsg: (str(found?.error_msg) ?? str(found?.message))?.slice(0, MAX_TEXT),
      errorDetail: str(found?.error_detail)?.slice(0, MAX_TEXT),
      encodedAuthorizationMessage: str(found?.encoded_authorization_message),
      requestId: headerRequestId ?? str(found?.request_id),
    });
  }
  const text = typeof body === 'string' ? body.trim() : '';
  return new WorkspaceApiError({
    ...base('unknown'),
    errorMsg: text ? text.slice(0, MAX_TEXT) : response.statusText || undefined,
    requestId: headerRequestId,
  });
}
