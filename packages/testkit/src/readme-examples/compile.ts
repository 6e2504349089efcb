// TypeScript blocks, compiled as a reader's project would compile them: with the tsconfig.json the README tells
// them to write (else nodenext), strict, and with the installed packages' own types checked (skipLibCheck off).
// Each block is a file of its own whose line numbers are the README's, so an error points at the README.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { theirs } from './installable.js';

/** The compiled JavaScript of a block's file, run by node from the reader's folder. */
export const OUT_DIR = '.readme-out';

export interface Compiled {
  /** tsc's errors in `file`, or about the project as a whole (a package's types, the tsconfig). */
  errorsOf(file: string): string[];
}

/** The file a block at `line` is written to, padded so that its line numbers are the README's. */
export async function writeBlockFile(dir: string, line: number, ext: string, code: string): Promise<string> {
  const file = `readme-${line}.${ext}`;
  await writeFile(join(dir, file), `${'\n'.repeat(line)}${code}`);
  return file;
}

export async function compile(dir: string, files: readonly string[], name: string): Promise<Compiled> {
  const readerConfig = existsSync(join(dir, 'tsconfig.json'));
  const typesInstalled = existsSync(join(dir, 'node_modules', '@types', 'node'));
  const workspaceTypes = dirname(theirs('@types/node'));
  const config = {
    ...(readerConfig ? { extends: './tsconfig.json' } : {}),
    compilerOptions: {
      ...(readerConfig ? {} : { module: 'nodenext' }),
      // A TypeScript project has Node's types; a README that installs them gets its own.
      ...(typesInstalled ? {} : { typeRoots: [workspaceTypes], types: ['node'] }),
      strict: true,
      skipLibCheck: false,
      noEmit: false,
      rootDir: '.',
      outDir: OUT_DIR,
      pretty: false,
    },
    files,
  };
  const project = `tsconfig.${name}.json`;
  await writeFile(join(dir, project), JSON.stringify(config, null, 2));
  const readerTsc = join(dir, 'node_modules', 'typescript', 'bin', 'tsc');
  const tsc = existsSync(readerTsc) ? readerTsc : join(theirs('typescript'), 'bin', 'tsc');
  let output = '';
  try {
    await promisify(execFile)(process.execPath, [tsc, '-p', project], { cwd: dir, encoding: 'utf8' });
  } catch (error) {
    output = (error as { stdout?: string }).stdout ?? String(error);
  }
  // An error line is `file(line,col): error TS…`; the lines after it, indented, belong to it.
  const errors: { file: string; text: string }[] = [];
  for (const line of output.split('\n').filter(Boolean)) {
    const last = errors.at(-1);
    if (/^\s/.test(line) && last) {
      last.text += `\n${line}`;
    } else {
      // A block's file has the README's line numbers: say so.
      const [, file = '', at = ''] = /^([^(]+)\((\d+,\d+)\)/.exec(line) ?? [];
      errors.push({
        file,
        text: files.includes(file) ? line.replace(`${file}(${at})`, `README:${at.replace(',', ':')}`) : line,
      });
    }
  }
  return {
    errorsOf: (file) =>
      errors.filter((error) => error.file === file || !files.includes(error.file)).map((error) => error.text),
  };
}
