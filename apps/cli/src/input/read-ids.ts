// Desktop IDs from arguments, a file, or stdin, each with where it came from (for error messages). Lines are
// trimmed; blank lines and lines starting with `#` are skipped. A million IDs are a normal input: the IDs are
// kept with their line numbers, and `where` is worked out only for the few that need naming.
import { CliError } from '../errors.js';
import { MAX_INPUT_BYTES, readInputFile, readStream, UnreadableFile } from './read-file.js';

export interface SourcedIds {
  /** The IDs in input order, repeats and invalid ones included. */
  readonly ids: string[];
  /** Where the ID at `index` came from, e.g. `argument 2`, `ids.txt:14`, `stdin:3`. */
  where(index: number): string;
}

/** IDs given as arguments, followed by those of one file (or stdin), if any. */
class Sources implements SourcedIds {
  readonly ids: string[];
  readonly #lines: number[] = [];
  #source = '';

  constructor(args: string[]) {
    this.ids = [...args];
  }

  /** Adds the IDs of `text`, one per line. */
  addLines(text: string, source: string): void {
    this.#source = source;
    let line = 0;
    for (const raw of text.split(/\r?\n/)) {
      line++;
      const id = raw.trim();
      if (id === '' || id.startsWith('#')) {
        continue;
      }
      this.ids.push(id);
      this.#lines.push(line);
    }
  }

  where(index: number): string {
    const fromText = index - (this.ids.length - this.#lines.length);
    return fromText < 0 ? `argument ${index + 1}` : `${this.#source}:${this.#lines[fromText] ?? '?'}`;
  }
}

/** IDs with a name for each position, e.g. the entries of a report being resumed. */
export function listedIds(ids: string[], where: (index: number) => string): SourcedIds {
  return { ids, where };
}

async function readStdin(stdin: NodeJS.ReadableStream): Promise<string> {
  try {
    return await readStream(stdin, MAX_INPUT_BYTES);
  } catch (error) {
    if (error instanceof UnreadableFile) {
      throw new CliError(`cannot read the desktop IDs on stdin (${error.message})`);
    }
    throw error;
  }
}

export interface ReadOptions {
  args: string[];
  idsFile: string | undefined;
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
}

/** Reads every ID completely: the total is needed for validation, the plan, the confirmation and the ETA. */
export async function readIds(options: ReadOptions): Promise<SourcedIds> {
  const sources = new Sources(options.args);
  if (options.idsFile === '-') {
    sources.addLines(await readStdin(options.stdin), 'stdin');
  } else if (options.idsFile) {
    let text: string;
    try {
      text = await readInputFile(options.idsFile, { pipes: true, maxBytes: MAX_INPUT_BYTES });
    } catch (error) {
      throw new CliError(`cannot read --ids-file ${options.idsFile} (${(error as Error).message})`);
    }
    sources.addLines(text, options.idsFile);
  } else if (options.args.length === 0 && !options.stdin.isTTY) {
    sources.addLines(await readStdin(options.stdin), 'stdin');
  }
  return sources;
}
