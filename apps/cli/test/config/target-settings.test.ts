// Which value of each target setting is used, from flags, a resumed report, the environment and a profile: a table
// of the precedence rules, without a process.
import type { LogoffReport } from '@wks-logoff/core';
import { describe, expect, it } from 'vitest';
import type { Profile } from '../../src/config/profile.js';
import {
  resolveTargetSettings,
  type TargetFlags,
  type TargetSettings,
} from '../../src/config/target-settings.js';
import { CliError } from '../../src/errors.js';

const profile = (env: Record<string, string>): Profile => ({
  label: 'profile "lab"',
  env,
  message: undefined,
  warnings: [],
});

/** Each used setting as `value (layer)`. */
function used(settings: TargetSettings): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of ['proxyUrl', 'endpoint', 'region', 'iamEndpoint', 'projectId'] as const) {
    const setting = settings[key];
    if (setting) {
      out[key] = `${setting.value} (${setting.origin.layer})`;
    }
  }
  return out;
}

const resolve = (
  flags: TargetFlags,
  env: Record<string, string> = {},
  profileEnv?: Record<string, string>,
  report?: Partial<LogoffReport>,
) =>
  used(
    resolveTargetSettings(
      flags,
      env,
      profileEnv && profile(profileEnv),
      report && { path: 'r.json', report: { projectId: 'p-report', ...report } as LogoffReport },
    ),
  );

describe('resolveTargetSettings', () => {
  it.each([
    [
      'a flag region beats an environment endpoint',
      [{ region: 'cn-north-4' }, { WKS_ENDPOINT: 'http://env' }],
      { region: 'cn-north-4 (flag)' },
    ],
    [
      'an environment region beats a profile endpoint and a profile IAM endpoint',
      [
        {},
        { HUAWEICLOUD_SDK_REGION: 'cn-north-4' },
        { endpoint: 'x', WKS_ENDPOINT: 'http://p', HUAWEICLOUD_IAM_ENDPOINT: 'http://iam' },
      ],
      { region: 'cn-north-4 (environment)' },
    ],
    [
      'within a layer the endpoint wins the route, the region stays for IAM',
      [
        {},
        {
          WKS_ENDPOINT: 'http://env',
          HUAWEICLOUD_SDK_REGION: 'cn-north-4',
          HUAWEICLOUD_IAM_ENDPOINT: 'http://iam',
        },
      ],
      {
        endpoint: 'http://env (environment)',
        region: 'cn-north-4 (environment)',
        iamEndpoint: 'http://iam (environment)',
      },
    ],
    [
      'a flag endpoint beats a proxy URL of the environment',
      [{ endpoint: 'http://flag' }, { WKS_PROXY_URL: 'http://proxy' }],
      { endpoint: 'http://flag (flag)' },
    ],
    [
      'a proxy URL in the profile loses to a region in the environment',
      [{}, { HUAWEICLOUD_SDK_REGION: 'cn-north-4' }, { WKS_PROXY_URL: 'http://proxy' }],
      { region: 'cn-north-4 (environment)' },
    ],
    [
      'a flag proxy URL leaves endpoint, region and IAM endpoint unused',
      [{ proxyUrl: 'http://proxy' }, { WKS_ENDPOINT: 'http://env', HUAWEICLOUD_SDK_REGION: 'cn-north-4' }],
      { proxyUrl: 'http://proxy (flag)' },
    ],
    [
      'a project keeps its own precedence: it does not compete with a region',
      [
        { region: 'cn-north-4' },
        { HUAWEICLOUD_SDK_PROJECT_ID: 'p-env' },
        { HUAWEICLOUD_SDK_PROJECT_ID: 'p-prof' },
      ],
      { region: 'cn-north-4 (flag)', projectId: 'p-env (environment)' },
    ],
  ] as const)('%s', (_label, [flags, env, profileEnv], expected) => {
    expect(resolve(flags, env, profileEnv as Record<string, string> | undefined)).toEqual(expected);
  });

  it('a resumed report’s target sits above the environment; a flag repeating it is fine', () => {
    const report = {
      target: { endpoint: 'http://report', region: 'cn-north-4', auth: 'aksk', proxy: false },
    };
    expect(resolve({ region: 'cn-north-4' }, { WKS_ENDPOINT: 'http://env' }, undefined, report)).toEqual({
      endpoint: 'http://report (report)',
      region: 'cn-north-4 (report)',
      projectId: 'p-report (report)',
    });
  });

  it('a resumed report’s region leaves the IAM endpoint of the environment alone', () => {
    const report = {
      target: { endpoint: 'http://report', region: 'cn-north-4', auth: 'iam-password', proxy: false },
    };
    expect(resolve({}, { HUAWEICLOUD_IAM_ENDPOINT: 'http://iam' }, undefined, report)).toMatchObject({
      iamEndpoint: 'http://iam (environment)',
    });
  });

  it('a flag that changes a resumed report’s target is refused', () => {
    const report = { target: { endpoint: 'http://proxy', auth: 'proxy-key', proxy: true } };
    expect(() => resolve({ endpoint: 'http://other' }, {}, undefined, report)).toThrow(
      new CliError(
        '--endpoint http://other is not the target of the report r.json (through the proxy http://proxy): --resume logs its desktops off where the report says; drop --endpoint, nothing was sent',
      ),
    );
    expect(() => resolve({ projectId: 'p-other' }, {}, undefined, {})).toThrow(
      /--project-id p-other is not the target/,
    );
  });

  it('a report written before reports had a target keeps only its project', () => {
    expect(resolve({ region: 'cn-north-4' }, { HUAWEICLOUD_SDK_PROJECT_ID: 'p-env' }, undefined, {})).toEqual(
      {
        region: 'cn-north-4 (flag)',
        projectId: 'p-report (report)',
      },
    );
  });

  it('refuses an empty flag and a URL holding a user name or password', () => {
    expect(() => resolve({ region: '' })).toThrow(new CliError('--region must not be empty'));
    expect(() => resolve({}, { WKS_PROXY_URL: 'http://bob:pw-do-not-leak@proxy' })).toThrow(
      /^WKS_PROXY_URL \(environment\) holds a user name or password/,
    );
  });
});
