// Credentials as the CLI reads them (src/config/connect.ts and core's resolver), through the bundled bin: one that
// HTTP cannot carry in a header, or a token file that is no token, is refused before anything is sent, in one line
// naming the variable or file, with exit 2, and the secret never appears, --debug included.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FakeCloud } from '@wks-logoff/testkit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { akskEnv, PROJECT, startCloud } from '../support/cloud.js';
import { runCli } from '../support/run-cli.js';

const SECRET = 'test-cli-credential-do-not-leak';

let cloud: FakeCloud;
let dir: string;
beforeEach(async () => {
  cloud = await startCloud();
  dir = await mkdtemp(join(tmpdir(), 'wks-cli-credentials-'));
});
afterEach(async () => {
  await cloud.close();
});

async function tokenFile(content: string | Buffer): Promise<string> {
  const path = join(dir, 'token');
  await writeFile(path, content);
  return path;
}

/** Runs a logoff of 3 desktops with `env`, with and without --debug; both runs must be refused alike. */
async function refused(env: Record<string, string>, proxy: boolean) {
  const target = proxy ? ['--proxy-url', cloud.url, '--project-id', PROJECT] : [];
  const runs = [];
  for (const debug of [[], ['--debug']]) {
    const report = join(dir, `report${debug.length}.json`);
    runs.push(
      await runCli(['logoff', '--yes', ...target, ...debug, '--report', report, 'd-1', 'd-2', 'd-3'], {
        env,
      }),
    );
  }
  for (const run of runs) {
    expect(run.code).toBe(2);
    expect(`${run.stdout}${run.stderr}`).not.toContain(SECRET);
  }
  // One line without --debug (with it, the stack follows: no secret there either).
  const line = runs[0]?.stderr ?? '';
  expect(line.trim().split('\n')).toHaveLength(1);
  expect(cloud.log).toHaveLength(0);
  return line.trim();
}

describe('a credential HTTP cannot carry in a header is refused before anything is sent', () => {
  const cases: [string, () => Promise<Record<string, string>>, boolean, RegExp][] = [
    [
      'WKS_PROXY_TOKEN_FILE with two lines (LF)',
      async () => ({ WKS_PROXY_TOKEN_FILE: await tokenFile(`${SECRET}\nsecond\n`) }),
      true,
      /^wks-logoff: The token file .*token named by WKS_PROXY_TOKEN_FILE contains a line break \(CR or LF\) at character 32; a credential cannot hold it\.$/,
    ],
    [
      'WKS_PROXY_TOKEN_FILE with an inner CRLF',
      async () => ({ WKS_PROXY_TOKEN_FILE: await tokenFile(`${SECRET}\r\nsecond\r\n`) }),
      true,
      /^wks-logoff: The token file .*token named by WKS_PROXY_TOKEN_FILE contains a line break \(CR or LF\) at character 32/,
    ],
    [
      'WKS_PROXY_TOKEN_FILE with a NUL',
      async () => ({ WKS_PROXY_TOKEN_FILE: await tokenFile(`${SECRET}\u0000x`) }),
      true,
      /^wks-logoff: The token file .*token named by WKS_PROXY_TOKEN_FILE contains a NUL character at character 32/,
    ],
    [
      'WKS_PROXY_TOKEN',
      async () => ({ WKS_PROXY_TOKEN: `${SECRET}\nX-Injected: 1` }),
      true,
      /^wks-logoff: WKS_PROXY_TOKEN contains a line break \(CR or LF\) at character 32/,
    ],
    [
      'WKS_PROXY_KEY',
      async () => ({ WKS_PROXY_KEY: `${SECRET}\r\nX-Injected: 1` }),
      true,
      /^wks-logoff: WKS_PROXY_KEY contains a line break \(CR or LF\) at character 32/,
    ],
    [
      'WKS_AUTH_TOKEN',
      async () => ({
        WKS_ENDPOINT: cloud.url,
        HUAWEICLOUD_SDK_PROJECT_ID: PROJECT,
        // An environment cannot hold a NUL: another control character.
        WKS_AUTH_TOKEN: `${SECRET}\u0001`,
      }),
      false,
      /^wks-logoff: WKS_AUTH_TOKEN contains a control character at character 32/,
    ],
    [
      'HUAWEICLOUD_SDK_SECURITY_TOKEN',
      async () => ({ ...akskEnv(cloud), HUAWEICLOUD_SDK_SECURITY_TOKEN: `${SECRET}\nX-Injected: 1` }),
      false,
      /^wks-logoff: HUAWEICLOUD_SDK_SECURITY_TOKEN contains a line break \(CR or LF\) at character 32/,
    ],
  ];
  it.each(cases)('%s: exit 2, one line naming it, never the value', async (_label, env, proxy, message) => {
    expect(await refused(await env(), proxy)).toMatch(message);
  });
});

describe('a token file is a regular file of at most 64 KiB', () => {
  it.each([
    ['WKS_PROXY_TOKEN_FILE', true],
    ['WKS_AUTH_TOKEN_FILE', false],
  ] as const)('%s=/dev/zero: exit 2 at once, "is not a regular file"', async (name, proxy) => {
    const env = proxy
      ? { [name]: '/dev/zero' }
      : { WKS_ENDPOINT: cloud.url, HUAWEICLOUD_SDK_PROJECT_ID: PROJECT, [name]: '/dev/zero' };
    expect(await refused(env, proxy)).toBe(
      `wks-logoff: The token file /dev/zero named by ${name} is not a regular file.`,
    );
  });

  it('a token file larger than 64 KiB: exit 2, "is larger than 64 KiB", nothing sent', async () => {
    const path = await tokenFile(`${SECRET}${'x'.repeat(64 * 1024)}`);
    expect(await refused({ WKS_PROXY_TOKEN_FILE: path }, true)).toBe(
      `wks-logoff: The token file ${path} named by WKS_PROXY_TOKEN_FILE is larger than 64 KiB.`,
    );
  });
});
