// Named profiles in $XDG_CONFIG_HOME/wks-logoff/config.json (default ~/.config/wks-logoff/config.json), like
// AWS CLI and KooCLI profiles. A profile's settings sit below the environment, which sits below flags.
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { ENV } from '@wks-logoff/core';
import { CliError } from '../errors.js';
import { CLI_ENV } from './env.js';

/** Profile fields and the environment variable each stands in for. */
const PROFILE_FIELDS = {
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

function configPath(env: NodeJS.ProcessEnv): string {
  const base = env.XDG_CONFIG_HOME || join(env.HOME || homedir(), '.config');
  return join(base, 'wks-logoff', 'config.json');
}

/**
 * The profile's settings as environment variables. A missing file or profile is fine for `default`, an error
 * for a profile asked for by name.
 */
export async function profileEnvironment(
  name: string | undefined,
  env: NodeJS.ProcessEnv,
): Promise<Record<string, string>> {
  const path = configPath(env);
  const wanted = name ?? env[CLI_ENV.profile];
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    if (wanted) {
      throw new CliError(`profile "${wanted}" not found: ${path} does not exist`);
    }
    return {};
  }
  let profiles: Record<string, Record<string, unknown>>;
  try {
    profiles = (JSON.parse(text) as { profiles?: Record<string, Record<string, unknown>> }).profiles ?? {};
  } catch {
    throw new CliError(`${path} is not valid JSON`);
  }
  const profile = profiles[wanted ?? 'default'];
  if (!profile) {
    if (wanted) {
      throw new CliError(
        `profile "${wanted}" not found in ${path} (profiles: ${Object.keys(profiles).join(', ') || 'none'})`,
      );
    }
    return {};
  }
  const out: Record<string, string> = {};
  for (const [field, value] of Object.entries(profile)) {
    const variable = PROFILE_FIELDS[field as keyof typeof PROFILE_FIELDS];
    if (!variable) {
      throw new CliError(`unknown setting "${field}" in profile "${wanted ?? 'default'}" of ${path}`);
    }
    out[variable] = String(value);
  }
  return out;
}
