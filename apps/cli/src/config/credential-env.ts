// The environment core resolves credentials from: the environment over the profile, by the same precedence as every
// setting. Credentials of different kinds compete (core takes AK/SK over a token over IAM password login): a kind
// set in the environment beats the profile's other kinds, so the profile's AK/SK never wins over a token the user
// exported. Within one kind, fields merge (an IAM user in the profile, its password in the environment). The target
// settings are passed to core explicitly (target-settings.ts), so they are taken out here.
import { ENV } from '@wks-logoff/core';
import { type Origin, originOfVariable } from './origin.js';
import type { Profile } from './profile.js';
import { TARGET_VARIABLES } from './target-settings.js';

/** Core's credential kinds and the variables of each. */
const KINDS: readonly (readonly string[])[] = [
  [ENV.accessKey, ENV.secretKey, ENV.securityToken],
  [ENV.token, ENV.tokenFile],
  [ENV.iamDomain, ENV.iamUser, ENV.iamPassword, ENV.iamAgencyDomain, ENV.iamAgency],
];

export interface CredentialEnvironment {
  /** What core reads: the process environment over the profile's settings, less what lost. */
  readonly env: Record<string, string | undefined>;
  /** Where each credential variable core will use came from (names only: never a value). */
  readonly origins: ReadonlyMap<string, Origin>;
  /** Credential variables given but not used, with why (shown with --debug). */
  readonly ignored: readonly { variable: string; origin: Origin; why: string }[];
}

export function credentialEnvironment(
  processEnv: NodeJS.ProcessEnv,
  profile: Profile | undefined,
): CredentialEnvironment {
  // An empty variable is no setting (as core reads it): it does not hide the profile's value.
  const env: Record<string, string | undefined> = { ...processEnv };
  for (const [variable, value] of Object.entries(profile?.env ?? {})) {
    if (!processEnv[variable]?.trim()) {
      env[variable] = value;
    }
  }
  for (const variable of Object.values(TARGET_VARIABLES)) {
    delete env[variable];
  }
  const originOf = (variable: string) => originOfVariable(variable, processEnv, profile);
  const inEnvironment = (kind: readonly string[]) => kind.some((v) => originOf(v)?.layer === 'environment');
  const environmentWins = KINDS.some(inEnvironment);
  const origins = new Map<string, Origin>();
  const ignored: { variable: string; origin: Origin; why: string }[] = [];
  for (const kind of KINDS) {
    const used = !environmentWins || inEnvironment(kind);
    for (const variable of kind) {
      const origin = originOf(variable);
      if (!origin) {
        continue;
      }
      if (used) {
        origins.set(variable, origin);
      } else {
        ignored.push({ variable, origin, why: 'credentials in the environment take precedence' });
        delete env[variable];
      }
    }
  }
  return { env, origins, ignored };
}
