// The client the CLI talks through: the cloud (credentials from flags > env > profile), or the internal
// proxy (--proxy-url, the caller key from the environment). Credentials are never flag values.

import {
  type AttemptEvent,
  bearerAuth,
  createLogoffClient,
  ENV,
  type LogoffClient,
  nodeHttpTransport,
  readTokenFile,
  resolveClientOptions,
  transportFromEnv,
} from '@wks-logoff/core';
import { CliError } from '../errors.js';
import { CLI_ENV } from './env.js';
import { profileEnvironment } from './profile.js';

export interface ConnectFlags {
  projectId?: string | undefined;
  region?: string | undefined;
  endpoint?: string | undefined;
  proxyUrl?: string | undefined;
  profile?: string | undefined;
  /** Per-attempt timeout, in ms. */
  timeoutMs?: number | undefined;
  maxAttempts?: number | undefined;
  onAttempt?: ((event: AttemptEvent) => void) | undefined;
}

export async function connect(flags: ConnectFlags, processEnv: NodeJS.ProcessEnv): Promise<LogoffClient> {
  const env: Record<string, string | undefined> = {
    ...(await profileEnvironment(flags.profile, processEnv)),
    ...processEnv,
  };
  const common = {
    timeoutMs: flags.timeoutMs,
    retry: { maxAttempts: flags.maxAttempts },
    onAttempt: flags.onAttempt,
  };
  // Behind a corporate proxy named in the environment or the profile, core's undici transport (in the bundle,
  // evaluated on demand; undici itself compiled on first use: scripts/build.mjs); otherwise Node's own http
  // client, whose first request costs a fraction of fetch's. A literal specifier, so the bundler sees it.
  const transport = await transportFromEnv(env, {
    direct: nodeHttpTransport(),
    importUndici: () => import('@wks-logoff/core/undici'),
  });
  const proxyUrl = flags.proxyUrl ?? env[CLI_ENV.proxyUrl];
  if (proxyUrl) {
    const credential = await proxyCredential(env);
    const projectId = flags.projectId ?? env[ENV.projectId];
    if (!projectId) {
      throw new CliError(`no project: pass --project-id or set ${ENV.projectId}`);
    }
    try {
      new URL(proxyUrl);
    } catch {
      throw new CliError(`--proxy-url "${proxyUrl}" is not a URL`);
    }
    return createLogoffClient({
      endpoint: proxyUrl,
      projectId,
      auth: bearerAuth(credential.value, { source: credential.source }),
      ...common,
      fetch: transport,
    });
  }
  const options = await resolveClientOptions({
    env,
    projectId: flags.projectId,
    region: flags.region,
    endpoint: flags.endpoint,
    ...common,
    fetch: transport,
  });
  return createLogoffClient(options);
}

/**
 * The caller's credential for the proxy, never a flag: a token (WKS_PROXY_TOKEN, or WKS_PROXY_TOKEN_FILE read on
 * every request, as a projected token rotates) before a key (WKS_PROXY_KEY). Core's rules hold it: the token file
 * is read by core's one reader (a regular file of at most 64 KiB, one line), and bearerAuth refuses a credential
 * HTTP cannot carry, naming the variable; both are ConfigurationErrors, so a file that vanishes mid-batch stops the
 * batch rather than failing as a network error.
 */
async function proxyCredential(
  env: Record<string, string | undefined>,
): Promise<{ value: string | (() => Promise<string>); source: string }> {
  const tokenFile = env[CLI_ENV.proxyTokenFile];
  if (tokenFile) {
    const read = () => readTokenFile(tokenFile, CLI_ENV.proxyTokenFile);
    // Read once now, so a missing or malformed file is a usage error before anything is sent.
    await read();
    return { value: read, source: CLI_ENV.proxyTokenFile };
  }
  for (const name of [CLI_ENV.proxyToken, CLI_ENV.proxyKey]) {
    const value = env[name];
    if (value?.trim()) {
      return { value, source: name };
    }
  }
  throw new CliError(
    `--proxy-url needs a credential, never a flag: a token in ${CLI_ENV.proxyToken} or ${CLI_ENV.proxyTokenFile}, or a caller key in ${CLI_ENV.proxyKey}`,
  );
}
