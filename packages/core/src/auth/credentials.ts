// Where the endpoint, project and credentials come from, in this precedence: explicit options, then the
// environment (the names the official SDKs and KooCLI use), then nothing (a ConfigurationError naming the
// variables to set). Secrets are read here and handed to an Auth; they never appear in any message.
import type { LogoffClientOptions } from '../client.js';
import { ConfigurationError } from '../errors.js';
import { iamEndpoint as iamEndpointOf, resolveEndpoint } from '../regions.js';
import type { Transport } from '../transport.js';
import { akskAuth } from './aksk.js';
import { iamTokenAuth, lookupProjectId } from './iam.js';
import { tokenAuth } from './token.js';
import type { Auth } from './types.js';

/** Environment variables read by core, the CLI and the proxy. */
export const ENV = {
  accessKey: 'HUAWEICLOUD_SDK_AK',
  secretKey: 'HUAWEICLOUD_SDK_SK',
  securityToken: 'HUAWEICLOUD_SDK_SECURITY_TOKEN',
  projectId: 'HUAWEICLOUD_SDK_PROJECT_ID',
  region: 'HUAWEICLOUD_SDK_REGION',
  token: 'WKS_AUTH_TOKEN',
  tokenFile: 'WKS_AUTH_TOKEN_FILE',
  iamDomain: 'HUAWEICLOUD_IAM_DOMAIN',
  iamUser: 'HUAWEICLOUD_IAM_USER',
  iamPassword: 'HUAWEICLOUD_IAM_PASSWORD',
  iamAgencyDomain: 'HUAWEICLOUD_IAM_AGENCY_DOMAIN',
  iamAgency: 'HUAWEICLOUD_IAM_AGENCY',
  endpoint: 'WKS_ENDPOINT',
  iamEndpoint: 'HUAWEICLOUD_IAM_ENDPOINT',
} as const;

export interface CredentialSettings {
  accessKey?: string | undefined;
  secretKey?: string | undefined;
  securityToken?: string | undefined;
  /** A static IAM token. */
  token?: string | undefined;
  /** A file holding a static IAM token (read at resolve time, trimmed). */
  tokenFile?: string | undefined;
  iamDomain?: string | undefined;
  iamUser?: string | undefined;
  iamPassword?: string | undefined;
  iamAgencyDomain?: string | undefined;
  iamAgency?: string | undefined;
}

export interface ResolveOptions extends CredentialSettings {
  endpoint?: string | undefined;
  region?: string | undefined;
  projectId?: string | undefined;
  iamEndpoint?: string | undefined;
  /** Environment to read (default `process.env`); pass `{}` to use explicit options only. */
  env?: Record<string, string | undefined>;
  /** Transport for IAM calls (and returned for the client). */
  fetch?: Transport;
  /** Reads a token file (default: node:fs). */
  readFile?: (path: string) => Promise<string>;
}

export interface ResolvedConfig {
  endpoint: string;
  projectId: string;
  region: string | undefined;
  auth: Auth;
  /** Which credential source was used: `aksk`, `iam-token` or `iam-password`. */
  credentialKind: string;
}

function pick(
  explicit: string | undefined,
  env: Record<string, string | undefined>,
  name: string,
): string | undefined {
  const value = explicit ?? env[name];
  return value === undefined || value.trim() === '' ? undefined : value;
}

function requireBoth(a: [string, string | undefined], b: [string, string | undefined]): void {
  if (Boolean(a[1]) !== Boolean(b[1])) {
    const [set, missing] = a[1] ? [a[0], b[0]] : [b[0], a[0]];
    throw new ConfigurationError(`${set} is set but ${missing} is not: set both.`);
  }
}

async function readTokenFile(path: string, read: ResolveOptions['readFile']): Promise<string> {
  const reader = read ?? (async (file: string) => (await import('node:fs/promises')).readFile(file, 'utf8'));
  let text: string;
  try {
    text = await reader(path);
  } catch (error) {
    const code = (error as { code?: string }).code ?? 'unreadable';
    throw new ConfigurationError(`Cannot read the token file ${path} (${code}); check ${ENV.tokenFile}.`);
  }
  const token = text.trim();
  if (!token) throw new ConfigurationError(`The token file ${path} is empty; check ${ENV.tokenFile}.`);
  return token;
}

/**
 * Resolves endpoint, project and credentials. When no project ID is given but a region is, the project is
 * looked up once through IAM (`GET /v3/projects?name=<region>`).
 */
