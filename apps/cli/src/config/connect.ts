// The client the CLI talks through: the cloud (credentials from flags > env > profile), or the internal
// proxy (--proxy-url, key from WKS_PROXY_KEY). Credentials are never flag values.
import {
  type AttemptEvent,
  bearerAuth,
  createLogoffClient,
  ENV,
  type LogoffClient,
  proxySettingsFromEnv,
  resolveClientOptions,
  type Transport,
} from '@wks-logoff/core';
import { CliError } from '../errors.js';
import { profileEnvironment } from './profile.js';
import { loadUndiciTransport } from './undici-transport.js';

export interface ConnectFlags {
  projectId?: string | undefined;
  region?: string | undefined;
  endpoint?: string | undefined;
  proxyUrl?: string | undefined;
  profile?: string | undefined;
  /** Per-attempt timeout, in ms. */
  timeoutMs?: number | undefined;
  maxAttempts?: number | undefined;
  onAttempt?: (event: AttemptEvent) => void;
}

/** Node's fetch ignores HTTPS_PROXY; when one is named (env or profile), use core's undici transport. */
async function transportFor(env: Record<string, string | undefined>): Promise<Transport | undefined> {
  const proxy = proxySettingsFromEnv(env);
  return proxy ? loadUndiciTransport(proxy) : undefined;
}

export async function connect(flags: ConnectFlags, processEnv: NodeJS.ProcessEnv): Promise<LogoffClient> {
  const env: Record<string, string | undefined> = {
    ...(await profileEnvironment(flags.profile, processEnv)),
    ...processEnv,
  };
  const common = {
    ...(flags.timeoutMs !== undefined ? { timeoutMs: flags.timeoutMs } : {}),
    ...(flags.maxAttempts !== undefined ? { retry: { maxAttempts: flags.maxAttempts } } : {}),
    ...(flags.onAttempt ? { onAttempt: flags.onAttempt } : {}),
  };
  const transport = await transportFor(env);
  const proxyUrl = flags.proxyUrl ?? env.WKS_PROXY_URL;
  if (proxyUrl) {
    const key = env.WKS_PROXY_KEY;
    if (!key) throw new CliError('--proxy-url needs the caller key in WKS_PROXY_KEY (never as a flag)');
    const projectId = flags.projectId ?? env[ENV.projectId];
    if (!projectId) throw new CliError(`no project: pass --project-id or set ${ENV.projectId}`);
    try {
      new URL(proxyUrl);
    } catch {
      throw new CliError(`--proxy-url "${proxyUrl}" is not a URL`);
    }
    return createLogoffClient({
      endpoint: proxyUrl,
      projectId,
      auth: bearerAuth(key),
      ...common,
      ...(transport ? { fetch: transport } : {}),
    });
  }
  const options = await resolveClientOptions({
    env,
    projectId: flags.projectId,
    region: flags.region,
    endpoint: flags.endpoint,
    ...common,
    ...(transport ? { fetch: transport } : {}),
  });
  return createLogoffClient(options);
}
