// Files the user names (--ids-file, --resume, the profile) are read as files: what is not a regular file (or, where
// allowed, a pipe) is refused with its kind, nothing is read beyond the cap, and no descriptor is left open. Reading
// a pipe is tested on the bundled bin (test/input-files.test.ts), not here: in a worker thread (Stryker runs tests
// in one), Node keeps tracking a descriptor handed from fs to a socket after the socket closed it.
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { mkdtemp, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { beforeEach, describe, expect, it } from 'vitest';
import { MAX_INPUT_BYTES, readInputFile, readStream, UnreadableFile } from '../../src/input/read-file.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'wks-read-file-'));
});

const asFile = { pipes: false, maxBytes: MAX_INPUT_BYTES };
const asFileOrPipe = { pipes: true, maxBytes: MAX_INPUT_BYTES };
const openDescriptors = () => readdirSync('/proc/self/fd').length;

function fifo() {
  const path = join(dir, 'fifo');
  execFileSync('mkfifo', [path]);
  return path;
}

describe('readInputFile', () => {
  it('reads a regular file whole, and closes it', async () => {
    const path = join(dir, 'ids.txt');
    await writeFile(path, 'd-1\nd-2\n');
    const before = openDescriptors();
    expect(await readInputFile(path, asFile)).toBe('d-1\nd-2\n');
    expect(openDescriptors()).toBe(before);
  });

  it('names why a file cannot be opened by its error code', async () => {
    await expect(readInputFile(join(dir, 'missing'), asFile)).rejects.toThrow(new UnreadableFile('ENOENT'));
  });

  it.each([
    ['a directory', () => dir, asFile, 'a directory, not a regular file'],
    ['a directory where a pipe is allowed', () => dir, asFileOrPipe, 'a directory, not a file or a pipe'],
    ['a character device', () => '/dev/zero', asFile, 'a character device, not a regular file'],
    ['a FIFO where only files are allowed', fifo, asFile, 'a pipe (FIFO), not a regular file'],
  ])('refuses %s at once, saying what it is', async (_label, path, options, why) => {
    const before = openDescriptors();
    await expect(readInputFile(path(), options)).rejects.toThrow(new UnreadableFile(why));
    expect(openDescriptors()).toBe(before);
  });

  it('refuses a file larger than the cap without reading it (a disk image named by mistake)', async () => {
    const path = join(dir, 'disk.img');
    await writeFile(path, '');
    await truncate(path, 4 * 1024 * 1024 * 1024);
    await expect(readInputFile(path, asFile)).rejects.toThrow(new UnreadableFile('larger than 256 MiB'));
  });

  it('reads a file of exactly the cap', async () => {
    const path = join(dir, 'small');
    await writeFile(path, '0123');
    expect(await readInputFile(path, { pipes: false, maxBytes: 4 })).toBe('0123');
  });

  it('caps what it reads even when the file system gives no size (procfs)', async () => {
    await expect(readInputFile('/proc/self/status', { pipes: false, maxBytes: 1024 })).rejects.toThrow(
      new UnreadableFile('larger than 0.0009765625 MiB'),
    );
  });
});

describe('readStream', () => {
  it('reads text and bytes alike, as UTF-8', async () => {
    expect(await readStream(Readable.from(['d-1\n', Buffer.from('dé-2\n')]), 100)).toBe('d-1\ndé-2\n');
  });

  it('reads exactly the cap, refuses one byte more', async () => {
    expect(await readStream(Readable.from([Buffer.from('0123')]), 4)).toBe('0123');
    await expect(readStream(Readable.from([Buffer.from('01'), Buffer.from('234')]), 4)).rejects.toThrow(
      new UnreadableFile('larger than 0.000003814697265625 MiB'),
    );
  });
});
