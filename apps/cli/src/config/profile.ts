// Named profiles in $XDG_CONFIG_HOME/wks-logoff/config.json (default ~/.config/wks-logoff/config.json), like
// AWS CLI and KooCLI profiles. A profile's settings sit below the environment, which sits below flags.
import { stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { ENV } from '@wks-logoff/core';
import { CliError, errorReason } from '../errors.js';
import { readInputFile } from '../input/read-file.js';
import { CLI_ENV } from './env.js';
import { describeJsonError } from './json-position.js';

/** Profile fields and the environment variable each stands in for. */
export const PROFILE_FIELDS = {
  region: ENV.region,
  projectId: ENV.projectId,
  endpoint: ENV.endpoint,
  iamEndpoint: ENV.iamEndpoint,
  accessKey: ENV.accessKey,
  secretKey: ENV.secretKey,
  securityToken: ENV.securityToken,
  tokenFile: ENV.tokenFile,
  iamDomain: ENV.iamDomain,
  iamUser: ENV.iamUser,
  iamPassword: ENV.iamPassword,
  iamAgencyDomain: ENV.iamAgencyDomain,
  iamAgency: ENV.iamAgency,
  proxyUrl: CLI_ENV.proxyUrl,
} as const;
type Field = keyof typeof PROFILE_FIELDS;

/** The profile field that stands for an environment variable (`secretKey` for HUAWEICLOUD_SDK_SK), if one does. */
export function fieldForVariable(variable: string): string | undefined {
  return Object.entries(PROFILE_FIELDS).find(([, name]) => name === variable)?.[0];
}

/** The message shown to users, when no --message is given (not an environment variable). */
const MESSAGE_FIELD = 'message';
/** Every field a profile may hold. */
export const PROFILE_FIELD_NAMES: readonly string[] = [...Object.keys(PROFILE_FIELDS), MESSAGE_FIELD];
/** Fields holding a secret: a file with one should be readable by its owner alone. */
const SECRET_FIELDS: readonly Field[] = ['secretKey', 'securityToken', 'iamPassword'];
/** Fields holding a path, where a leading `~` is the home directory (no shell expands it in a JSON file). */
const PATH_FIELDS: readonly Field[] = ['tokenFile'];
/** A profile file holds a few settings: one far larger is not one. */
const MAX_PROFILE_BYTES = 1024 * 1024;

export interface Profile {
  /** As messages name it: `profile "lab"`. */
  readonly label: string;
  /** The profile's settings, as the environment variables they stand for. */
  readonly env: Readonly<Record<string, string>>;
  /** The message to show users, when no --message is given. */
  readonly message: string | undefined;
  /** One line each, for stderr (e.g. a file holding secrets that anyone may read). */
  readonly warnings: readonly string[];
}

function homeOf(env: NodeJS.ProcessEnv): string {
  return env.HOME || homedir();
}

function configPath(env: NodeJS.ProcessEnv): string {
  const base = env.XDG_CONFIG_HOME || join(homeOf(env), '.config');
  return join(base, 'wks-logoff', 'config.json');
}

function expandHome(path: string, env: NodeJS.ProcessEnv): string {
  return path === '~' || path.startsWith('~/') ? join(homeOf(env), path.slice(1)) : path;
}

async function readProfiles(path: string, wanted: string | undefined) {
  let text: string;
  try {
    text = await readInputFile(path, { pipes: false, maxBytes: MAX_PROFILE_BYTES });
  } catch (error) {
    const why = errorReason(error);
    if (why === 'ENOENT' && !wanted) {
      return undefined;
    }
    const what = wanted ? `profile "${wanted}" not found: ` : '';
    throw new CliError(
      why === 'ENOENT' ? `${what}${path} does not exist` : `${what}cannot read ${path} (${why})`,
    );
  }
  const problem = describeJsonError(text);
  if (problem) {
    throw new CliError(`${path} is not valid JSON: ${problem}`);
  }
  const parsed = JSON.parse(text) as { profiles?: unknown };
  const profiles = parsed?.profiles ?? {};
  if (typeof profiles !== 'object' || profiles === null || Array.isArray(profiles)) {
    throw new CliError(`${path}: "profiles" must be an object of named profiles`);
  }
  return profiles as Record<string, unknown>;
}

/**
 * The profile asked for (--profile, else WKS_PROFILE), else `default` when there is one. A missing file or profile
 * is fine for `default`, an error for a profile asked for by name.
 */
export async function loadProfile(
  name: string | undefined,
  env: NodeJS.ProcessEnv,
): Promise<Profile | undefined> {
  const path = configPath(env);
  const wanted = name ?? (env[CLI_ENV.profile] || undefined);
  const profiles = await readProfiles(path, wanted);
  if (!profiles) {
    return undefined;
  }
  const chosen = wanted ?? 'default';
  const profile = profiles[chosen];
  if (profile === undefined) {
    if (wanted) {
      throw new CliError(
        `profile "${wanted}" not found in ${path} (profiles: ${Object.keys(profiles).join(', ') || 'none'})`,
      );
    }
    return undefined;
  }
  const label = `profile "${chosen}"`;
  if (typeof profile !== 'object' || profile === null || Array.isArray(profile)) {
    throw new CliError(`${label} of ${path} must be an object of settings`);
  }
  const settings: Record<string, string> = {};
  let message: string | undefined;
  for (const [field, value] of Object.entries(profile)) {
    const variable = PROFILE_FIELDS[field as Field];
    if (!variable && field !== MESSAGE_FIELD) {
      throw new CliError(`unknown setting "${field}" in ${label} of ${path}`);
    }
    if (typeof value !== 'string') {
      throw new CliError(`${label} field ${field} must be a string, in ${path}`);
    }
    if (!variable) {
      message = value;
      continue;
    }
    settings[variable] = PATH_FIELDS.includes(field as Field) ? expandHome(value, env) : value;
  }
  return {
    label,
    env: settings,
    message,
    warnings: await permissionWarnings(path, profiles),
  };
}

/** A file holding secrets in any of its profiles that others may read is said once, with the fix. */
async function permissionWarnings(path: string, profiles: Record<string, unknown>): Promise<string[]> {
  const holdsSecrets = Object.values(profiles).some(
    (profile) =>
      typeof profile === 'object' &&
      profile !== null &&
      SECRET_FIELDS.some((field) => (profile as Record<string, unknown>)[field] !== undefined),
  );
  if (!holdsSecrets || process.platform === 'win32') {
    return [];
  }
  const { mode } = await stat(path);
  return mode & 0o004
    ? [`warning: ${path} holds secrets and anyone on this machine may read it: chmod 600 ${path}`]
    : [];
}
