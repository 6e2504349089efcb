// Files the user names are read as files: --resume refuses what is not a regular file or is larger than any report,
// and a FIFO with no writer never traps the CLI (Ctrl-C ends it, as everywhere).
import { type ChildProcess, execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { mkdtemp, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FakeCloud } from '@wks-logoff/testkit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { akskEnv, startCloud } from './support/cloud.js';
import { runCli } from './support/run-cli.js';

let cloud: FakeCloud;
let dir: string;
const children: ChildProcess[] = [];
beforeEach(async () => {
  cloud = await startCloud();
  dir = await mkdtemp(join(tmpdir(), 'wks-cli-files-'));
});
afterEach(async () => {
  for (const child of children.splice(0)) {
    child.kill('SIGKILL');
  }
  await cloud.close();
});

const fifoIn = (where: string) => {
  const fifo = join(where, 'fifo');
  execFileSync('mkfifo', [fifo]);
  return fifo;
};

/** The process has the FIFO open, or one of its threads waits in open() for a writer. */
function readingFifo(pid: number, fifo: string): boolean {
  try {
    if (readdirSync(`/proc/${pid}/fd`).some((fd) => readlinkSync(`/proc/${pid}/fd/${fd}`) === fifo)) {
      return true;
    }
    return readdirSync(`/proc/${pid}/task`).some((task) =>
      /fifo|partner/.test(readFileSync(`/proc/${pid}/task/${task}/wchan`, 'utf8')),
    );
  } catch {
    return false;
  }
}

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('--resume reads a regular file no larger than any report', () => {
  it.each([
    ['a directory', (where: string) => where, 'a directory, not a regular file'],
    ['a FIFO', fifoIn, 'a pipe (FIFO), not a regular file'],
  ])('%s: exit 2, said at once', async (_label, make, why) => {
    const path = make(dir);
    const run = await runCli(['logoff', '--resume', path, '--yes'], {
      env: akskEnv(cloud),
      onSpawn: (child) => children.push(child),
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`wks-logoff: cannot read the report ${path} to resume (${why})\n`);
  });

  it('a character device (/dev/zero): exit 2, nothing read', async () => {
    const run = await runCli(['logoff', '--resume', '/dev/zero', '--yes'], { env: akskEnv(cloud) });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'wks-logoff: cannot read the report /dev/zero to resume (a character device, not a regular file)\n',
    );
  });

  it('larger than 256 MiB: exit 2, nothing read', async () => {
    const path = join(dir, 'huge.json');
    await writeFile(path, '');
    await truncate(path, 256 * 1024 * 1024 + 1);
    const run = await runCli(['logoff', '--resume', path, '--yes'], { env: akskEnv(cloud) });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`wks-logoff: cannot read the report ${path} to resume (larger than 256 MiB)\n`);
  });
});

describe('--ids-file reads a pipe too', () => {
  it('IDs written to a FIFO are logged off', async () => {
    const fifo = fifoIn(dir);
    const run = runCli(['logoff', '--ids-file', fifo, '--yes', '--json'], {
      env: akskEnv(cloud),
      onSpawn: (child) => {
        children.push(child);
        void until(() => readingFifo(child.pid as number, fifo)).then(() => writeFile(fifo, 'd-1\nd-2\n'));
      },
    });
    const done = await run;
    expect(done.code).toBe(0);
    expect(JSON.parse(done.stdout).totals.succeeded).toBe(2);
  });

  it('two Ctrl-Cs end the CLI while it waits for a FIFO that has no writer: exit 130', async () => {
    const fifo = fifoIn(dir);
    const run = await runCli(['logoff', '--ids-file', fifo, '--yes'], {
      env: akskEnv(cloud),
      onSpawn: (child) => {
        children.push(child);
        void until(() => readingFifo(child.pid as number, fifo)).then(() => {
          child.kill('SIGINT');
          child.kill('SIGINT');
        });
      },
    });
    expect(run.code).toBe(130);
    expect(cloud.log).toHaveLength(0);
  });
});
