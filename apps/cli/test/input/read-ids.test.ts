// Desktop IDs from arguments, a file, a pipe or stdin, each named by where it came from (as errors and the dry run
// name it); stdin is read only when it is piped and nothing else was given.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { beforeEach, describe, expect, it } from 'vitest';
import { CliError } from '../../src/errors.js';
import { readIds } from '../../src/input/read-ids.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'wks-read-ids-'));
});

/** stdin as a terminal (nothing piped), holding what a user might still type. */
const terminal = (typed = '') => Object.assign(Readable.from(typed ? [typed] : []), { isTTY: true });
/** stdin with `text` piped in. */
const piped = (text: string) => Readable.from([Buffer.from(text)]);

/** Each ID with where it came from. */
async function read(args: string[], idsFile: string | undefined, stdin: NodeJS.ReadableStream) {
  const input = await readIds({ args, idsFile, stdin });
  return input.ids.map((id, index) => `${input.where(index)} ${id}`);
}

describe('readIds', () => {
  it('takes the arguments, then the lines of the file: trimmed, blank lines and # comments skipped', async () => {
    const file = join(dir, 'ids.txt');
    await writeFile(file, '# maintenance\r\nd-3\n\n   d-4  \n  # indented comment\nd-5#not-a-comment\n');
    expect(await read(['d-1', 'd-2'], file, terminal())).toEqual([
      'argument 1 d-1',
      'argument 2 d-2',
      `${file}:2 d-3`,
      `${file}:4 d-4`,
      `${file}:6 d-5#not-a-comment`,
    ]);
  });

  it('names arguments alone by their position', async () => {
    expect(await read(['d-1', 'd-2'], undefined, terminal())).toEqual(['argument 1 d-1', 'argument 2 d-2']);
  });

  it('reads stdin for --ids-file -, after the arguments', async () => {
    expect(await read(['d-1'], '-', piped('d-2\n\nd-3\n'))).toEqual([
      'argument 1 d-1',
      'stdin:1 d-2',
      'stdin:3 d-3',
    ]);
  });

  it('reads piped stdin when nothing else is given', async () => {
    expect(await read([], undefined, piped('d-1\nd-2'))).toEqual(['stdin:1 d-1', 'stdin:2 d-2']);
  });

  it('leaves piped stdin alone when IDs are given as arguments', async () => {
    expect(await read(['d-1'], undefined, piped('d-9\n'))).toEqual(['argument 1 d-1']);
  });

  it('never reads a terminal on stdin: no IDs at all', async () => {
    expect(await read([], undefined, terminal('d-9\n'))).toEqual([]);
  });

  it('says why --ids-file cannot be read', async () => {
    const missing = join(dir, 'missing.txt');
    await expect(readIds({ args: [], idsFile: missing, stdin: terminal() })).rejects.toThrow(
      new CliError(`cannot read --ids-file ${missing} (ENOENT)`),
    );
    await expect(readIds({ args: [], idsFile: dir, stdin: terminal() })).rejects.toThrow(
      new CliError(`cannot read --ids-file ${dir} (a directory, not a file or a pipe)`),
    );
  });

  it('refuses more than 256 MiB on stdin, reading no further', async () => {
    const mebibyte = Buffer.alloc(1024 * 1024, 'd\n');
    let given = 0;
    const endless = Readable.from(
      (function* () {
        for (;;) {
          given++;
          yield mebibyte;
        }
      })(),
    );
    await expect(readIds({ args: [], idsFile: '-', stdin: endless })).rejects.toThrow(
      new CliError('cannot read the desktop IDs on stdin (larger than 256 MiB)'),
    );
    expect(given).toBeLessThan(260);
  });

  it('says why stdin cannot be read, as for a file', async () => {
    const broken = new Readable({
      read() {
        this.destroy(Object.assign(new Error('i/o error'), { code: 'EIO' }));
      },
    });
    await expect(readIds({ args: [], idsFile: '-', stdin: broken })).rejects.toThrow(
      new CliError('cannot read the desktop IDs on stdin (EIO)'),
    );
  });
});
