// The confirmation prompt on a real terminal: `script` (util-linux) gives the CLI a pseudo-terminal as its
// controlling terminal while the desktop IDs are piped on its stdin, as an admin would do.
import { spawn } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type FakeCloud, startFakeCloud } from '@wks-logoff/testkit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CLI, freshHome } from './support/run-cli.js';

let cloud: FakeCloud;
let idsFile: string;
beforeEach(async () => {
  cloud = await startFakeCloud();
  idsFile = join(await mkdtemp(join(tmpdir(), 'wks-tty-')), 'ids.txt');
  await writeFile(idsFile, Array.from({ length: 150 }, (_, i) => `desk-${i}`).join('\n'));
});
afterEach(async () => {
  await cloud.close();
});

function onTerminal(answer: string): Promise<{ code: number | null; screen: string }> {
  const home = freshHome();
  const command = `cat ${idsFile} | ${process.execPath} ${CLI} logoff --rate 1000 --project-id p1 -m "bye"`;
  const child = spawn('script', ['-qec', command, '/dev/null'], {
    env: {
      PATH: process.env.PATH ?? '',
      HOME: home,
      XDG_CONFIG_HOME: join(home, '.config'),
      NO_COLOR: '1',
      WKS_ENDPOINT: cloud.url,
      WKS_AUTH_TOKEN: cloud.issueToken('p1'),
      TERM: 'dumb',
    },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let screen = '';
  let answered = false;
  child.stdout.on('data', (chunk) => {
    screen += chunk;
    if (!answered && screen.includes('[y/N]')) {
      answered = true;
      child.stdin.write(`${answer}\r`);
    }
  });
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, screen })));
}

describe('confirmation on the terminal', () => {
  it('asks on the terminal even with IDs piped on stdin; "n" sends nothing (exit 2)', async () => {
    const { code, screen } = await onTerminal('n');
    expect(screen).toContain(
      `Log off 150 desktops in project p1 via ${cloud.url} (IAM token) in 2 requests with the message "bye"? [y/N]`,
    );
    expect(screen).toContain('wks-logoff: declined: nothing was sent');
    expect(code).toBe(2);
    expect(cloud.log).toHaveLength(0);
  });

  it('"y" logs them off', async () => {
    const { code, screen } = await onTerminal('y');
    expect(code).toBe(0);
    expect(screen).toContain('150 of 150 desktops logged off');
    expect(cloud.loggedOff.size).toBe(150);
  });
});
