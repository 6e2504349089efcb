// The settings file (WKS_PROXY_CONFIG_FILE): its names are the environment's, and a name the proxy does not read
// is an error, with the setting it most likely meant; never silently ignored.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigProblems, settingsEnvironment } from '../src/config.js';

async function configFile(content: unknown): Promise<string> {
  const file = join(await mkdtemp(join(tmpdir(), 'wks-proxy-config-')), 'config.json');
  await writeFile(file, JSON.stringify(content));
  return file;
}

function problemsOf(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigProblems) {
      return error.problems;
    }
    throw error;
  }
  return [];
}

describe('settingsEnvironment', () => {
  it("merges the file's settings and core's under the environment", async () => {
    const file = await configFile({
      WKS_PROXY_PORT: 9090,
      WKS_PROXY_HOST: '0.0.0.0',
      WKS_ENDPOINT: 'http://x',
    });
    const env = settingsEnvironment({ WKS_PROXY_CONFIG_FILE: file, WKS_PROXY_HOST: '127.0.0.2' });
    expect(env).toMatchObject({
      WKS_PROXY_PORT: '9090',
      WKS_PROXY_HOST: '127.0.0.2',
      WKS_ENDPOINT: 'http://x',
    });
  });

  it('names every name it does not read, each with the setting it most likely meant', async () => {
    const file = await configFile({
      WKS_PROXY_PROT: 8080,
      logLevel: 'debug',
      HTTPS_PROXY: 'http://egress:3128',
      WKS_PROXY_HOST: '0.0.0.0',
    });
    expect(problemsOf(() => settingsEnvironment({ WKS_PROXY_CONFIG_FILE: file }))).toEqual([
      `WKS_PROXY_CONFIG_FILE: ${file}: "WKS_PROXY_PROT" is not a setting (did you mean "WKS_PROXY_PORT"?)`,
      `WKS_PROXY_CONFIG_FILE: ${file}: "logLevel" is not a setting (did you mean "WKS_PROXY_LOG_LEVEL"?)`,
      `WKS_PROXY_CONFIG_FILE: ${file}: "HTTPS_PROXY" is not a setting it can hold (see wks-logoff-proxy serve --help)`,
    ]);
  });

  it('refuses a file that is not valid UTF-8 instead of reading U+FFFD in place of its bytes', async () => {
    const file = join(await mkdtemp(join(tmpdir(), 'wks-proxy-config-')), 'config.json');
    // A host saved in Latin-1: decoded as UTF-8 it would become another name, silently.
    await writeFile(
      file,
      Buffer.concat([Buffer.from('{"WKS_PROXY_HOST": "h'), Buffer.from([0xf6]), Buffer.from('st"}')]),
    );
    expect(problemsOf(() => settingsEnvironment({ WKS_PROXY_CONFIG_FILE: file }))).toEqual([
      `WKS_PROXY_CONFIG_FILE: ${file}: not valid UTF-8 (save it as UTF-8)`,
    ]);
  });
});
