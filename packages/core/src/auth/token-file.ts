// The one reader of token files: core's WKS_AUTH_TOKEN_FILE and the CLI's WKS_PROXY_TOKEN_FILE (re-read on every
// request, as a projected token rotates). A token is a few KiB at most: a file larger than 64 KiB is not one (a
// device such as /dev/zero would otherwise be read until memory runs out), and only regular files are read (a
// FIFO would block the reader: it is opened without waiting for a writer, then refused). What is read is held to
// the credential rule (credential.ts): a trailing newline trimmed, an inner line break or NUL refused.
import type { FileHandle } from 'node:fs/promises';
import { ConfigurationError } from '../errors/classes.js';
import { checkCredential } from './credential.js';

const MAX_TOKEN_FILE_BYTES = 64 * 1024;

/**
 * The token in the file at `path`, named by the environment variable `variable` (both are named in refusals; the
 * token never is). Throws a ConfigurationError when the file cannot be read, is not a regular file, is larger
 * than 64 KiB, is empty, or holds more than one line or a character no credential can.
 */
export async function readTokenFile(path: string, variable: string): Promise<string> {
  const fs = await import('node:fs/promises');
  let file: FileHandle;
  try {
    file = await fs.open(path, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
  } catch (error) {
    const code = (error as { code?: string }).code ?? 'unreadable';
    throw new ConfigurationError(`Cannot read the token file ${path} (${code}) named by ${variable}.`);
  }
  const named = `The token file ${path} named by ${variable}`;
  let text: string;
  try {
    text = await readWhole(file, named);
  } finally {
    await file.close();
  }
  return checkCredential(text, named);
}

/** The file's text, when it is a regular file of at most 64 KiB (also while reading: it may grow). */
async function readWhole(file: FileHandle, named: string): Promise<string> {
  const stats = await file.stat();
  if (!stats.isFile()) {
    throw new ConfigurationError(`${named} is not a regular file.`);
  }
  const tooLarge = () => new ConfigurationError(`${named} is larger than 64 KiB.`);
  if (stats.size > MAX_TOKEN_FILE_BYTES) {
    throw tooLarge();
  }
  // One byte more than the limit: reading it means the file is over.
  const buffer = Buffer.alloc(MAX_TOKEN_FILE_BYTES + 1);
  let length = 0;
  for (;;) {
    const { bytesRead } = await file.read(buffer, length, buffer.length - length, length);
    length += bytesRead;
    if (bytesRead === 0 || length === buffer.length) {
      break;
    }
  }
  if (length > MAX_TOKEN_FILE_BYTES) {
    throw tooLarge();
  }
  return buffer.toString('utf8', 0, length);
}
