// Where a setting's value came from. Layers in precedence order: a flag, then the report being resumed (it keeps
// its target), then the environment, then the profile.
import { fieldForVariable, type Profile } from './profile.js';

type Layer = 'flag' | 'report' | 'environment' | 'profile';

const RANK: Record<Layer, number> = { flag: 3, report: 2, environment: 1, profile: 0 };

export interface Origin {
  readonly layer: Layer;
  /** As the user would name it: `--region`, `the report r.json`, `HUAWEICLOUD_SDK_REGION`, `profile "lab" field region`. */
  readonly name: string;
}

export interface Setting {
  readonly value: string;
  readonly origin: Origin;
}

/** True when `a` came from a layer above `b`'s. */
export function outranks(a: Setting, b: Setting): boolean {
  return RANK[a.origin.layer] > RANK[b.origin.layer];
}

/** `--region (flag)`, `HUAWEICLOUD_SDK_REGION (environment)`, `profile "lab" field region`. */
export function describeOrigin(origin: Origin): string {
  return origin.layer === 'flag' || origin.layer === 'environment'
    ? `${origin.name} (${origin.layer})`
    : origin.name;
}

/** The origin of an environment variable's value, in the environment merged over the profile. */
export function originOfVariable(
  variable: string,
  env: NodeJS.ProcessEnv,
  profile: Profile | undefined,
): Origin | undefined {
  if (env[variable]?.trim()) {
    return { layer: 'environment', name: variable };
  }
  return profile?.env[variable]?.trim()
    ? { layer: 'profile', name: `${profile.label} field ${fieldForVariable(variable)}` }
    : undefined;
}

/**
 * Core's message about the settings, in the user's terms: an environment variable whose value came from the
 * profile is named by its field there (`profile "prod" field secretKey`), and one set nowhere by the field that
 * would set it, so that a user who set nothing in the environment is not told about variables they never set.
 */
export function inProfileTerms(
  message: string,
  env: NodeJS.ProcessEnv,
  profile: Profile | undefined,
): string {
  const named = message.match(/\b[A-Z][A-Z0-9_]+\b/g) ?? [];
  if (!named.some((name) => originOfVariable(name, env, profile)?.layer === 'profile')) {
    return message;
  }
  return message.replace(/\b[A-Z][A-Z0-9_]+\b/g, (name) => {
    const field = fieldForVariable(name);
    const origin = originOfVariable(name, env, profile);
    if (!field || origin?.layer === 'environment') {
      return name;
    }
    return origin ? origin.name : field;
  });
}
