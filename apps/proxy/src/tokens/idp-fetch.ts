// Fetching a document (discovery, key set) from an identity provider: through core's bounded undici transport,
// directly (HTTPS_PROXY is for the cloud), without following redirects, within the timeout, and at most
// MAX_IDP_ANSWER_BYTES: no real provider's document comes near it, and reading a huge one whole would take the
// proxy's memory and stall every request while it is parsed. Anything but a 200 with JSON is the provider's fault.
import { WorkspaceNetworkError } from '@wks-logoff/core';
import { type Transport, undiciTransport } from '@wks-logoff/core/undici';
import { Agent } from 'undici';

/** The most of a discovery document or key set read (README: "Limits"). */
const MAX_IDP_ANSWER_BYTES = 1024 * 1024;

/** The identity provider could not be asked (down, slow, or answering nonsense): no token of it can be checked. */
export class IssuerUnavailable extends Error {
  // Stryker disable next-line StringLiteral: its name is never shown (refusals and the log read its message).
  override readonly name = 'IssuerUnavailable';
  /** When it will be asked again (the backoff's wait), for the caller's Retry-After. */
  retryAfterMs: number | undefined;
}

let transport: Transport | undefined;

/** The address for the log: no user info or query, which could hold a secret. */
export function addressForLog(url: string): string {
  const { origin, pathname } = new URL(url);
  return origin + pathname;
}

/** Why a fetch failed, for the log: never more than the provider's address and what it did. */
function problemOf(url: string, error: unknown, timeoutMs: number): string {
  // Stryker disable next-line ConditionalExpression,LogicalOperator: the transport's only typed error is oversized.
  if (error instanceof WorkspaceNetworkError && error.kind === 'oversized') {
    return `${addressForLog(url)} answered more than ${MAX_IDP_ANSWER_BYTES} bytes; it was not read`;
  }
  const { name, code, cause } = error as { name?: string; code?: string; cause?: { code?: string } };
  if (name === 'TimeoutError') {
    return `${addressForLog(url)} did not answer within ${timeoutMs} ms`;
  }
  // Stryker disable next-line OptionalChaining,StringLiteral: undici's errors carry a code (or a cause with one).
  return `${addressForLog(url)} could not be reached (${code ?? cause?.code ?? name ?? 'error'})`;
}

/** The JSON document at `url`; IssuerUnavailable, saying why, for anything else. */
export async function fetchIdpDocument(url: string, timeoutMs: number): Promise<unknown> {
  // Made once per process, before a mutant is switched on; the 1 MiB cap is held by the fault matrix's huge answer.
  // Stryker disable next-line ObjectLiteral: a test run cannot see it.
  transport ??= undiciTransport({ dispatcher: new Agent(), maxResponseBytes: MAX_IDP_ANSWER_BYTES });
  let response: Awaited<ReturnType<Transport>>;
  try {
    response = await transport(
      new Request(url, {
        headers: { accept: 'application/json, application/jwk-set+json' },
        signal: AbortSignal.timeout(timeoutMs),
      }),
    );
  } catch (error) {
    throw new IssuerUnavailable(problemOf(url, error, timeoutMs));
  }
  if (response.status !== 200) {
    const redirect = response.headers.get('location') ? ' (a redirect, not followed)' : '';
    throw new IssuerUnavailable(`${addressForLog(url)} answered HTTP ${response.status}${redirect}`);
  }
  try {
    return JSON.parse(await response.text());
  } catch {
    const type = response.headers.get('content-type') ?? 'no type';
    throw new IssuerUnavailable(`${addressForLog(url)} did not answer JSON (${type})`);
  }
}
