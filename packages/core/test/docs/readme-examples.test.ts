// Core's README as its reader follows it: installed in an empty folder, every TypeScript example compiled
// strictly against the installed package and run against the test kit's fake cloud, which the examples reach
// through the environment variables the README tells readers to set.
import { describeReadmeExamples, type FakeCloud, startFakeCloud } from '@wks-logoff/testkit';
import { afterAll, beforeAll, expect } from 'vitest';
import { checkReport } from '../../src/index.js';

const PROJECT = '2b31ed520a1b4d3cb2c3d4e5f6a7b8c9';
const AK = 'READMEAK000000000001';
const SK = 'readme-secret-do-not-leak';
const DESKTOP = '2a010270-a011-415e-b1cd-3c484c8a8001';
// The file the logoffMany example reads: more than one request's worth.
const FLEET = Array.from({ length: 150 }, (_, n) => `readme-desktop-${n}`);

let cloud: FakeCloud;
beforeAll(async () => {
  cloud = await startFakeCloud({ keys: { [AK]: SK }, projects: { 'cn-north-4': PROJECT } });
});
afterAll(() => cloud.close());

/** The example exits 0, having printed `line`, and the cloud logged the README's desktop off. */
const printsAndLogsOff =
  (line: RegExp) => async (run: { exited: Promise<number | null>; output(): string }) => {
    expect(await run.exited, run.output()).toBe(0);
    expect(run.output()).toMatch(line);
    expect(cloud.loggedOff.get(DESKTOP)).toBeGreaterThan(0);
  };

describeReadmeExamples(new URL('../../README.md', import.meta.url), {
  env: () => ({
    HUAWEICLOUD_SDK_AK: AK,
    HUAWEICLOUD_SDK_SK: SK,
    HUAWEICLOUD_SDK_REGION: 'cn-north-4',
    WKS_ENDPOINT: cloud.url,
    HUAWEICLOUD_IAM_ENDPOINT: cloud.url,
    WKS_AUTH_TOKEN: cloud.issueToken(PROJECT),
    HUAWEICLOUD_IAM_PASSWORD: 'readme-password-do-not-leak',
    WKS_PROXY_KEY: 'wksp_readme-key-do-not-leak',
  }),
  files: { 'desktops.txt': `${FLEET.join('\n')}\n` },
  json: {
    report: (value) => expect(checkReport(value)).toEqual([]),
  },
  checks: [
    { block: 'report.totals.succeeded} of', check: printsAndLogsOff(/^1 of 1 desktops logged off$/m) },
    { block: 'timeoutMs: 30_000, // per attempt', check: printsAndLogsOff(/^accepted, request ID \S+$/m) },
    { block: 'const storeAuth: Auth', check: printsAndLogsOff(/^accepted, request ID \S+$/m) },
    {
      block: "createReadStream('desktops.txt')",
      async check(run) {
        expect(await run.exited, run.output()).toBe(0);
        expect(FLEET.filter((id) => cloud.loggedOff.get(id) !== 1)).toEqual([]);
        // Its onProgress line, on stderr (the total of a stream is not known).
        expect(run.output()).toMatch(/^150\/\? · 2 requests/m);
      },
    },
  ],
});
