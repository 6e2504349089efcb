// `wks-logoff-proxy serve`: validates the configuration (every problem at once), then starts the service;
// SIGHUP re-reads the keys file, SIGTERM/SIGINT drain it.
import { ConfigurationError, ENV, resolveCredentials } from '@wks-logoff/core';
import { undiciTransport } from '@wks-logoff/core/undici';
import {
  CONFIG_FILE_VARIABLE,
  ConfigProblems,
  keySetOptions,
  loadConfig,
  SETTINGS,
  settingsEnvironment,
} from '../config.js';
import { takeOverHangups } from '../early-signals.js';
import { fail } from '../fail.js';
import { KeyStore } from '../keys.js';
import { KeysFileError } from '../keys-file.js';
import { buildFastifyServer } from '../server.js';

const settingsWidth = Math.max(...Object.values(SETTINGS).map((setting) => setting.name.length)) + 2;

export const SERVE_HELP = `
Settings: environment variables, or a JSON object of the same names in ${CONFIG_FILE_VARIABLE} (the environment
wins). Every problem is listed at start, one per line, and the proxy exits 1.
${Object.values(SETTINGS)
  .map(
    (setting) =>
      `  ${setting.name.padEnd(settingsWidth)}${setting.default === undefined ? 'required' : `(default ${setting.default})`}`,
  )
  .join('\n')}
Upstream: ${ENV.endpoint}, or ${ENV.region} (fixed by configuration, never by a caller).
Credentials (the proxy's own): ${ENV.accessKey} and ${ENV.secretKey} (+ ${ENV.securityToken}),
${ENV.token} or ${ENV.tokenFile}, or ${ENV.iamDomain}, ${ENV.iamUser} and ${ENV.iamPassword}.
Egress to the cloud through a corporate proxy: HTTPS_PROXY, HTTP_PROXY, NO_PROXY (environment only).
Signals: SIGHUP re-reads the keys file. SIGTERM or SIGINT drain: the proxy keeps listening, /readyz and new
logoffs answer 503, requests in flight finish (at most ${SETTINGS.shutdownTimeoutMs.name}); then it exits (0, or
1 if one was cut short).
Manual: https://github.com/wks-logoff/wks-logoff/tree/main/apps/proxy#readme`;

export async function serve() {
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
    transport,
    iamLoginsPerMinute: config?.iamLoginsPerMinute,
  }).catch((error: unknown) => {
    if (!(error instanceof ConfigurationError)) {
      throw error;
    }
    problems.push(error.message);
    return undefined;
  });
  const keys = config ? new KeyStore(config.keysFile, Date.now, keySetOptions(config)) : undefined;
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
      credentials: credentials.scheme,
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
