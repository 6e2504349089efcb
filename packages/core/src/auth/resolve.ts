// Where the endpoint, project and credentials come from, in this precedence: explicit options, then the
// environment (the names the official SDKs and KooCLI use), then nothing (a ConfigurationError naming the
// variables to set). Secrets are read here and handed to an Auth; they never appear in any message.

import { ENV } from '../config/env.js';
import { iamEndpoint as iamEndpointOf, resolveEndpoint } from '../config/regions.js';
import { ConfigurationError } from '../errors/classes.js';
import { transportFromEnv } from '../transport/from-env.js';
import { transportOption } from '../transport/option.js';
import type { Transport } from '../transport/types.js';
import { akskAuth } from './aksk.js';
import { checkCredential } from './credential.js';
import { type IamTokenAuth, iamTokenAuth, lookupProjectId } from './iam.js';
import { LoginBudget } from './login-budget.js';
import { tokenAuth } from './token.js';
import { readTokenFile } from './token-file.js';
import type { Auth } from './types.js';

export const CREDENTIAL_DEFAULTS = Object.freeze({
  /** IAM password logins in any minute, over every project one set of credentials serves. */
  iamLoginsPerMinute: 30,
});

export interface CredentialSettings {
  accessKey?: string | undefined;
  secretKey?: string | undefined;
  securityToken?: string | undefined;
  /** A static IAM token. */
  token?: string | undefined;
  /** A file holding a static IAM token (read at resolve time, trimmed; at most 64 KiB, a regular file). */
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
  /**
   * How IAM calls are sent, and the client's (default: core's undici transport when HTTP(S)_PROXY is set, else
   * `fetchTransport()`).
   */
  transport?: Transport | undefined;
  /**
   * IAM password login: at most this many logins in any minute, over every project these credentials serve
   * (default `CREDENTIAL_DEFAULTS.iamLoginsPerMinute`, 30); more fail with a LocalLimitError, nothing sent.
   */
  iamLoginsPerMinute?: number | undefined;
  /** The clock (tests). */
  now?: (() => number) | undefined;
}

