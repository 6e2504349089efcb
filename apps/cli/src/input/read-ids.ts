// Desktop IDs from arguments, a file, or stdin, each with where it came from (for error messages). Lines are
// trimmed; blank lines and lines starting with `#` are skipped. A million IDs are a normal input: the IDs are
// kept with their line numbers, and `where` is worked out only for the few that need naming.
import { CliError, errorReason } from '../errors.js';
import { MAX_INPUT_BYTES, readInputFile, readStream } from './read-file.js';

export interface SourcedIds {
  /** The IDs in input order, repeats and invalid ones included. */
  readonly ids: string[];
  /** Where the ID at `index` came from, e.g. `argument 2`, `ids.txt:14`, `stdin:3`. */
  where(index: number): string;
}

/** IDs with a name for each position, e.g. the entries of a report being resumed. */
export function listedIds(ids: string[], where: (index: number) => string): SourcedIds {
  return { ids, where };
}

export interface ReadOptions {
  args: string[];
  idsFile: string | undefined;
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
}

/** The text that follows the arguments, if any, and its name: the file, or stdin when piped or asked for (`-`). */
async function textOf(options: ReadOptions): Promise<{ name: string; text: string } | undefined> {
  if (options.idsFile === '-' || (!options.idsFile && options.args.length === 0 && !options.stdin.isTTY)) {
    try {
      return { name: 'stdin', text: await readStream(options.stdin, MAX_INPUT_BYTES) };
    } catch (error) {
      throw new CliError(`cannot read the desktop IDs on stdin (${errorReason(error)})`);
    }
  }
  if (options.idsFile) {
    try {
      return {
        name: options.idsFile,
        text: await readInputFile(options.idsFile, { pipes: true, maxBytes: MAX_INPUT_BYTES }),
      };
    } catch (error) {
      throw new CliError(`cannot read --ids-file ${options.idsFile} (${errorReason(error)})`);
    }
  }
  return undefined;
}

/** Reads every ID completely: the total is needed for validation, the plan, the confirmation and the ETA. */
export async function readIds(options: ReadOptions): Promise<SourcedIds> {
  const { args } = options;
  const argument = (index: number) => `argument ${index + 1}`;
  const source = await textOf(options);
  if (!source) {
    return listedIds([...args], argument);
  }
  const ids = [...args];
  const lines: number[] = [];
  source.text.split(/\r?\n/).forEach((raw, index) => {
    const id = raw.trim();
    if (id !== '' && !id.startsWith('#')) {
      ids.push(id);
      lines.push(index + 1);
    }
  });
  return listedIds(ids, (index) =>
    index < args.length ? argument(index) : `${source.name}:${lines[index - args.length]}`,
  );
}
