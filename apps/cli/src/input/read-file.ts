// Reading a file the user named (--ids-file, --resume, the profile) without ever blocking the process: it is opened
// non-blocking, so a FIFO with no writer yet waits in the event loop (where Ctrl-C still ends the CLI) instead of
// in a thread that process exit would wait for, forever. What is not a regular file (or, where allowed, a pipe) is
// refused with its kind, and nothing is read beyond a cap.
import { close, constants, fstat, open, readFile, type Stats } from 'node:fs';
import { promisify } from 'node:util';
import { errorReason } from '../errors.js';

/**
 * The most a desktop-ID list or a report may hold: room for a million-desktop report to spare (docs/benchmarks.md),
 * and under the longest string Node can make (512 MiB), which the text must become to be parsed.
 */
export const MAX_INPUT_BYTES = 256 * 1024 * 1024;

/** Why a file could not be read: an errno code (`ENOENT`) or a few words (`a directory, not a file`). */
export class UnreadableFile extends Error {}

function mebibytes(bytes: number): string {
  return `${bytes / (1024 * 1024)} MiB`;
}

function kindOf(stats: Stats): string {
  if (stats.isDirectory()) {
    return 'a directory';
  }
  if (stats.isFIFO()) {
    return 'a pipe (FIFO)';
  }
  // Only root may open a block device, and a socket cannot be opened at all (ENXIO): tests meet neither, so the
  // character device (/dev/zero) is the last kind they can tell apart.
  // Stryker disable next-line ConditionalExpression: see above
  if (stats.isCharacterDevice()) {
    return 'a character device';
  }
  // Stryker disable next-line all: see above
  if (stats.isBlockDevice()) {
    // Stryker disable next-line all: see above
    return 'a block device';
  }
  // Stryker disable next-line all: see above
  return 'a socket';
}

/** Reads a stream whole, as UTF-8, refusing more than `maxBytes` (leaving the loop destroys the stream). */
export async function readStream(stream: NodeJS.ReadableStream, maxBytes: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
    size += bytes.length;
    if (size > maxBytes) {
      throw new UnreadableFile(`larger than ${mebibytes(maxBytes)}`);
    }
    chunks.push(bytes);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * The whole text of `path`: a regular file, or a pipe when `pipes` (IDs from `<(command)` or a FIFO). Rejects with
 * an UnreadableFile saying why not.
 */
export async function readInputFile(
  path: string,
  options: { pipes: boolean; maxBytes: number },
): Promise<string> {
  let fd: number;
  try {
    fd = await promisify(open)(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    throw new UnreadableFile(errorReason(error));
  }
  let owned = true;
  try {
    const stats = await promisify(fstat)(fd);
    if (stats.isFile()) {
      if (stats.size > options.maxBytes) {
        throw new UnreadableFile(`larger than ${mebibytes(options.maxBytes)}`);
      }
      const bytes = await promisify(readFile)(fd);
      if (bytes.length > options.maxBytes) {
        throw new UnreadableFile(`larger than ${mebibytes(options.maxBytes)}`);
      }
      return bytes.toString('utf8');
    }
    // Reading a pipe is tested on the bundled bin only (test/input-files.test.ts): in the worker threads Stryker
    // runs tests in, Node keeps tracking a descriptor handed from fs to a socket after the socket closed it.
    // Stryker disable next-line ConditionalExpression,BlockStatement: see above
    if (options.pipes && stats.isFIFO()) {
      // Imported here: node:net is a large part of the stream stack, and most runs never read a pipe by name.
      // Stryker disable next-line all: see above
      const { Socket } = await import('node:net');
      // The socket owns the descriptor from here (and closes it); it waits for a writer without blocking.
      // Stryker disable next-line all: see above
      owned = false;
      // Stryker disable next-line all: see above
      return await readStream(new Socket({ fd, readable: true, writable: false }), options.maxBytes);
    }
    throw new UnreadableFile(`${kindOf(stats)}, not a ${options.pipes ? 'file or a pipe' : 'regular file'}`);
  } catch (error) {
    throw new UnreadableFile(errorReason(error));
  } finally {
    // Stryker disable next-line ConditionalExpression: closing the pipe's descriptor twice could only close one opened elsewhere in between, which no test can order
    if (owned) {
      await promisify(close)(fd).catch(() => undefined);
    }
  }
}
