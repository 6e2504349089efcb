// Profiles as users write them: `~` in paths, errors naming the profile's field (not a variable the user never
// set), bad JSON located by line and column, a warning when a file holding secrets is readable by anyone.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FakeCloud } from '@wks-logoff/testkit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AK, PROJECT, SK, startCloud } from './support/cloud.js';
import { homeWithProfiles } from './support/profiles.js';
import { runCli } from './support/run-cli.js';

let cloud: FakeCloud;
beforeEach(async () => {
  cloud = await startCloud();
});
afterEach(async () => {
  await cloud.close();
});

describe('profiles', () => {
  it('a tokenFile of "~/…" is in the home directory', async () => {
    const { home } = await homeWithProfiles({
      default: { endpoint: cloud.url, projectId: PROJECT, tokenFile: '~/wks-token' },
    });
    await writeFile(join(home, 'wks-token'), `${cloud.issueToken(PROJECT)}\n`);
    const run = await runCli(['logoff', '--yes', 'd-1'], { env: { HOME: home } });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(cloud.loggedOff.get('d-1')).toBe(1);
  });

  it('a setting half-given in a profile is named by the profile’s fields', async () => {
    const { home } = await homeWithProfiles({
      prod: { endpoint: cloud.url, projectId: PROJECT, secretKey: 'test-profile-secret-do-not-leak' },
    });
    const run = await runCli(['logoff', '--profile', 'prod', '--dry-run', 'd-1'], { env: { HOME: home } });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'wks-logoff: profile "prod" field secretKey is set but accessKey is not: set both.\n',
    );
  });

  it('a missing token file of a profile is named by its field', async () => {
    const { home } = await homeWithProfiles({
      default: { endpoint: cloud.url, projectId: PROJECT, tokenFile: '~/nope' },
    });
    const run = await runCli(['logoff', '--dry-run', 'd-1'], { env: { HOME: home } });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `wks-logoff: Cannot read the token file ${join(home, 'nope')} (ENOENT) named by profile "default" field tokenFile.\n`,
    );
  });

  it('bad JSON is located by line and column, never quoted', async () => {
    const text =
      '{\n  "profiles": {\n    "default": { "secretKey": "test-json-secret-do-not-leak", }\n  }\n}\n';
    const { home, config } = await homeWithProfiles(text);
    const run = await runCli(['logoff', '--dry-run', 'd-1'], { env: { HOME: home } });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `wks-logoff: ${config} is not valid JSON: line 3, column 63: Expected double-quoted property name\n`,
    );
    expect(run.stderr).not.toContain('do-not-leak');
    // V8's own message for this one quotes the text around it, secret included.
    const unexpected = await homeWithProfiles(
      '{"profiles": {"default": {"region": }, "secretKey": "test-json-secret-do-not-leak"}}',
    );
    const second = await runCli(['logoff', '--dry-run', 'd-1'], { env: { HOME: unexpected.home } });
    expect(second.stderr).toBe(
      `wks-logoff: ${unexpected.config} is not valid JSON: line 1, column 37: Unexpected token '}'\n`,
    );
    expect(second.stderr).not.toContain('do-not-leak');
  });

  it('a file holding secrets that anyone may read gets one warning line saying chmod 600', async () => {
    const profiles = { default: { endpoint: cloud.url, projectId: PROJECT, accessKey: AK, secretKey: SK } };
    const open = await homeWithProfiles(profiles, 0o644);
    const warned = await runCli(['logoff', '--yes', 'd-1'], { env: { HOME: open.home } });
    expect(warned.code).toBe(0);
    expect(warned.stderr).toBe(
      `wks-logoff: warning: ${open.config} holds secrets and anyone on this machine may read it: chmod 600 ${open.config}\n`,
    );
    const closed = await homeWithProfiles(profiles, 0o600);
    expect((await runCli(['logoff', '--yes', 'd-2'], { env: { HOME: closed.home } })).stderr).toBe('');
    const noSecrets = await homeWithProfiles({ default: { region: 'cn-north-4' } }, 0o644);
    const quiet = await runCli(['logoff', '--dry-run', 'd-3'], {
      env: { HOME: noSecrets.home, WKS_AUTH_TOKEN: 't', HUAWEICLOUD_SDK_PROJECT_ID: PROJECT },
    });
    expect(quiet.stderr).toBe('');
  });

  it('a value that is not a string is named', async () => {
    const { home } = await homeWithProfiles('{"profiles": {"default": {"region": 4}}}');
    const run = await runCli(['logoff', '--dry-run', 'd-1'], { env: { HOME: home } });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('profile "default" field region must be a string');
  });
});
