import { WorkspaceNetworkError } from './classes.js';

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

function codeOf(error: unknown): string | undefined {
  for (let current = error, depth = 0; current && depth < 4; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') {
      return code;
    }
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/** Maps whatever a transport threw to a WorkspaceNetworkError; `callerSignal` tells a caller's abort apart. */
export function toSendError(
  error: unknown,
  where: string,
  callerSignal?: AbortSignal,
): WorkspaceNetworkError {
  if (error instanceof WorkspaceNetworkError) {
    return error;
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
