// What sending threw, read once into one typed error: every runtime (fetch, node:http, undici) says it its own
// way, and the retry rules need to know whether the request may have reached the cloud.
import { ConfigurationError, type WksError, WorkspaceNetworkError } from '../errors/classes.js';

// Codes (on the error or its `cause`, as Node's fetch/undici report them) by what they tell about the request.
const CONNECT_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'UND_ERR_CONNECT_TIMEOUT',
  'EHOSTUNREACH',
]);
const RESET_CODES = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED', 'ECONNABORTED']);
const TIMEOUT_CODES = new Set(['ETIMEDOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);

// A header the runtime refused to build (node:http, undici and fetch's Headers each say it their own way). Their
// messages may quote the whole header, credential included: they are recognised, never repeated.
const HEADER_CODES = new Set(['ERR_INVALID_CHAR', 'ERR_HTTP_INVALID_HEADER_VALUE', 'ERR_INVALID_HTTP_TOKEN']);
const HEADER_MESSAGE = /header|ByteString/i;

/** The error and its causes, outermost first. */
function* chainOf(error: unknown): Generator<{ code?: unknown; message?: unknown; cause?: unknown }> {
  for (let current = error, depth = 0; current && typeof current === 'object' && depth < 4; depth++) {
    yield current as { code?: unknown; message?: unknown; cause?: unknown };
    current = (current as { cause?: unknown }).cause;
  }
}

function codeOf(error: unknown): string | undefined {
  for (const link of chainOf(error)) {
    if (typeof link.code === 'string') {
      return link.code;
    }
  }
  return undefined;
}

function isHeaderFailure(error: unknown): boolean {
  for (const { code, message } of chainOf(error)) {
    const text = typeof message === 'string' ? message : '';
    if (typeof code === 'string' && HEADER_CODES.has(code)) {
      return true;
    }
    if ((code === 'UND_ERR_INVALID_ARG' || code === undefined) && HEADER_MESSAGE.test(text)) {
      return true;
    }
  }
  return false;
}

/**
 * Maps whatever sending a request threw: a request that could not be built (a header value HTTP cannot carry;
 * nothing was sent) to a ConfigurationError that never quotes it, anything else to a WorkspaceNetworkError.
 * `callerSignal` tells a caller's abort apart.
 */
export function toSendError(error: unknown, where: string, callerSignal?: AbortSignal): WksError {
  if (error instanceof WorkspaceNetworkError) {
    return error;
  }
  if (isHeaderFailure(error)) {
    return new ConfigurationError(
      `The request to ${where} could not be built: a header holds a character HTTP does not allow (its value is not shown); check the credentials.`,
    );
  }
  if (callerSignal?.aborted) {
    return new WorkspaceNetworkError('aborted', `Request to ${where} was aborted by the caller`, {
      cause: error,
    });
  }
  const name = (error as { name?: unknown })?.name;
  const code = codeOf(error);
  if (name === 'TimeoutError' || (code && TIMEOUT_CODES.has(code))) {
    return new WorkspaceNetworkError('timeout', `Request to ${where} timed out`, { cause: error });
  }
  if (code && CONNECT_CODES.has(code)) {
    return new WorkspaceNetworkError('connect', `Could not connect to ${where} (${code})`, { cause: error });
  }
  if (code && RESET_CODES.has(code)) {
    return new WorkspaceNetworkError('reset', `Connection to ${where} was reset (${code})`, { cause: error });
  }
  const detail = code ?? (error instanceof Error ? error.message : String(error));
  return new WorkspaceNetworkError('network', `Request to ${where} failed (${detail})`, { cause: error });
}
