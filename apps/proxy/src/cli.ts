// The `wks-logoff-proxy` command: `serve` (default) starts the service; `keygen` makes a caller key and prints
// its keys-file entry; `hash-key` prints the SHA-256 of a key read from stdin. Configuration problems are
// listed one per line and the process exits 1; no stack trace reaches the operator.
import './early-signals.js';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ConfigurationError, resolveCredentials } from '@wks-logoff/core';
import { undiciTransport } from '@wks-logoff/core/undici';
import { ConfigProblems, loadConfig, settingsEnvironment } from './config.js';
import { takeOverHangups } from './early-signals.js';
import { generateKey, hashKey, KeyStore } from './keys.js';
import { KeysFileError, keysFileProblems } from './keys-file.js';
import { buildFastifyServer } from './server.js';

const USAGE = `Usage: wks-logoff-proxy [serve]               start the service (configured by environment, see README)
       wks-logoff-proxy keygen --id ID --projects P1,P2|* [--rate N]
                                              print a new caller key and its keys-file entry
       wks-logoff-proxy hash-key              print the SHA-256 of a key read from stdin
       wks-logoff-proxy --help | --version`;

/** Problems shown at most: a file with thousands of bad entries is named by its first ones and a count. */
const SHOWN_PROBLEMS = 100;

function fail(lines: string[], code = 1): never {
  const shown = lines.slice(0, SHOWN_PROBLEMS);
  if (lines.length > SHOWN_PROBLEMS) {
    shown.push(`… and ${lines.length - SHOWN_PROBLEMS} more problems`);
  }
  process.stderr.write(shown.map((line) => `wks-logoff-proxy: ${line}\n`).join(''));
  process.exit(code);
}

/** The keygen flag that sets each field of a keys-file entry. */
const FLAG_OF: Record<string, string> = { id: '--id', projects: '--projects', rate: '--rate' };

function keygen(args: string[]) {
  let values: { id?: string; projects?: string; rate?: string };
  try {
    values = parseArgs({
      args,
      options: { id: { type: 'string' }, projects: { type: 'string' }, rate: { type: 'string' } },
    }).values;
  } catch (error) {
    // An unknown flag or a missing value is a usage error, in parseArgs' own words.
    fail([(error as Error).message.split('\n')[0] ?? 'bad arguments', USAGE], 2);
  }
  // A key for every project is a decision, never a default.
  const projects = (values.projects ?? '')
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  if (projects.length === 0) {
    fail(['keygen needs --projects: a comma-separated list of project IDs, or "*" for every project'], 2);
  }
  const key = generateKey();
  const entry = {
    id: values.id,
    sha256: hashKey(key),
    projects,
    ...(values.rate !== undefined ? { rate: Number(values.rate) } : {}),
  };
  // The entry is checked by the keys file's own schema, each problem named by the flag that set it.
  const problems = keysFileProblems({ keys: [entry] }).map((problem) =>
    problem.replace(/^keys\[0\]\.(\w+)\S*/, (_, field: string) => FLAG_OF[field] ?? field),
  );
  if (problems.length > 0) {
    fail(problems, 2);
  }
  process.stderr.write('Give the key to the caller (it is shown once); add the entry to the keys file.\n');
  process.stdout.write(`key:   ${key}\nentry: ${JSON.stringify(entry)}\n`);
}

async function serve() {
  const problems: string[] = [];
  let env: Record<string, string | undefined> = process.env;
  try {
    env = settingsEnvironment(process.env);
  } catch (error) {
    if (error instanceof ConfigProblems) {
      fail(error.problems);
    }
    throw error;
  }
  let config: ReturnType<typeof loadConfig> | undefined;
  try {
    config = loadConfig(env);
  } catch (error) {
    if (!(error instanceof ConfigProblems)) {
      throw error;
    }
    for (const problem of error.problems) {
      problems.push(problem);
    }
  }
  // One pooled, proxy-aware transport for IAM and Workspace calls alike (undici honours HTTP(S)_PROXY).
  const transport = undiciTransport();
  const credentials = await resolveCredentials({
    env,
    fetch: transport,
    iamLoginsPerMinute: config?.iamLoginsPerMinute,
  }).catch((error: unknown) => {
    if (!(error instanceof ConfigurationError)) {
      throw error;
    }
    problems.push(error.message);
    return undefined;
  });
  const keys = config
    ? new KeyStore(config.keysFile, Date.now, {
        cooldownMs: config.jwksCooldownMs,
        timeoutMs: config.jwksTimeoutMs,
      })
    : undefined;
  await keys?.load().catch((error: unknown) => {
    if (!(error instanceof KeysFileError)) {
      throw error;
    }
    // A loop, not push(...list): a keys file with a few hundred thousand bad entries would overflow the stack.
    for (const problem of error.problems) {
      problems.push(`keys file ${error.path}: ${problem}`);
    }
  });
  if (problems.length > 0 || !config || !credentials || !keys) {
    fail(problems);
  }

  const { app, drain } = buildFastifyServer({ config, keys, credentials, transport });
  try {
    await app.listen({ host: config.host, port: config.port });
  } catch (error) {
    fail([
      `cannot listen on ${config.host}:${config.port} (${(error as { code?: string }).code ?? (error as Error).message})`,
    ]);
  }
  app.log.info(
    {
      endpoint: credentials.endpoint,
      credentials: credentials.kind,
      keys: keys.size,
      tokenCallers: keys.tokens.size,
    },
    'wks-logoff-proxy ready',
  );

  const reload = () => {
    keys.load().then(
      () => app.log.info({ keys: keys.size, tokenCallers: keys.tokens.size }, 'keys file reloaded'),
      (error: Error) =>
        app.log.error(
          { problems: (error as KeysFileError).problems ?? [error.message] },
          'keys file reload failed; the previous keys stay in force',
        ),
    );
  };
  if (takeOverHangups(reload)) {
    app.log.info('a SIGHUP arrived while starting: re-reading the keys file');
    reload();
  }
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) {
      return;
    }
    stopping = true;
    app.log.info({ signal, deadlineMs: config.shutdownTimeoutMs }, 'draining: finishing in-flight requests');
    drain(config.shutdownTimeoutMs).then((inTime) => {
      if (inTime) {
        app.log.info('stopped');
      } else {
        app.log.warn('shutdown deadline passed with requests still in flight; they were cut short');
      }
      process.exit(inTime ? 0 : 1);
    });
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

async function main(argv: string[]) {
  const [command = 'serve', ...rest] = argv;
  if (command === '--help' || command === '-h' || command === 'help') {
    return void process.stdout.write(`${USAGE}\n`);
  }
  if (command === '--version' || command === '-V') {
    return void process.stdout.write(`${__VERSION__}\n`);
  }
  if (command === 'keygen') {
    return keygen(rest);
  }
  if (command === 'hash-key') {
    const key = readFileSync(0, 'utf8').trim();
    if (!key) {
      fail(['hash-key reads the key from stdin: echo -n "$KEY" | wks-logoff-proxy hash-key'], 2);
    }
    return void process.stdout.write(`${hashKey(key)}\n`);
  }
  if (command === 'serve') {
    return serve();
  }
  fail([`unknown command "${command}"`, USAGE], 2);
}

declare const __VERSION__: string;

main(process.argv.slice(2)).catch((error: unknown) => {
  fail([`unexpected error: ${(error as Error)?.message ?? String(error)}`]);
});
