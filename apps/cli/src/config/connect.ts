// The client the CLI talks through: the cloud (credentials from flags > env > profile), or the internal
// proxy (--proxy-url, the caller key from the environment). Credentials are never flag values.
import {
  type AttemptEvent,
  bearerAuth,
  createLogoffClient,
  ENV,
  type LogoffClient,
  nodeHttpTransport,
  resolveClientOptions,
  transportFromEnv,
} from '@wks-logoff/core';
import { CliError } from '../errors.js';
import { CLI_ENV } from './env.js';
import { profileEnvironment } from './profile.js';
import { importEmbeddedUndici } from './undici-transport.js';

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
  // Behind a corporate proxy named in the environment or the profile, core's undici transport (embedded in the
  // bundle, loaded on demand); otherwise Node's own http client, whose first request costs a fraction of fetch's.
  const transport = await transportFromEnv(env, {
    direct: nodeHttpTransport(),
    importUndici: importEmbeddedUndici,
  });
  const proxyUrl = flags.proxyUrl ?? env[CLI_ENV.proxyUrl];
  if (proxyUrl) {
    const key = env[CLI_ENV.proxyKey];
    if (!key) {
      throw new CliError(`--proxy-url needs the caller key in ${CLI_ENV.proxyKey} (never as a flag)`);
    }
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
      auth: bearerAuth(key, { source: CLI_ENV.proxyKey }),
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
