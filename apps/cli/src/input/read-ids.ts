// Desktop IDs from arguments, a file, or stdin, each with where it came from (for error messages).
// Lines are trimmed; blank lines and lines starting with `#` are skipped.
import { readFile } from 'node:fs/promises';
import { CliError } from '../errors.js';

export interface SourcedId {
  id: string;
  /** e.g. `argument 2`, `ids.txt:14`, `stdin:3` */
  where: string;
}

export function parseLines(text: string, source: string): SourcedId[] {
  const ids: SourcedId[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const id = raw.trim();
    if (id === '' || id.startsWith('#')) return;
    ids.push({ id, where: `${source}:${index + 1}` });
  });
  return ids;
}

async function readStdin(stdin: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stdin) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
  return Buffer.concat(chunks).toString('utf8');
}

export interface ReadOptions {
  args: string[];
  idsFile: string | undefined;
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
}

/** Reads every ID completely: the total is needed for validation, the plan, the confirmation and the ETA. */
export async function readIds(options: ReadOptions): Promise<SourcedId[]> {
  const ids: SourcedId[] = options.args.map((id, index) => ({ id, where: `argument ${index + 1}` }));
  if (options.idsFile === '-') {
    ids.push(...parseLines(await readStdin(options.stdin), 'stdin'));
  } else if (options.idsFile) {
    let text: string;
    try {
      text = await readFile(options.idsFile, 'utf8');
    } catch (error) {
      throw new CliError(
        `cannot read --ids-file ${options.idsFile} (${(error as { code?: string }).code ?? 'error'})`,
      );
    }
    ids.push(...parseLines(text, options.idsFile));
  } else if (options.args.length === 0 && !options.stdin.isTTY) {
    ids.push(...parseLines(await readStdin(options.stdin), 'stdin'));
  }
  return ids;
}
