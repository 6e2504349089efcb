// What the command works on: IDs from a resumed report or the input, and errors that name each bad ID and where it
// came from.
import { execFileSync } from 'node:child_process';
import { mkdtemp, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { planBatch } from '@wks-logoff/core';
import { beforeEach, describe, expect, it } from 'vitest';
import { invalidInputError, loadIds, readReport } from '../../../src/commands/logoff/load.js';
import { CliError } from '../../../src/errors.js';
import { reportOf } from '../../support/reports.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'wks-load-'));
});
const noStdin = () => Object.assign(Readable.from([]), { isTTY: true });

describe('readReport', () => {
  it('reads a report written by an earlier run', async () => {
    const path = join(dir, 'report.json');
    const report = await reportOf(['d-1', 'd-2'], ['d-2']);
    await writeFile(path, JSON.stringify(report));
    expect(await readReport(path)).toEqual(report);
  });

  it('says a missing file cannot be read, with the reason', async () => {
    await expect(readReport(join(dir, 'nope.json'))).rejects.toThrow(
      /cannot read the report .*nope\.json to resume \(ENOENT\)/,
    );
  });

  it('says a file that is not JSON is not one', async () => {
    const path = join(dir, 'notes.txt');
    await writeFile(path, 'd-1\nd-2\n');
    await expect(readReport(path)).rejects.toThrow(
      new CliError(`cannot read the report ${path} to resume (not JSON)`),
    );
  });

  it('names the first three problems of a JSON file that is not a report, on one line', async () => {
    const path = join(dir, 'other.json');
    await writeFile(path, '{"hello":1}');
    await expect(readReport(path)).rejects.toThrow(
      new CliError(
        `${path} is not a wks-logoff report: (report) must have required property 'schemaVersion'; (report) must have required property 'projectId'; (report) must have required property 'startedAt'`,
      ),
    );
  });

  it('refuses a pipe at once: a report is a regular file', async () => {
    const fifo = join(dir, 'fifo');
    execFileSync('mkfifo', [fifo]);
    await expect(readReport(fifo)).rejects.toThrow(
      new CliError(`cannot read the report ${fifo} to resume (a pipe (FIFO), not a regular file)`),
    );
  });

  it('refuses a file larger than any report without reading it', async () => {
    const path = join(dir, 'huge.json');
    await writeFile(path, '');
    await truncate(path, 256 * 1024 * 1024 + 1);
    await expect(readReport(path)).rejects.toThrow(
      new CliError(`cannot read the report ${path} to resume (larger than 256 MiB)`),
    );
  });

  it('says a JSON file that is not a report is not one, and why', async () => {
    const path = join(dir, 'other.json');
    await writeFile(path, '{"hello":1}');
    await expect(readReport(path)).rejects.toThrow(/other\.json is not a wks-logoff report: /);
  });
});

describe('loadIds', () => {
  it('takes the failed and skipped IDs of a resumed report, each named by its entry', async () => {
    const report = await reportOf(['d-1', 'd-2', 'd-3'], ['d-3']);
    const input = await loadIds(
      { args: ['ignored'], idsFile: undefined, stdin: noStdin() },
      { report, path: 'r.json' },
    );
    expect(input.ids).toEqual(['d-3']);
    expect(input.where(0)).toBe('r.json entry 1');
  });

  it('refuses an empty input and says how to give IDs', async () => {
    await expect(loadIds({ args: [], idsFile: undefined, stdin: noStdin() }, undefined)).rejects.toThrow(
      /no desktop IDs given: pass them as arguments, with --ids-file FILE/,
    );
  });
});

describe('invalidInputError', () => {
  it('names each invalid ID with where it came from, and says nothing was sent', async () => {
    const path = join(dir, 'ids.txt');
    await writeFile(path, 'd-1\n\nbad id\n');
    const input = await loadIds({ args: [], idsFile: path, stdin: noStdin() }, undefined);
    const error = invalidInputError(input, planBatch(input.ids).invalid);
    expect(error.lines[0]).toMatch(/^invalid desktop ID at .*ids\.txt:3: "bad id" /);
    expect(error.lines.at(-1)).toBe('nothing was sent; fix the input or pass --skip-invalid to skip it');
  });

  it('says "them" for more than one', async () => {
    const input = await loadIds(
      { args: ['bad 1', 'bad 2'], idsFile: undefined, stdin: noStdin() },
      undefined,
    );
    const error = invalidInputError(input, planBatch(input.ids).invalid);
    expect(error.lines.at(-1)).toBe('nothing was sent; fix the input or pass --skip-invalid to skip them');
  });

  it('shows an ID of up to 60 characters whole, a longer one cut to its first 57', async () => {
    const sixty = `a b${'x'.repeat(57)}`;
    const longer = `${sixty}y`;
    const input = await loadIds({ args: [sixty, longer], idsFile: undefined, stdin: noStdin() }, undefined);
    const [first, second] = invalidInputError(input, planBatch(input.ids).invalid).lines;
    expect(first).toContain(`argument 1: "${sixty}" must be`);
    expect(second).toContain(`argument 2: "${sixty.slice(0, 57)}..." must be`);
  });

  it('names all of exactly 20, with no count after them', async () => {
    const ids = Array.from({ length: 20 }, (_, i) => `bad id ${i}`);
    const input = await loadIds({ args: ids, idsFile: undefined, stdin: noStdin() }, undefined);
    const error = invalidInputError(input, planBatch(input.ids).invalid);
    expect(error.lines).toHaveLength(21);
    expect(error.lines[19]).toMatch(/^invalid desktop ID at argument 20: "bad id 19" /);
  });

  it('counts one more as one', async () => {
    const ids = Array.from({ length: 21 }, (_, i) => `bad id ${i}`);
    const input = await loadIds({ args: ids, idsFile: undefined, stdin: noStdin() }, undefined);
    expect(invalidInputError(input, planBatch(input.ids).invalid).lines[20]).toBe('… and 1 more invalid ID');
  });

  it('names the first 20 and counts the rest', async () => {
    const ids = Array.from({ length: 25 }, (_, i) => `bad id ${i}`);
    const input = await loadIds({ args: ids, idsFile: undefined, stdin: noStdin() }, undefined);
    const error = invalidInputError(input, planBatch(input.ids).invalid);
    expect(error.lines).toHaveLength(22);
    expect(error.lines[20]).toBe('… and 5 more invalid IDs');
  });
});
