// One README block running: a shell for an sh block, node for a (compiled) ts or js block. It runs in a process
// group of its own, so whatever it left behind (`… &`) is stopped with it.
import { spawn } from 'node:child_process';

/** What a check sees of a running block. */
export interface BlockRun {
  /** The folder the README is followed in. */
  readonly dir: string;
  /** Resolves with the exit code once the block ends (null when a signal ended it). */
  readonly exited: Promise<number | null>;
  /** Everything printed so far, stdout and stderr as they came. */
  output(): string;
  /** Resolves once the output matches `pattern`; rejects if the block ends first. */
  waitFor(pattern: RegExp): Promise<RegExpExecArray>;
  /** Sends a signal to the block's own process (a server's SIGTERM). */
  signal(name: NodeJS.Signals): void;
}

export interface BlockProcess extends BlockRun {
  /** Stops the block's process group: the block and anything it started. */
  stop(): void;
}

export function startBlock(
  command: string,
  args: readonly string[],
  options: { dir: string; env: Record<string, string> },
): BlockProcess {
  const child = spawn(command, args, {
    cwd: options.dir,
    env: options.env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  const listeners = new Set<() => void>();
  const append = (chunk: Buffer) => {
    output += chunk.toString('utf8');
    for (const listener of listeners) {
      listener();
    }
  };
  child.stdout.on('data', append);
  child.stderr.on('data', append);
  const stop = () => {
    if (child.pid) {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // Nothing is left in its group: the block stopped all it started.
      }
    }
  };
  const exited = new Promise<number | null>((resolve) => {
    let code: number | null = null;
    child.on('error', (error) => {
      output += `\n${error.message}`;
      resolve(-1);
    });
    // What the block left running (`… &`) may hold its output open: the block is over, so it is stopped, and the
    // exit code is given once the output is complete.
    child.on('exit', (exitCode) => {
      code = exitCode;
      stop();
    });
    child.on('close', () => resolve(code));
  });
  return {
    dir: options.dir,
    exited,
    output: () => output,
    waitFor(pattern) {
      return new Promise((resolve, reject) => {
        const look = () => {
          const match = pattern.exec(output);
          if (match) {
            listeners.delete(look);
            resolve(match);
          }
        };
        listeners.add(look);
        look();
        void exited.then(() => {
          if (listeners.delete(look)) {
            reject(new Error(`the block ended before its output matched ${pattern}:\n${output}`));
          }
        });
      });
    },
    signal(name) {
      child.kill(name);
    },
    stop,
  };
}
