// The target is what the user said, and it is shown: flags > environment > profile for every setting (a flag for one
// beats a lower layer's value of a competing one), the resolved target in the dry run, the summary and the report,
// --debug naming where each value came from; and --resume keeps its report's target. Dry runs stand in for runs
// whose target is the real cloud: they send nothing.
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LogoffReport } from '@wks-logoff/core';
import type { FakeCloud } from '@wks-logoff/testkit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AK, akskEnv, PROJECT, SK, startCloud } from './support/cloud.js';
import { homeWithProfiles } from './support/profiles.js';
import { runCli } from './support/run-cli.js';

const CN_NORTH_4 = 'https://workspace.cn-north-4.myhuaweicloud.com';

let cloud: FakeCloud;
let dir: string;
beforeEach(async () => {
  cloud = await startCloud();
  dir = await mkdtemp(join(tmpdir(), 'wks-cli-target-'));
});
afterEach(async () => {
  await cloud.close();
});

const plan = (stdout: string) => JSON.parse(stdout) as { target: LogoffReport['target']; project: string };

describe('flags > environment > profile, for every target setting', () => {
  it('--region beats WKS_ENDPOINT in the environment, and --debug says so', async () => {
    const run = await runCli(['logoff', '--region', 'cn-north-4', '--dry-run', '--json', '--debug', 'd-1'], {
      env: akskEnv(cloud),
    });
    expect(run.code).toBe(0);
    expect(plan(run.stdout).target).toEqual({
      endpoint: CN_NORTH_4,
      region: 'cn-north-4',
      auth: 'aksk',
      proxy: false,
    });
    expect(run.stderr).toContain('debug: region cn-north-4 from --region (flag)');
    expect(run.stderr).toContain(`debug: target ${CN_NORTH_4} (region cn-north-4, AK/SK)`);
    expect(run.stderr).toContain(
      'debug: ignored WKS_ENDPOINT (environment): --region (flag) takes precedence',
    );
  });

  it('a region in the environment beats an endpoint in the profile', async () => {
    const { home } = await homeWithProfiles({ default: { endpoint: cloud.url } });
    const run = await runCli(['logoff', '--dry-run', '--json', 'd-1'], {
      env: {
        HOME: home,
        HUAWEICLOUD_SDK_REGION: 'cn-north-4',
        HUAWEICLOUD_SDK_AK: AK,
        HUAWEICLOUD_SDK_SK: SK,
        HUAWEICLOUD_SDK_PROJECT_ID: PROJECT,
      },
    });
    expect(run.code).toBe(0);
    expect(plan(run.stdout).target?.endpoint).toBe(CN_NORTH_4);
  });

  it('--endpoint beats WKS_PROXY_URL in the environment: the logoff goes to the endpoint, directly', async () => {
    const env = { ...akskEnv(cloud), WKS_PROXY_URL: 'http://127.0.0.1:9' };
    const run = await runCli(['logoff', '--endpoint', cloud.url, '--yes', '--json', 'd-1'], { env });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect((JSON.parse(run.stdout) as LogoffReport).target).toEqual({
      endpoint: cloud.url,
      auth: 'aksk',
      proxy: false,
    });
    expect(cloud.loggedOff.get('d-1')).toBe(1);
  });

  it('credentials in the environment beat the profile’s of another kind (a token over its AK/SK)', async () => {
    const { home } = await homeWithProfiles({ default: { accessKey: AK, secretKey: SK } });
    const env = { HOME: home, WKS_ENDPOINT: cloud.url, HUAWEICLOUD_SDK_PROJECT_ID: PROJECT };
    const token = cloud.issueToken(PROJECT);
    const run = await runCli(['logoff', '--yes', '--json', '--debug', 'd-1'], {
      env: { ...env, WKS_AUTH_TOKEN: token },
    });
    expect(run.code).toBe(0);
    expect((JSON.parse(run.stdout) as LogoffReport).target?.auth).toBe('iam-token');
    expect(run.stderr).toContain('debug: credentials from WKS_AUTH_TOKEN (environment)');
    expect(run.stderr).toContain(
      'debug: ignored profile "default" field secretKey: credentials in the environment take precedence',
    );
    expect(`${run.stdout}${run.stderr}`).not.toContain(token);
    expect(`${run.stdout}${run.stderr}`).not.toContain(SK);
  });
});