export interface ResolvedConfig {
  /** The transport to use: the one given, or core's undici transport when HTTP(S)_PROXY is set. */
  transport: Transport | undefined;
  endpoint: string;
  projectId: string;
  region: string | undefined;
  auth: Auth;
  /** How `auth` authenticates: `aksk`, `iam-token` or `iam-password`. */
  scheme: string;
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

/**
 * A credential from the options or the environment, held to the credential rule where it is read: a refusal names
 * the option or the variable it came from, never its value.
 */
function pickCredential(
  explicit: string | undefined,
  env: Record<string, string | undefined>,
  name: string,
  option: string,
): string | undefined {
  const value = pick(explicit, env, name);
  return value === undefined
    ? undefined
    : checkCredential(value, explicit !== undefined ? `The ${option} option` : name);
}

export interface ResolvedCredentials {
  /** How the Auths it makes authenticate (their `scheme`): `aksk`, `iam-token` or `iam-password`. */
  scheme: string;
  /** The transport to use: the one given, or core's undici transport when HTTP(S)_PROXY is set. */
  transport: Transport | undefined;
  endpoint: string;
  region: string | undefined;
  iamEndpoint: string;
  /** Project from the options or the environment, if given. */
  projectId: string | undefined;
  /**
   * Auth for one project (AK/SK sends it as `X-Project-Id`; IAM tokens are scoped to it). Without a project,
   * AK/SK and static tokens are used as they are, and IAM login is scoped to the region by name. Each call makes
   * a new Auth: keep it for as long as the project is in use (an IAM token provider logs in once, and keeps its
   * token), and drop it with the project (a service serving many projects holds them in a bounded cache).
   */
  forProject(projectId?: string): Auth;
}

/** Resolves the endpoint and the credentials, without needing a project (the proxy serves many). */
export async function resolveCredentials(options: ResolveOptions = {}): Promise<ResolvedCredentials> {
  const chosenTransport = transportOption(options);
  const env = options.env ?? process.env;
  const region = pick(options.region, env, ENV.region);
  const endpoint = resolveEndpoint({ endpoint: pick(options.endpoint, env, ENV.endpoint), region });
  const iamEndpoint =
    pick(options.iamEndpoint, env, ENV.iamEndpoint) ??
    (region ? iamEndpointOf(region) : 'https://iam.myhuaweicloud.com');
  const projectId = pick(options.projectId, env, ENV.projectId);
  const transport = chosenTransport ?? (await transportFromEnv(env));
  const base = { endpoint, region, iamEndpoint, projectId, transport };

  const accessKey = pickCredential(options.accessKey, env, ENV.accessKey, 'accessKey');
  const secretKey = pickCredential(options.secretKey, env, ENV.secretKey, 'secretKey');
  requireBoth([ENV.accessKey, accessKey], [ENV.secretKey, secretKey]);
  if (accessKey && secretKey) {
    const securityToken = pickCredential(options.securityToken, env, ENV.securityToken, 'securityToken');
    return {
      ...base,
      scheme: 'aksk',
      forProject: (id) => akskAuth({ accessKey, secretKey, securityToken, projectId: id }),
    };
  }

  const token = pickCredential(options.token, env, ENV.token, 'token');
  const tokenFile = pick(options.tokenFile, env, ENV.tokenFile);
  if (token || tokenFile) {
    const source = token
      ? options.token !== undefined
        ? 'the token option'
        : ENV.token
      : options.tokenFile !== undefined
        ? 'the tokenFile option'
        : ENV.tokenFile;
    const auth = tokenAuth(token ?? (await readTokenFile(tokenFile as string, source)), { source });
    return { ...base, scheme: 'iam-token', forProject: () => auth };
  }

  const iamDomain = pick(options.iamDomain, env, ENV.iamDomain);
  const iamUser = pick(options.iamUser, env, ENV.iamUser);
  const iamPassword = pick(options.iamPassword, env, ENV.iamPassword);
  if (iamDomain || iamUser || iamPassword) {
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
    const iamAgencyDomain = pick(options.iamAgencyDomain, env, ENV.iamAgencyDomain);
    const iamAgency = pick(options.iamAgency, env, ENV.iamAgency);
    requireBoth([ENV.iamAgencyDomain, iamAgencyDomain], [ENV.iamAgency, iamAgency]);
    // Every provider made here shares one bound on logins; each keeps its own token (they are project-scoped).
    const loginBudget = new LoginBudget(
      options.iamLoginsPerMinute ?? CREDENTIAL_DEFAULTS.iamLoginsPerMinute,
      options.now,
    );
    const forProject = (id?: string): Auth => {
      if (!id && !region) {
        throw new ConfigurationError(
          `IAM password login needs a project: set ${ENV.projectId} or ${ENV.region}.`,
        );
      }
      return iamTokenAuth({
        iamEndpoint,
        identity: { domain: iamDomain as string, user: iamUser as string, password: iamPassword as string },
        agency: iamAgencyDomain && iamAgency ? { domain: iamAgencyDomain, agency: iamAgency } : undefined,
        project: id ? { id } : { name: region as string },
        loginBudget,
        transport,
        now: options.now,
      });
    };
    return { ...base, scheme: 'iam-password', forProject };
  }

  throw new ConfigurationError(
    `No credentials: set ${ENV.accessKey} and ${ENV.secretKey} (AK/SK), or ${ENV.token} / ${ENV.tokenFile} (IAM token), or ${ENV.iamDomain}, ${ENV.iamUser} and ${ENV.iamPassword} (IAM password login).`,
  );
}

/**
 * Resolves endpoint, project and credentials. When no project ID is given but a region is, the project is
 * looked up once through IAM (`GET /v3/projects?name=<region>`); IAM password login takes it from its token.
 */
export async function resolveConfig(options: ResolveOptions = {}): Promise<ResolvedConfig> {
  const credentials = await resolveCredentials(options);
  const { endpoint, region, iamEndpoint, scheme, transport } = credentials;
  let projectId = credentials.projectId;
  if (!projectId && scheme === 'iam-password') {
    // The token is scoped to the region's project: its ID comes with it, no lookup needed.
    const byRegion = credentials.forProject() as IamTokenAuth;
    projectId = (await byRegion.token()).projectId;
    if (projectId) {
      return { transport, endpoint, projectId, region, auth: byRegion, scheme };
    }
  }
  if (!projectId) {
    if (!region) {
      throw new ConfigurationError(`No project: set ${ENV.projectId}, or ${ENV.region} to look it up.`);
    }
    projectId = await lookupProjectId({
      iamEndpoint,
      region,
      auth: credentials.forProject(),
      transport,
    });
  }
  return {
    transport,
    endpoint,
    projectId,
    region,
    auth: credentials.forProject(projectId),
    scheme,
  };
}
