// The message reaches every user's screen as it is: a control character other than tab and newline is refused
// wherever the message comes from (--message, the profile, a resumed report), naming where, before anything is sent.
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LogoffReport } from '@wks-logoff/core';
import type { FakeCloud } from '@wks-logoff/testkit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { akskEnv, PROJECT, startCloud } from './support/cloud.js';
import { homeWithProfiles } from './support/profiles.js';
import { runCli } from './support/run-cli.js';

let cloud: FakeCloud;
let dir: string;
beforeEach(async () => {
  cloud = await startCloud();
  dir = await mkdtemp(join(tmpdir(), 'wks-cli-message-'));
});
afterEach(async () => {
  await cloud.close();
});

describe('a message with control characters is refused: exit 2, nothing sent', () => {
  it('from --message (ESC, and a C1 control)', async () => {
    for (const [message, code, at] of [
      ['bye\u001b[2J', 'U+001B', 4],
      ['bye\u009b31m', 'U+009B', 4],
    ] as const) {
      const run = await runCli(['logoff', '--yes', '-m', message, 'd-1'], { env: akskEnv(cloud) });
      expect(run.code).toBe(2);
      expect(run.stderr).toBe(
        `wks-logoff: --message holds a control character (${code} at character ${at}): only tab and newline are allowed; nothing was sent\n`,
      );
    }
    expect(cloud.log).toHaveLength(0);
  });

  it('from a resumed report whose message was edited to hold CR LF', async () => {
    cloud.setDesktops('busy', ['d-2']);
    const reportFile = join(dir, 'report.json');
    await runCli(['logoff', '--yes', '-m', 'back at 6', '--report', reportFile, 'd-1', 'd-2'], {
      env: akskEnv(cloud),
    });
    const report = JSON.parse(await readFile(reportFile, 'utf8')) as LogoffReport;
    report.message = 'back at 6\r\nwks-logoff: all good';
    await writeFile(reportFile, JSON.stringify(report));
    const sent = cloud.log.length;
    const run = await runCli(['logoff', '--yes', '--resume', reportFile], { env: akskEnv(cloud) });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `wks-logoff: the message of the report ${reportFile} holds a control character (U+000D at character 10): only tab and newline are allowed; nothing was sent\n`,
    );
    expect(cloud.log).toHaveLength(sent);
  });

  it('from a profile', async () => {
    const { home } = await homeWithProfiles({
      ops: { endpoint: cloud.url, projectId: PROJECT, message: 'hi\u0007' },
    });
    const run = await runCli(['logoff', '--profile', 'ops', '--yes', 'd-1'], { env: { HOME: home } });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'wks-logoff: profile "ops" field message holds a control character (U+0007 at character 3): only tab and newline are allowed; nothing was sent\n',
    );
  });
});

describe('what is allowed reaches users as given', () => {
  it('tab and newline; a profile’s message when no --message is given', async () => {
    const run = await runCli(['logoff', '--yes', '-m', 'line 1\nline 2\tend', 'd-1'], {
      env: akskEnv(cloud),
    });
    expect(run.code).toBe(0);
    const { home } = await homeWithProfiles({ default: { message: 'from the profile' } });
    const profiled = await runCli(['logoff', '--yes', 'd-2'], { env: { ...akskEnv(cloud), HOME: home } });
    expect(profiled.code).toBe(0);
    expect(cloud.messages).toEqual(['line 1\nline 2\tend', 'from the profile']);
  });
});
