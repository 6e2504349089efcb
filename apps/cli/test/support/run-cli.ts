// Runs the bundled CLI as users do: `node dist/cli.mjs …`, with a clean environment and an empty config home.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CLI = fileURLToPath(new URL('../../dist/cli.mjs', import.meta.url));

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  env?: Record<string, string>;
  stdin?: string | Buffer;
  /** Called once the process has started (e.g. to send it signals). */
  onSpawn?: (child: ReturnType<typeof spawn>) => void;
  cwd?: string;
  /** Close the reading end of stdout at once, as `| head -1` does early. */
  closeStdout?: boolean;
}

export function freshHome(): string {
  return mkdtempSync(join(tmpdir(), 'wks-cli-home-'));
}

export function runCli(args: string[], options: RunOptions = {}): Promise<CliRun> {
  const home = options.env?.HOME ?? freshHome();
  const child = spawn(process.execPath, [CLI, ...args], {
    env: {
      PATH: process.env.PATH ?? '',
      HOME: home,
      XDG_CONFIG_HOME: join(home, '.config'),
      NO_COLOR: '1',
      ...options.env,
    },
    stdio: ['pipe', 'pipe', 'pipe'],
    cwd: options.cwd,
  });
  let stdout = '';
  let stderr = '';
  if (options.closeStdout) {
    child.stdout.destroy();
  }
  child.stdout.on('data', (chunk) => {
    stdout += chunk;
  });
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  if (options.stdin !== undefined) {
    child.stdin.end(options.stdin);
  } else {
    child.stdin.end();
  }
  options.onSpawn?.(child);
  return new Promise((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })),
  );
}
