// Where the calls go, from what the user said: each setting from its highest layer (flag > resumed report >
// environment > profile), and among settings that compete for the same thing, the one from the highest layer wins
// over the others' lower-layer values: `--region` beats WKS_ENDPOINT in the environment, a region in the
// environment beats an endpoint in the profile, `--endpoint` beats WKS_PROXY_URL. Within one layer, the more
// specific wins (a proxy URL, then an endpoint, then a region), as core does.
//
// A project does not compete with a region: a project ID names one project exactly, and one that does not belong to
// the region's endpoint is refused by the cloud, never logged off elsewhere.
import type { LogoffReport } from '@wks-logoff/core';
import { CliError } from '../errors.js';
import { flagName } from '../flag-name.js';
import { describeOrigin, type Origin, originOfVariable, outranks, type Setting } from './origin.js';
import { PROFILE_FIELDS, type Profile } from './profile.js';
import { normalizedUrl } from './url.js';

export interface TargetFlags {
  projectId?: string | undefined;
  region?: string | undefined;
  endpoint?: string | undefined;
  proxyUrl?: string | undefined;
}

export interface ResumedReport {
  readonly path: string;
  readonly report: LogoffReport;
}

export interface TargetSettings {
  /** Set when the calls go through a wks-logoff proxy (then endpoint, region and IAM endpoint are unset). */
  readonly proxyUrl?: Setting;
  readonly endpoint?: Setting;
  readonly region?: Setting;
  readonly iamEndpoint?: Setting;
  readonly projectId?: Setting;
  /** Values given but not used, each with why (shown with --debug). */
  readonly ignored: readonly { setting: Setting; why: string }[];
}

/** The target settings: profile fields of the same names, each standing for its environment variable. */
const KEYS = ['proxyUrl', 'endpoint', 'region', 'iamEndpoint', 'projectId'] as const;
type Key = (typeof KEYS)[number];

/** The environment variable of each setting, as the profile's field of the same name names it. */
export const TARGET_VARIABLES = Object.fromEntries(KEYS.map((key) => [key, PROFILE_FIELDS[key]])) as Record<
  Key,
  string
>;

/** The settings a flag can give (each named by flagName). */
const FLAG_KEYS = [
  'proxyUrl',
  'endpoint',
  'region',
  'projectId',
] as const satisfies readonly (keyof TargetFlags)[];

/** Settings that decide where the logoff calls go, in the order the more specific wins within a layer. */
const ROUTE = ['proxyUrl', 'endpoint', 'region'] as const;

function normalized(key: Key, value: string): string {
  return ((key === 'proxyUrl' || key === 'endpoint') && normalizedUrl(value)) || value;
}

/** What the report being resumed records of its target (reports before 0.1 record only the project). */
function reportSettings({ path, report }: ResumedReport): Partial<Record<Key, Setting>> {
  const origin: Origin = { layer: 'report', name: `the report ${path}` };
  const settings: Partial<Record<Key, Setting>> = { projectId: { value: report.projectId, origin } };
  if (report.target) {
    settings[report.target.proxy ? 'proxyUrl' : 'endpoint'] = { value: report.target.endpoint, origin };
    if (report.target.region) {
      settings.region = { value: report.target.region, origin };
    }
  }
  return settings;
}

function refuseResumeChange(flag: string, value: string, resumed: ResumedReport, recorded: string): never {
  throw new CliError(
    `${flag} ${value} is not the target of the report ${resumed.path} (${recorded}): --resume logs its desktops off where the report says; drop ${flag}, nothing was sent`,
  );
}

/**
 * A flag beside --resume may only repeat what the report records: a different project, endpoint, proxy or region
 * is refused. Returns the flags that say something the report does not already say.
 */
function flagsBesideReport(flags: TargetFlags, resumed: ResumedReport | undefined): TargetFlags {
  if (!resumed) {
    return flags;
  }
  const recorded = reportSettings(resumed);
  const kept: TargetFlags = {};
  for (const key of FLAG_KEYS) {
    const value = flags[key];
    if (value === undefined) {
      continue;
    }
    const same = recorded[key];
    if (same && normalized(key, same.value) === normalized(key, value)) {
      continue;
    }
    const target = resumed.report.target;
    if (same) {
      refuseResumeChange(flagName(key), value, resumed, same.value);
    }
    if (target) {
      const where = target?.proxy ? `through the proxy ${target.endpoint}` : `at ${target?.endpoint}`;
      refuseResumeChange(flagName(key), value, resumed, key === 'region' ? `no region, ${where}` : where);
    }
    kept[key] = value;
  }
  return kept;
}

