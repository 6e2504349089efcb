// Starts Prism (mock, or validation proxy in front of an upstream) on a free loopback port and stops it.
// Spawns `node prism-cli/dist/index.js` directly: no shell shim, so killing the child kills Prism.
import { type ChildProcess, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { freePort } from './free-port.js';
import { specPath } from './spec-path.js';

const require = createRequire(import.meta.url);
const prismBin = join(dirname(require.resolve('@stoplight/prism-cli/package.json')), 'dist', 'index.js');

export interface PrismOptions {
  /** `mock` serves the spec's examples; `proxy` validates traffic to and from `upstream`. */
  mode?: 'mock' | 'proxy';
  /** Upstream base URL (proxy mode only). */
  upstream?: string;
  /** Turn violations into error responses (`--errors`). Default true. */
  errors?: boolean;
  /** Spec document; defaults to @wks-logoff/spec. */
  spec?: string;
  /** Milliseconds to wait for Prism to listen (default 30 000). */
  startTimeoutMs?: number;
}

export interface RunningPrism {
  /** Base URL, e.g. `http://127.0.0.1:43123`. */
  readonly url: string;
  /** Everything Prism printed so far (for debugging failed tests). */
  output(): string;
  stop(): Promise<void>;
}

function waitForExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return Promise.resolve(true);
  }
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

export async function startPrism(options: PrismOptions = {}): Promise<RunningPrism> {
  const mode = options.mode ?? 'mock';
  if (mode === 'proxy' && !options.upstream) {
    throw new Error('startPrism: proxy mode needs an upstream URL');
  }
  const port = await freePort();
  const args = [prismBin, mode, '-h', '127.0.0.1', '-p', String(port)];
  if (options.errors ?? true) {
    args.push('--errors');
  }
  args.push(options.spec ?? specPath);
  if (mode === 'proxy' && options.upstream) {
    args.push(options.upstream);
  }

  const child = spawn(process.execPath, args, {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NO_COLOR: '1' },
  });
  let output = '';
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
    if (output.length > 200_000) {
      output = output.slice(-100_000);
    }
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);

  const url = `http://127.0.0.1:${port}`;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      cleanup();
      child.kill('SIGKILL');
      reject(new Error(`Prism did not start within ${options.startTimeoutMs ?? 30_000} ms:\n${output}`));
    }, options.startTimeoutMs ?? 30_000);
    const onData = () => {
      if (output.includes('Prism is listening')) {
        cleanup();
        resolve();
      }
    };
    const onExit = (code: number | null) => {
      cleanup();
      reject(new Error(`Prism exited (code ${code}) before listening:\n${output}`));
    };
    function cleanup() {
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      child.stderr?.off('data', onData);
      child.off('exit', onExit);
    }
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', onExit);
  });

  return {
    url,
    output: () => output,
    async stop() {
      child.kill('SIGTERM');
      if (!(await waitForExit(child, 3000))) {
        child.kill('SIGKILL');
        await waitForExit(child, 3000);
      }
    },
  };
}
