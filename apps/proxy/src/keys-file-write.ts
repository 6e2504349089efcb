// The keys file as `keygen --keys-file` updates it: read and checked first (a missing file is an empty one), then
// written to a temporary file beside it and renamed over it, so a proxy re-reading it on SIGHUP sees the old file
// or the new one, never half of one. Mode 0600: the file names who may log desktops off.
import { randomBytes } from 'node:crypto';
import { open, readFile, realpath, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { type KeysFile, KeysFileError, parseKeysFile } from './keys-file.js';

const codeOf = (error: unknown) => (error as { code?: string }).code ?? 'error';

/** The file's content and the path to write it back to (a symbolic link's target stays the file). */
export async function readKeysFileForUpdate(path: string): Promise<{ file: KeysFile; target: string }> {
  let target: string;
  try {
    target = await realpath(path);
  } catch (error) {
    if (codeOf(error) === 'ENOENT') {
      return { file: { keys: [] }, target: path };
    }
    throw new KeysFileError(path, [`cannot read it (${codeOf(error)})`]);
  }
  let bytes: Buffer;
  try {
    bytes = await readFile(target);
  } catch (error) {
    throw new KeysFileError(path, [`cannot read it (${codeOf(error)})`]);
  }
  return { file: parseKeysFile(bytes, path), target };
}

/** One entry per line in each list, so a reviewed change to the file is one line per caller. */
function format(file: KeysFile): string {
  const fields = Object.entries(file).map(([name, value]) => {
    const text = Array.isArray(value)
      ? value.length === 0
        ? '[]'
        : `[\n${value.map((entry) => `    ${JSON.stringify(entry)}`).join(',\n')}\n  ]`
      : JSON.stringify(value);
    return `  ${JSON.stringify(name)}: ${text}`;
  });
  return `{\n${fields.join(',\n')}\n}\n`;
}

export async function writeKeysFileAtomically(target: string, file: KeysFile): Promise<void> {
  const temporary = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const handle = await open(temporary, 'wx', 0o600);
    try {
      await handle.writeFile(format(file));
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true });
    throw new KeysFileError(target, [`cannot write it (${codeOf(error)})`]);
  }
}
