// The real proxy (apps/proxy) listening on loopback in front of a given upstream, for --proxy-url tests.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { resolveCredentials } from '@wks-logoff/core';
import { buildServer, Callers, generateKey, hashKey, type KeysFile, loadConfig } from '@wks-logoff/proxy';

export async function startProxyForTest(
  upstream: string,
  creds: { AK: string; SK: string },
  tokens: Pick<KeysFile, 'issuers' | 'callers'> = {},
) {
  const key = generateKey();
  const keysFile = join(await mkdtemp(join(tmpdir(), 'wks-cli-proxy-')), 'keys.json');
  await writeFile(
    keysFile,
    JSON.stringify({ keys: [{ id: 'cli-test', sha256: hashKey(key), projects: ['*'] }], ...tokens }),
  );
  const env = {
    WKS_PROXY_KEYS_FILE: keysFile,
    WKS_ENDPOINT: upstream,
    HUAWEICLOUD_SDK_AK: creds.AK,
    HUAWEICLOUD_SDK_SK: creds.SK,
  };
  const keys = new Callers(keysFile);
  await keys.load();
  const { app } = buildServer({
    config: loadConfig(env),
    keys,
    credentials: await resolveCredentials({ env }),
    logStream: new Writable({ write: (_chunk, _encoding, done) => done() }),
  });
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  return { url: address, key, close: () => app.close() };
}
