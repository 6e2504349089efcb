// The client the CLI talks through, from the resolved target settings: the cloud (credentials from the environment
// over the profile), or the internal proxy (the caller's credential from the environment). Credentials are never
// flag values. Everything that needs no request is checked by prepareConnection, so a dry run checks it too.

import {
  type AttemptEvent,
  bearerAuth,
  ConfigurationError,
  createLogoffClient,
  ENV,
  type LogoffClient,
  nodeHttpTransport,
  type ReportTarget,
  readTokenFile,
  resolveClientOptions,
  resolveCredentials,
  transportFromEnv,
} from '@wks-logoff/core';
import { CliError } from '../errors.js';
import type { CredentialEnvironment } from './credential-env.js';
import { CLI_ENV } from './env.js';
import { inProfileTerms, type Origin } from './origin.js';
import type { Profile } from './profile.js';
import type { TargetSettings } from './target-settings.js';
import { normalizedUrl } from './url.js';

export interface ConnectOptions {
  /** Per-attempt timeout, in ms. */
  timeoutMs?: number | undefined;
  maxAttempts?: number | undefined;
  onAttempt?: ((event: AttemptEvent) => void) | undefined;
}

/** The project, or how it will be found once a request may be made. */
export type ProjectPlan = { id: string; origin: Origin } | { lookup: string };

export interface PreparedConnection {
  /** Where the calls will go and how they are authenticated, known before any request (never a secret). */
  readonly target: ReportTarget;
  readonly project: ProjectPlan;
  /** Finds the project if it must be looked up (through IAM), and makes the client. */
  connect(): Promise<LogoffClient>;
}

export interface Layers {
  /** The process environment, and the profile below it: to name each setting as the user gave it. */
  processEnv: NodeJS.ProcessEnv;
  profile: Profile | undefined;
}

/** Core's configuration errors name environment variables: named here as the user gave them. */
async function inUserTerms<T>(layers: Layers, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof ConfigurationError) {
      throw new CliError(inProfileTerms(error.message, layers.processEnv, layers.profile));
    }
    throw error;
  }
}

function urlOf(setting: { value: string; origin: Origin }): string {
  const url = normalizedUrl(setting.value);
  if (url === undefined) {
    throw new CliError(`${setting.origin.name} "${setting.value}" is not a URL`);
  }
  return url;
}

export async function prepareConnection(
  settings: TargetSettings,
  credentials: CredentialEnvironment,
  layers: Layers,
  options: ConnectOptions,
): Promise<PreparedConnection> {
  const common = {
    timeoutMs: options.timeoutMs,
    retry: { maxAttempts: options.maxAttempts },
    onAttempt: options.onAttempt,
  };
  // Behind a corporate proxy named in the environment or the profile, core's undici transport (in the bundle,
  // evaluated on demand; undici itself compiled on first use: scripts/build.mjs); otherwise Node's own http
  // client, whose first request costs a fraction of fetch's. A literal specifier, so the bundler sees it.
  const transport = await transportFromEnv(credentials.env, {
    direct: nodeHttpTransport(),
    importUndici: () => import('@wks-logoff/core/undici'),
  });
  if (settings.proxyUrl) {
    const credential = await proxyCredential(credentials.env);
    const project = settings.projectId;
    if (!project) {
      throw new CliError(`no project: pass --project-id or set ${ENV.projectId}`);
    }
    const endpoint = urlOf(settings.proxyUrl);
    return {
      target: {
        endpoint,
        auth: credential.source === CLI_ENV.proxyKey ? 'proxy-key' : 'proxy-token',
        proxy: true,
      },
      project: { id: project.value, origin: project.origin },
      connect: async () =>
        createLogoffClient({
          endpoint,
          projectId: project.value,
          auth: bearerAuth(credential.value, { source: credential.source }),
          ...common,
          transport,
        }),
    };
  }
  const resolveOptions = {
    env: credentials.env,
    endpoint: settings.endpoint?.value,
    region: settings.region?.value,
    projectId: settings.projectId?.value,
    iamEndpoint: settings.iamEndpoint?.value,
    transport,
  };
  // Checks the credentials and the endpoint without a request.
  const resolved = await inUserTerms(layers, () => resolveCredentials(resolveOptions));
  return {
    target: {
      endpoint: resolved.endpoint,
      ...(resolved.region ? { region: resolved.region } : {}),
      auth: resolved.scheme,
      proxy: false,
    },
    project: projectPlan(settings, resolved.scheme),
    connect: async () =>
      createLogoffClient(
        await inUserTerms(layers, () => resolveClientOptions({ ...resolveOptions, ...common })),
      ),
  };
}

/** The project: given, or found through IAM from the region (an IAM password login's token names it). */
function projectPlan(settings: TargetSettings, kind: string): ProjectPlan {
  if (settings.projectId) {
    return { id: settings.projectId.value, origin: settings.projectId.origin };
  }
  const region = settings.region?.value;
  if (!region) {
    throw new CliError(
      `no project: pass --project-id (or set ${ENV.projectId}), or a region to look it up (--region or ${ENV.region})`,
    );
  }
  return {
    lookup:
      kind === 'iam-password'
        ? `the project of region ${region}, named by the IAM token`
        : `looked up through IAM from region ${region}`,
  };
}

/**
 * The caller's credential for the proxy, never a flag: a token (WKS_PROXY_TOKEN, or WKS_PROXY_TOKEN_FILE read on
 * every request, as a projected token rotates) before a key (WKS_PROXY_KEY). Core's rules hold it: the token file
 * is read by core's one reader (readTokenFile), and bearerAuth refuses a credential HTTP cannot carry, naming the
 * variable; both are ConfigurationErrors, so a file that vanishes mid-batch stops the batch rather than failing as a
 * network error.
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
