// The CLI's README as an admin follows it: installed in an empty folder (npm install -g), every sh block run by
// bash with the installed bin, against the test kit's fake cloud (reached through WKS_ENDPOINT and
// HUAWEICLOUD_IAM_ENDPOINT, as the README's readers would reach another endpoint) and the real proxy in front of it;
// the profiles file loaded by the CLI itself, each profile planned in a dry run.
import { chmod, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeReadmeExamples, type FakeCloud, startFakeCloud } from '@wks-logoff/testkit';
import { afterAll, beforeAll, expect } from 'vitest';
import { startProxyForTest } from '../support/proxy-harness.js';
import { runCli } from '../support/run-cli.js';

const PROJECT = '2b31ed520a1b4d3cb2c3d4e5f6a7b8c9';
const AK = 'READMEAK000000000001';
const SK = 'readme-secret-do-not-leak';
const DESKTOP = '2a010270-a011-415e-b1cd-3c484c8a8001';
// desktops.txt: a comment and fewer desktops than the confirmation threshold (no terminal here to answer it).
const FLEET = Array.from({ length: 40 }, (_, n) => `readme-desktop-${n}`);
const VIA_PROXY = ['readme-proxied-1', 'readme-proxied-2', 'readme-proxied-3'];

let cloud: FakeCloud;
let proxy: Awaited<ReturnType<typeof startProxyForTest>>;
beforeAll(async () => {
  cloud = await startFakeCloud({ keys: { [AK]: SK }, projects: { 'cn-north-4': PROJECT } });
  proxy = await startProxyForTest(cloud.url, { AK, SK });
});
afterAll(async () => {
  await proxy.close();
  await cloud.close();
});

/** Each profile of the README's file, planned by the CLI in a dry run: exit 0, its target shown. */
async function plansEveryProfile(value: unknown): Promise<void> {
  const home = await mkdtemp(join(tmpdir(), 'wks-cli-readme-profiles-'));
  await mkdir(join(home, '.config', 'wks-logoff'), { recursive: true });
  const file = join(home, '.config', 'wks-logoff', 'config.json');
  await writeFile(file, JSON.stringify(value));
  await chmod(file, 0o600);
  await mkdir(join(home, '.wks'));
  await writeFile(join(home, '.wks', 'token'), 'readme-token-do-not-leak\n');
  const profiles = Object.keys((value as { profiles: Record<string, unknown> }).profiles);
  expect(profiles).toEqual(['default', 'lab', 'proxy']);
  for (const profile of profiles) {
    const run = await runCli(['logoff', '--profile', profile, '--dry-run', DESKTOP], {
      env: { HOME: home, WKS_PROXY_KEY: 'wksp_readme-key-do-not-leak' },
    });
    expect({ profile, code: run.code, stderr: run.stderr }).toEqual({ profile, code: 0, stderr: '' });
    expect(run.stdout).toMatch(/target: /);
  }
}

describeReadmeExamples(new URL('../../README.md', import.meta.url), {
  env: () => ({ WKS_ENDPOINT: cloud.url, HUAWEICLOUD_IAM_ENDPOINT: cloud.url }),
  substitute: () => ({
    'HUAWEICLOUD_SDK_AK=… HUAWEICLOUD_SDK_SK=…': `HUAWEICLOUD_SDK_AK=${AK} HUAWEICLOUD_SDK_SK=${SK}`,
    'WKS_PROXY_KEY=wksp_…': `WKS_PROXY_KEY=${proxy.key}`,
    'http://wks-proxy.internal': proxy.url,
  }),
  files: {
    'desktops.txt': `# fleet A\n${FLEET.join('\n')}\n`,
    'ids.txt': `${VIA_PROXY.join('\n')}\n`,
  },
  json: { profiles: plansEveryProfile },
  checks: [
    {
      block: 'wks-logoff logoff --resume report.json --yes',
      async check(run) {
        expect(await run.exited, run.output()).toBe(0);
        expect(cloud.loggedOff.get(DESKTOP)).toBe(1);
        // Logged off by the --report run, then again by the run reading stdin: none lost, none skipped.
        expect(FLEET.filter((id) => cloud.loggedOff.get(id) !== 2)).toEqual([]);
        const report = JSON.parse(await readFile(join(run.dir, 'report.json'), 'utf8'));
        expect(report.totals).toMatchObject({ distinct: FLEET.length, succeeded: FLEET.length });
        expect(report.target).toMatchObject({ endpoint: cloud.url, auth: 'aksk', proxy: false });
        expect(run.output()).toContain('Nothing to resume');
      },
    },
    {
      block: 'export WKS_PROXY_KEY=wksp_…',
      async check(run) {
        expect(await run.exited, run.output()).toBe(0);
        expect(VIA_PROXY.filter((id) => cloud.loggedOff.get(id) !== 1)).toEqual([]);
        expect(run.output()).toContain(`target: the wks-logoff proxy at ${proxy.url} (caller key)`);
      },
    },
  ],
});
