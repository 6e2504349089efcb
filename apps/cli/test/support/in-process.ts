// Runs the program in process, as the bin does but with streams of the test's own: what it prints on stdout and
// stderr, its exit code, the questions it asked on the "terminal". Mutants of src/ reach these runs (they never
// reach the bundled bin that the other tests spawn).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import type { Io } from '../../src/io.js';
import { runProgram } from '../../src/program.js';

export interface InProcessOptions {
  /** The environment (HOME is a fresh empty home unless given). */
  env?: Record<string, string>;
  /** Piped on stdin; without it, stdin is a terminal nobody types on. */
  stdin?: string | Buffer;
  /** Whether stdout / stderr are terminals (neither is by default, as when redirected). */
  stdoutIsTerminal?: boolean;
  stderrIsTerminal?: boolean;
  /** The answer typed at the confirmation, or that there is no terminal to ask on (default). */
  answer?: boolean | 'no terminal';
  /** Given the first Ctrl-C once the command listens for it, to press it when the test wants. */
  onInterrupt?: (press: () => void) => void;
}

export interface InProcessRun {
  code: number;
  stdout: string;
  stderr: string;
  /** The questions asked on the terminal. */
  questions: string[];
}

function captured(isTTY: boolean) {
  const stream = new PassThrough();
  const chunks: string[] = [];
  stream.on('data', (chunk) => chunks.push(String(chunk)));
  return {
    stream: Object.assign(stream, { isTTY }) as unknown as NodeJS.WriteStream,
    text: () => chunks.join(''),
  };
}

export async function runInProcess(argv: string[], options: InProcessOptions = {}): Promise<InProcessRun> {
  const home = options.env?.HOME ?? mkdtempSync(join(tmpdir(), 'wks-cli-home-'));
  const stdout = captured(options.stdoutIsTerminal ?? false);
  const stderr = captured(options.stderrIsTerminal ?? false);
  const questions: string[] = [];
  const io: Io = {
    stdin:
      options.stdin === undefined
        ? Object.assign(Readable.from([]), { isTTY: true })
        : Readable.from([Buffer.from(options.stdin)]),
    stdout: stdout.stream,
    stderr: stderr.stream,
    env: { HOME: home, XDG_CONFIG_HOME: join(home, '.config'), ...options.env },
    onInterrupt: (first) => options.onInterrupt?.(first),
    ask: async (question) => {
      questions.push(question);
      const answer = options.answer ?? 'no terminal';
      return answer === 'no terminal' ? undefined : answer;
    },
  };
  const code = await runProgram(argv, io);
  // What was written reaches the captured text on the next turn of the event loop.
  await new Promise((resolve) => setImmediate(resolve));
  return { code, stdout: stdout.text(), stderr: stderr.text(), questions };
}