export async function resolveConfig(options: ResolveOptions = {}): Promise<ResolvedConfig> {
  const env = options.env ?? process.env;
  const region = pick(options.region, env, ENV.region);
  const endpoint = resolveEndpoint({ endpoint: pick(options.endpoint, env, ENV.endpoint), region });
  const iamEndpoint =
    pick(options.iamEndpoint, env, ENV.iamEndpoint) ??
    (region ? iamEndpointOf(region) : 'https://iam.myhuaweicloud.com');
  let projectId = pick(options.projectId, env, ENV.projectId);

  const accessKey = pick(options.accessKey, env, ENV.accessKey);
  const secretKey = pick(options.secretKey, env, ENV.secretKey);
  requireBoth([ENV.accessKey, accessKey], [ENV.secretKey, secretKey]);
  const token = pick(options.token, env, ENV.token);
  const tokenFile = pick(options.tokenFile, env, ENV.tokenFile);
  const iamDomain = pick(options.iamDomain, env, ENV.iamDomain);
  const iamUser = pick(options.iamUser, env, ENV.iamUser);
  const iamPassword = pick(options.iamPassword, env, ENV.iamPassword);
  const iamAgencyDomain = pick(options.iamAgencyDomain, env, ENV.iamAgencyDomain);
  const iamAgency = pick(options.iamAgency, env, ENV.iamAgency);

  let auth: Auth;
  let credentialKind: string;
  let lookupAuth: Auth;
  if (accessKey && secretKey) {
    const securityToken = pick(options.securityToken, env, ENV.securityToken);
    lookupAuth = akskAuth({ accessKey, secretKey, securityToken });
    auth = akskAuth({ accessKey, secretKey, securityToken, projectId });
    credentialKind = 'aksk';
  } else if (token || tokenFile) {
    auth = tokenAuth(token ?? (await readTokenFile(tokenFile as string, options.readFile)));
    lookupAuth = auth;
    credentialKind = 'iam-token';
  } else if (iamDomain || iamUser || iamPassword) {
    const missing = [
      [ENV.iamDomain, iamDomain],
      [ENV.iamUser, iamUser],
      [ENV.iamPassword, iamPassword],
    ].filter(([, value]) => !value);
    if (missing.length > 0) {
      throw new ConfigurationError(
        `IAM password login needs ${missing.map(([name]) => name).join(' and ')} too.`,
      );
    }
    requireBoth([ENV.iamAgencyDomain, iamAgencyDomain], [ENV.iamAgency, iamAgency]);
    if (!projectId && !region) {
      throw new ConfigurationError(
        `IAM password login needs a project: set ${ENV.projectId} or ${ENV.region}.`,
      );
    }
    const iam = iamTokenAuth({
      iamEndpoint,
      identity: { domain: iamDomain as string, user: iamUser as string, password: iamPassword as string },
      agency: iamAgencyDomain && iamAgency ? { domain: iamAgencyDomain, agency: iamAgency } : undefined,
      project: projectId ? { id: projectId } : { name: region as string },
      ...(options.fetch ? { fetch: options.fetch } : {}),
    });
    // The token is scoped to the project: its ID comes with it, no lookup needed.
    projectId ??= (await iam.token()).projectId;
    auth = iam;
    lookupAuth = iam;
    credentialKind = 'iam-password';
  } else {
    throw new ConfigurationError(
      `No credentials: set ${ENV.accessKey} and ${ENV.secretKey} (AK/SK), or ${ENV.token} / ${ENV.tokenFile} (IAM token), or ${ENV.iamDomain}, ${ENV.iamUser} and ${ENV.iamPassword} (IAM password login).`,
    );
  }

  if (!projectId) {
    if (!region)
      throw new ConfigurationError(`No project: set ${ENV.projectId}, or ${ENV.region} to look it up.`);
    projectId = await lookupProjectId({
      iamEndpoint,
      region,
      auth: lookupAuth,
      ...(options.fetch ? { fetch: options.fetch } : {}),
    });
    if (credentialKind === 'aksk' && accessKey && secretKey) {
      auth = akskAuth({
        accessKey,
        secretKey,
        securityToken: pick(options.securityToken, env, ENV.securityToken),
        projectId,
      });
    }
  }
  return { endpoint, projectId, region, auth, credentialKind };
}

/** Options for `createLogoffClient` from resolved configuration. */
export async function resolveClientOptions(
  options: ResolveOptions & Omit<Partial<LogoffClientOptions>, 'endpoint' | 'projectId' | 'auth'> = {},
): Promise<LogoffClientOptions> {
  const { endpoint, projectId, auth } = await resolveConfig(options);
  const { timeoutMs, totalTimeoutMs, retry, onAttempt, fetch, random } = options;
  return {
    endpoint,
    projectId,
    auth,
    ...(timeoutMs !== undefined ? { timeoutMs } : {}),
    ...(totalTimeoutMs !== undefined ? { totalTimeoutMs } : {}),
    ...(retry ? { retry } : {}),
    ...(onAttempt ? { onAttempt } : {}),
    ...(fetch ? { fetch } : {}),
    ...(random ? { random } : {}),
  };
}