function settingOf(
  key: Key,
  flags: TargetFlags,
  recorded: Partial<Record<Key, Setting>>,
  env: NodeJS.ProcessEnv,
  profile: Profile | undefined,
): Setting | undefined {
  const flag = key === 'iamEndpoint' ? undefined : flags[key];
  if (flag !== undefined) {
    if (flag.trim() === '') {
      throw new CliError(`${flagName(key)} must not be empty`);
    }
    return { value: flag, origin: { layer: 'flag', name: flagName(key) } };
  }
  if (recorded[key]) {
    return recorded[key];
  }
  const variable = TARGET_VARIABLES[key];
  const origin = originOfVariable(variable, env, profile);
  if (!origin) {
    return undefined;
  }
  const value = origin.layer === 'environment' ? env[variable] : profile?.env[variable];
  return value === undefined ? undefined : { value, origin };
}

/** A URL that carries a user name or password would carry a credential into flags, reports and output. */
function refuseCredentialsInUrl(setting: Setting | undefined): void {
  if (!setting) {
    return;
  }
  let url: URL;
  try {
    url = new URL(setting.value);
  } catch {
    return;
  }
  if (url.username || url.password) {
    throw new CliError(
      `${describeOrigin(setting.origin)} holds a user name or password: credentials never go in a URL here (they would be shown and recorded); remove them`,
    );
  }
}

/** Drops what loses to a competing setting: the route's (the highest layer wins), then the IAM endpoint. */
function dropLosers(all: Partial<Record<Key, Setting>>, drop: (key: Key, why: string) => void): void {
  // The first of the highest layer wins the route (ROUTE is in the order the more specific wins a tie).
  const present = ROUTE.filter((key) => all[key]);
  const winner = present.reduce<(typeof ROUTE)[number] | undefined>(
    (best, key) => (best && !outranks(all[key] as Setting, all[best] as Setting) ? best : key),
    undefined,
  );
  if (winner) {
    const by = `${describeOrigin((all[winner] as Setting).origin)} takes precedence`;
    if (winner === 'proxyUrl') {
      const why = `the calls go through the proxy (${describeOrigin((all.proxyUrl as Setting).origin)})`;
      drop('endpoint', why);
      drop('region', why);
      drop('iamEndpoint', why);
    } else {
      drop('proxyUrl', by);
      if (winner === 'region') {
        drop('endpoint', by);
      }
    }
  }
  // A report records where the calls went, not how the credentials were obtained: its region leaves the IAM
  // endpoint to the user's settings.
  if (
    all.region &&
    all.iamEndpoint &&
    all.region.origin.layer !== 'report' &&
    outranks(all.region, all.iamEndpoint)
  ) {
    drop('iamEndpoint', `${describeOrigin(all.region.origin)} takes precedence (its IAM endpoint is used)`);
  }
}

export function resolveTargetSettings(
  flags: TargetFlags,
  env: NodeJS.ProcessEnv,
  profile: Profile | undefined,
  resumed: ResumedReport | undefined,
): TargetSettings {
  const given = flagsBesideReport(flags, resumed);
  const recorded = resumed ? reportSettings(resumed) : {};
  const all: Partial<Record<Key, Setting>> = {};
  for (const key of KEYS) {
    const setting = settingOf(key, given, recorded, env, profile);
    if (setting) {
      all[key] = setting;
    }
  }
  const ignored: { setting: Setting; why: string }[] = [];
  const drop = (key: Key, why: string) => {
    const setting = all[key];
    if (setting) {
      ignored.push({ setting, why });
      delete all[key];
    }
  };

  dropLosers(all, drop);
  refuseCredentialsInUrl(all.proxyUrl);
  refuseCredentialsInUrl(all.endpoint);
  refuseCredentialsInUrl(all.iamEndpoint);
  return { ...all, ignored };
}
