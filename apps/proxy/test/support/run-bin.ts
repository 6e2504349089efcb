// The bundled `wks-logoff-proxy` (dist/proxy.mjs) spawned as operators run it, its output captured, with waits on
// what it prints (never on time).
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../../dist/proxy.mjs', import.meta.url));

export interface Running {
  child: ChildProcess;
  url: string;
  stdout: () => string;
  stderr: () => string;
  exit: Promise<number | null>;
  /** Resolves when stdout matches `pattern` (with the match); rejects if the process exits first. */
  output(pattern: RegExp): Promise<RegExpExecArray>;
}

export function start(env: Record<string, string>, args: string[] = []): Running {
  const child = spawn(process.execPath, [bin, ...args], {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout?.on('data', (chunk) => {
    out += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    err += chunk;
  });
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const output = (pattern: RegExp) =>
    new Promise<RegExpExecArray>((resolve, reject) => {
      const check = () => {
        const match = pattern.exec(out);
        if (!match) {
          return;
        }
        child.stdout?.off('data', check);
        resolve(match);
      };
      child.stdout?.on('data', check);
      check();
      void exit.then((code) =>
        reject(new Error(`the proxy exited (${code ?? child.signalCode}) before ${pattern}`)),
      );
    });
  return { child, url: '', stdout: () => out, stderr: () => err, exit, output };
}
