// What the command works on: the IDs (from arguments, a file, stdin, or an earlier report being resumed), checked
// completely before anything is sent.
import { checkReport, type InvalidId, type LogoffReport, resumableIds } from '@wks-logoff/core';
import { CliError, errorReason } from '../../errors.js';
import { MAX_INPUT_BYTES, readInputFile } from '../../input/read-file.js';
import { listedIds, readIds, type SourcedIds } from '../../input/read-ids.js';
import { counted } from '../../output/counted.js';
import { invalidIdLines, quotedId } from '../../output/invalid-ids.js';

/** An earlier report, to resume its failed and skipped IDs: a regular file, never more than any report can be. */
export async function readReport(path: string): Promise<LogoffReport> {
  let text: string;
  try {
    text = await readInputFile(path, { pipes: false, maxBytes: MAX_INPUT_BYTES });
  } catch (error) {
    throw new CliError(`cannot read the report ${path} to resume (${errorReason(error)})`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new CliError(`cannot read the report ${path} to resume (not JSON)`);
  }
  const problems = checkReport(parsed);
  if (problems.length > 0) {
    throw new CliError(`${path} is not a wks-logoff report: ${problems.slice(0, 3).join('; ')}`);
  }
  return parsed as LogoffReport;
}

/**
 * A resumed run takes its IDs from its report alone: IDs given beside it would otherwise be dropped without a word.
 */
export function refuseIdsBesideResume(source: { args: string[]; idsFile: string | undefined }): void {
  const given = [
    source.args.length > 0 ? `the arguments (${counted(source.args.length, 'desktop ID')})` : '',
    source.idsFile === undefined ? '' : `--ids-file ${source.idsFile}`,
  ].filter(Boolean);
  if (given.length > 0) {
    throw new CliError(
      `--resume takes its desktop IDs from the report, not from ${given.join(' or ')}: give one or the other; nothing was sent`,
    );
  }
}

/** The IDs to log off: an earlier report's to resume, or those of the arguments, the file or stdin. */
export async function loadIds(
  source: { args: string[]; idsFile: string | undefined; stdin: NodeJS.ReadableStream & { isTTY?: boolean } },
  resumed: { report: LogoffReport; path: string } | undefined,
): Promise<SourcedIds> {
  if (resumed) {
    return listedIds(resumableIds(resumed.report), (index) => `${resumed.path} entry ${index + 1}`);
  }
  const input = await readIds(source);
  if (input.ids.length === 0) {
    throw new CliError(
      'no desktop IDs given: pass them as arguments, with --ids-file FILE (- for stdin), or on stdin',
    );
  }
  return input;
}

/** Every invalid ID named with where it came from (the first 20, then a count): exit 2, nothing sent. */
export function invalidInputError(input: SourcedIds, invalid: readonly InvalidId[]): CliError {
  const lines = invalidIdLines(
    invalid,
    (bad) => `invalid desktop ID at ${input.where(bad.index)}: ${quotedId(bad.id)} ${bad.reason}`,
    (count) => `… and ${counted(count, 'more invalid ID')}`,
  );
  lines.push(
    `nothing was sent; fix the input or pass --skip-invalid to skip ${invalid.length === 1 ? 'it' : 'them'}`,
  );
  return new CliError(lines);
}
