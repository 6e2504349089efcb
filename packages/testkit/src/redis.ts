// Starts a real redis-server (the Debian package; `bash .ci/install` installs it) on a free loopback port, with
// persistence off, for tests of state shared through Redis. It can be stopped, killed outright (a Redis lost
// mid-run), frozen (a Redis too slow to answer) and started again on the same port, empty, as a restarted Redis is.
import { type ChildProcess, spawn } from 'node:child_process';
import { Redis } from 'ioredis';
import { freePort } from './free-port.js';

export interface RedisOptions {
  /** Milliseconds to wait for it to answer PING (default 10 000). */
  startTimeoutMs?: number;
  /** The port (default: a free one). */
  port?: number;
}

export interface RunningRedis {
  /** `redis://127.0.0.1:PORT`. */
  readonly url: string;
  readonly port: number;
  /** Everything redis-server printed since it last started (for debugging failed tests). */
  output(): string;
  /** SIGTERM, and waits for the process to exit. */
  stop(): Promise<void>;
  /** SIGKILL: the connection drops at once, as when a Redis host dies. */
  kill(): Promise<void>;
  /** SIGSTOP: connections stay open but nothing is answered, as with an overloaded Redis; `resume()` ends it. */
  pause(): void;
  resume(): void;
  /** Starts it again on the same port, empty (persistence is off), once the previous process has exited. */
  restart(): Promise<void>;
}

const NOT_INSTALLED =
  'redis-server is not installed: run `bash .ci/install` (it installs the Debian package redis-server)';

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return Promise.resolve();
  }
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/** Resolves once the server says it is ready and answers PING; rejects when it exits or the time is up. */
async function answering(child: ChildProcess, port: number, timeoutMs: number, output: () => string) {
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`redis-server was not ready within ${timeoutMs} ms:\n${output()}`));
    }, timeoutMs);
    const onData = () => {
      if (output().includes('Ready to accept connections')) {
        cleanup();
        resolve();
      }
    };
    const onExit = () => {
      cleanup();
      reject(new Error(`redis-server exited before it was ready:\n${output()}`));
    };
    function cleanup() {
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      child.off('exit', onExit);
    }
    child.stdout?.on('data', onData);
    child.once('exit', onExit);
    onData();
  });
  const client = new Redis({ host: '127.0.0.1', port, lazyConnect: true, maxRetriesPerRequest: 0 });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.ping();
  } finally {
    client.disconnect();
  }
}

export async function startRedis(options: RedisOptions = {}): Promise<RunningRedis> {
  const port = options.port ?? (await freePort());
  const timeoutMs = options.startTimeoutMs ?? 10_000;
  let child: ChildProcess;
  let output = '';

  async function launch(): Promise<void> {
    output = '';
    child = spawn(
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const collect = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-50_000);
    };
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    const spawned = child;
    await new Promise<void>((resolve, reject) => {
      spawned.once('spawn', resolve);
      spawned.once('error', (error: NodeJS.ErrnoException) =>
        reject(error.code === 'ENOENT' ? new Error(NOT_INSTALLED) : error),
      );
    });
    await answering(spawned, port, timeoutMs, () => output).catch(async (error: unknown) => {
      spawned.kill('SIGKILL');
      await exited(spawned);
      throw error;
    });
  }

  await launch();
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    output: () => output,
    async stop() {
      child.kill('SIGCONT');
      child.kill('SIGTERM');
      await exited(child);
    },
    async kill() {
      child.kill('SIGKILL');
      await exited(child);
    },
    pause() {
      child.kill('SIGSTOP');
    },
    resume() {
      child.kill('SIGCONT');
    },
    async restart() {
      await exited(child);
      await launch();
    },
  };
}
