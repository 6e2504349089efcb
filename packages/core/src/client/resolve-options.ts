// The client's options from the environment, as the official SDKs read it: the endpoint, the project and the
// credentials resolved (auth/resolve.ts), with the client's own options passed through.
import { type ResolveOptions, resolveConfig } from '../auth/resolve.js';
import type { LogoffClientOptions } from './create-client.js';

/** Options for `createLogoffClient` from resolved configuration. */
export async function resolveClientOptions(
  options: ResolveOptions & Omit<Partial<LogoffClientOptions>, 'endpoint' | 'projectId' | 'auth'> = {},
): Promise<LogoffClientOptions> {
  const { endpoint, projectId, auth, transport } = await resolveConfig(options);
  const { timeoutMs, totalTimeoutMs, retry, onAttempt, random } = options;
  return {
    endpoint,
    projectId,
    auth,
    timeoutMs,
    totalTimeoutMs,
    retry,
    onAttempt,
    transport,
    random,
  };
}
