// A dry run checks everything except the cloud: credentials present, endpoint resolvable, project known or
// resolvable, the report path writable; and it says how long the run takes at least. A real run checks the report
// path before anything is sent.
import { mkdir, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FakeCloud } from '@wks-logoff/testkit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AK, akskEnv, PROJECT, SK, startCloud } from './support/cloud.js';
import { runCli } from './support/run-cli.js';

let cloud: FakeCloud;
let dir: string;
beforeEach(async () => {
  cloud = await startCloud();
  dir = await mkdtemp(join(tmpdir(), 'wks-cli-dry-'));
});
afterEach(async () => {
  await cloud.close();
});

const ids = (n: number) => Array.from({ length: n }, (_, i) => `desk-${i}`);

describe('a dry run refuses what the real run would refuse, without a request: exit 2', () => {
  it.each([
    [
      'no credentials',
      { WKS_ENDPOINT: 'http://127.0.0.1:9', HUAWEICLOUD_SDK_PROJECT_ID: PROJECT },
      /^wks-logoff: No credentials: set HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK/,
    ],
    [
      'no endpoint',
      { HUAWEICLOUD_SDK_AK: AK, HUAWEICLOUD_SDK_SK: SK, HUAWEICLOUD_SDK_PROJECT_ID: PROJECT },
      /^wks-logoff: No endpoint: set a region \(HUAWEICLOUD_SDK_REGION\) or an endpoint \(WKS_ENDPOINT\)/,
    ],
    [
      'an unknown region',
      { HUAWEICLOUD_SDK_REGION: 'mars-1', HUAWEICLOUD_SDK_AK: AK, HUAWEICLOUD_SDK_SK: SK },
      /^wks-logoff: Unknown region "mars-1"/,
    ],
    [
      'no project and no region to look it up',
      { WKS_ENDPOINT: 'http://127.0.0.1:9', HUAWEICLOUD_SDK_AK: AK, HUAWEICLOUD_SDK_SK: SK },
      /^wks-logoff: no project: pass --project-id/,
    ],
  ])('%s', async (_label, env, message) => {
    const run = await runCli(['logoff', '--dry-run', 'd-1'], { env });
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(message);
    expect(run.code).toBe(2);
  });

  it('a --report path that cannot be written', async () => {
    for (const [path, why] of [
      [join(dir, 'missing', 'r.json'), 'ENOENT'],
      [dir, 'a directory'],
    ]) {
      const run = await runCli(['logoff', '--dry-run', '--report', path as string, 'd-1'], {
        env: akskEnv(cloud),
      });
      expect(run.code).toBe(2);
      expect(run.stderr).toBe(`wks-logoff: cannot write the report to ${path} (${why}); nothing was sent\n`);
    }
  });
});

describe('a dry run says what it checked', () => {
  it('a project to be looked up through IAM is resolvable: said, not looked up', async () => {
    // IAM at a closed port: a lookup would fail the run.
    const run = await runCli(['logoff', '--dry-run', '--json', 'd-1'], {
      env: {
        HUAWEICLOUD_SDK_REGION: 'cn-north-4',
        HUAWEICLOUD_IAM_ENDPOINT: 'http://127.0.0.1:9',
        HUAWEICLOUD_SDK_AK: AK,
        HUAWEICLOUD_SDK_SK: SK,
      },
    });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ project: 'looked up through IAM from region cn-north-4' });
    expect(JSON.parse(run.stdout).projectId).toBeUndefined();
  });

  it('the least time at the configured rate, and the report path it can write', async () => {
    const report = join(dir, 'r.json');
    const text = await runCli(['logoff', '--dry-run', '--rate', '2', '--report', report, ...ids(250)], {
      env: akskEnv(cloud),
    });
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(
      '  time: at least 1s at 2 requests/s (more if desktops fail and are isolated, or the cloud throttles)',
    );
    expect(text.stdout).toContain(`  report: ${report} (can be written)`);
    const json = await runCli(['logoff', '--dry-run', '--json', ...ids(1000)], { env: akskEnv(cloud) });
    expect(JSON.parse(json.stdout)).toMatchObject({ requests: 10, estimatedSeconds: 6, ratePerSecond: 1.5 });
    expect(cloud.log).toHaveLength(0);
  });

  it('through the proxy, no time at a rate the CLI would not use: the proxy paces, unless --rate caps it', async () => {
    const proxied = ['logoff', '--dry-run', '--proxy-url', cloud.url, '--project-id', PROJECT];
    const env = { WKS_PROXY_KEY: 'wksp_dry-run-key' };
    const text = await runCli([...proxied, ...ids(1000)], { env });
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(
      '  time: set by the proxy, which shares its upstream rate among its callers (--rate caps it here)',
    );
    const json = await runCli([...proxied, '--json', ...ids(1000)], { env });
    expect(JSON.parse(json.stdout)).toMatchObject({
      requests: 10,
      estimatedSeconds: null,
      ratePerSecond: null,
    });
    const capped = await runCli([...proxied, '--json', '--rate', '3', ...ids(1000)], { env });
    expect(JSON.parse(capped.stdout)).toMatchObject({ requests: 10, estimatedSeconds: 3, ratePerSecond: 3 });
    expect(cloud.log).toHaveLength(0);
  });
});

describe('a real run checks the --report path before anything is sent', () => {
  it('exit 2, nothing sent, nothing on stdout', async () => {
    const path = join(dir, 'missing', 'report.json');
    const run = await runCli(['logoff', '--yes', '--report', path, 'd-1'], { env: akskEnv(cloud) });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`wks-logoff: cannot write the report to ${path} (ENOENT); nothing was sent\n`);
    expect(run.stdout).toBe('');
    expect(cloud.log).toHaveLength(0);
    await mkdir(join(dir, 'missing'));
    const again = await runCli(['logoff', '--yes', '--report', path, 'd-1'], { env: akskEnv(cloud) });
    expect(again.code).toBe(0);
  });
});