describe('the resolved target is shown and recorded', () => {
  it('in the summary and the report; --debug names where each value came from, never a secret', async () => {
    const { home } = await homeWithProfiles({ lab: { projectId: PROJECT, secretKey: SK, accessKey: AK } });
    const reportFile = join(dir, 'report.json');
    const run = await runCli(
      [
        'logoff',
        '--profile',
        'lab',
        '--endpoint',
        cloud.url,
        '--yes',
        '--debug',
        '--report',
        reportFile,
        'd-1',
      ],
      { env: { HOME: home } },
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`✔ 1 of 1 desktop logged off in project ${PROJECT}`);
    expect(run.stdout).toContain(`  target: ${cloud.url} (AK/SK)`);
    const report = JSON.parse(await readFile(reportFile, 'utf8')) as LogoffReport;
    expect(report.target).toEqual({ endpoint: cloud.url, auth: 'aksk', proxy: false });
    expect(run.stderr).toContain(`debug: endpoint ${cloud.url} from --endpoint (flag)`);
    expect(run.stderr).toContain(`debug: project ${PROJECT} from profile "lab" field projectId`);
    expect(run.stderr).toContain(
      'debug: credentials from profile "lab" field accessKey, profile "lab" field secretKey',
    );
    expect(`${run.stdout}${run.stderr}`).not.toContain(SK);
  });

  it('in the dry run, text and JSON, with where the project comes from', async () => {
    const text = await runCli(['logoff', '--dry-run', 'd-1'], { env: akskEnv(cloud) });
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(`  target: project ${PROJECT} via ${cloud.url} (AK/SK)`);
    expect(text.stdout).toContain('  project from HUAWEICLOUD_SDK_PROJECT_ID (environment)');
    const json = await runCli(['logoff', '--dry-run', '--json', 'd-1'], { env: akskEnv(cloud) });
    expect(JSON.parse(json.stdout)).toMatchObject({
      projectId: PROJECT,
      project: 'from HUAWEICLOUD_SDK_PROJECT_ID (environment)',
      target: { endpoint: cloud.url, auth: 'aksk', proxy: false },
    });
  });
});

describe('--resume keeps its report’s target', () => {
  async function failedRun() {
    cloud.setDesktops('busy', ['d-2']);
    const reportFile = join(dir, 'report.json');
    const first = await runCli(['logoff', '--yes', '--report', reportFile, 'd-1', 'd-2'], {
      env: akskEnv(cloud),
    });
    expect(first.code).toBe(1);
    cloud.setDesktops('busy', []);
    return reportFile;
  }

  it('a report of project A resumed with --project-id B is refused: exit 2, nothing sent', async () => {
    const reportFile = await failedRun();
    const sent = cloud.log.length;
    const run = await runCli(['logoff', '--resume', reportFile, '--project-id', 'other-project', '--yes'], {
      env: akskEnv(cloud),
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `wks-logoff: --project-id other-project is not the target of the report ${reportFile} (${PROJECT}): --resume logs its desktops off where the report says; drop --project-id, nothing was sent\n`,
    );
    expect(cloud.log).toHaveLength(sent);
  });

  it('so are another --endpoint and another --region', async () => {
    const reportFile = await failedRun();
    const sent = cloud.log.length;
    const endpoint = await runCli(['logoff', '--resume', reportFile, '--endpoint', 'http://127.0.0.1:9'], {
      env: akskEnv(cloud),
    });
    expect(endpoint.code).toBe(2);
    expect(endpoint.stderr).toContain(
      `--endpoint http://127.0.0.1:9 is not the target of the report ${reportFile}`,
    );
    const region = await runCli(['logoff', '--resume', reportFile, '--region', 'cn-north-4'], {
      env: akskEnv(cloud),
    });
    expect(region.code).toBe(2);
    expect(region.stderr).toContain(`(no region, at ${cloud.url})`);
    expect(cloud.log).toHaveLength(sent);
  });

  it('goes where the report says, whatever the environment says now', async () => {
    const reportFile = await failedRun();
    const run = await runCli(['logoff', '--resume', reportFile, '--yes', '--json'], {
      env: { ...akskEnv(cloud), WKS_ENDPOINT: 'http://127.0.0.1:9', HUAWEICLOUD_SDK_PROJECT_ID: 'another' },
    });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ projectId: PROJECT, target: { endpoint: cloud.url } });
    expect(cloud.loggedOff.get('d-2')).toBe(1);
  });

  it('keeps the region a report records (dry run)', async () => {
    const reportFile = join(dir, 'regional.json');
    const report = JSON.parse(await readFile(await failedRun(), 'utf8')) as LogoffReport;
    report.target = { endpoint: CN_NORTH_4, region: 'cn-north-4', auth: 'aksk', proxy: false };
    await writeFile(reportFile, JSON.stringify(report));
    const same = await runCli(['logoff', '--resume', reportFile, '--dry-run', '--json'], {
      env: akskEnv(cloud),
    });
    expect(same.code).toBe(0);
    expect(plan(same.stdout).target).toEqual(report.target);
    const other = await runCli(['logoff', '--resume', reportFile, '--region', 'eu-west-101', '--dry-run'], {
      env: akskEnv(cloud),
    });
    expect(other.code).toBe(2);
    expect(other.stderr).toContain(
      `--region eu-west-101 is not the target of the report ${reportFile} (cn-north-4)`,
    );
  });

  it('refuses IDs given beside it, as arguments or --ids-file: exit 2, nothing sent', async () => {
    const reportFile = await failedRun();
    const sent = cloud.log.length;
    const args = await runCli(['logoff', '--resume', reportFile, '--yes', 'd-3'], { env: akskEnv(cloud) });
    expect(args.code).toBe(2);
    expect(args.stderr).toBe(
      'wks-logoff: --resume takes its desktop IDs from the report, not from the arguments (1 desktop ID): give one or the other; nothing was sent\n',
    );
    const file = join(dir, 'ids.txt');
    await writeFile(file, 'd-3\n');
    const fromFile = await runCli(['logoff', '--resume', reportFile, '--yes', '--ids-file', file], {
      env: akskEnv(cloud),
    });
    expect(fromFile.code).toBe(2);
    expect(fromFile.stderr).toContain(`not from --ids-file ${file}`);
    expect(cloud.log).toHaveLength(sent);
  });
});
