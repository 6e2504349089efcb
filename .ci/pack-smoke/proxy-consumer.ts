// A TypeScript user of the installed @wks-logoff/proxy as a library: compiled by the smoke test in a strict project
// (skipLibCheck false, under moduleResolution nodenext and bundler), then run: it checks a keys file, embeds the
// proxy in front of the fake cloud, sends it one logoff and drains it. Reads WKS_ENDPOINT, AK, SK, PROJECT and
// KEYS_FILE from the environment; exits 0 when the logoff was answered 200.
import { writeFileSync } from 'node:fs';
import { resolveCredentials } from '@wks-logoff/core';
import {
  buildServer,
  generateKey,
  hashKey,
  KeyStore,
  type KeysFile,
  keysFileProblems,
  loadConfig,
  type ProxyServer,
} from '@wks-logoff/proxy';

const env = (name: string): string => {
  const value = process.env[name];
  if (!value) {
    throw new Error(`${name} is not set`);
  }
  return value;
};

const key = generateKey();
const keysFile: KeysFile = { keys: [{ id: 'embedded', sha256: hashKey(key), projects: [env('PROJECT')] }] };
const problems = keysFileProblems(keysFile);
writeFileSync(env('KEYS_FILE'), JSON.stringify(keysFile));

const settings = {
  WKS_PROXY_KEYS_FILE: env('KEYS_FILE'),
  WKS_PROXY_PORT: '0',
  WKS_PROXY_LOG_LEVEL: 'silent',
  WKS_ENDPOINT: env('WKS_ENDPOINT'),
  HUAWEICLOUD_SDK_AK: env('AK'),
  HUAWEICLOUD_SDK_SK: env('SK'),
};
const config = loadConfig(settings);
const keys = new KeyStore(config.keysFile);
await keys.load();
const server: ProxyServer = buildServer({
  config,
  keys,
  credentials: await resolveCredentials({ env: settings }),
});
const address = await server.app.listen({ host: config.host, port: config.port });
const response = await fetch(`${address}/v2/${env('PROJECT')}/desktops/logoff`, {
  method: 'POST',
  headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
  body: JSON.stringify({ desktop_ids: ['embedded-desktop-1'] }),
});
const drained = await server.drain(1000);
process.stdout.write(`${JSON.stringify({ status: response.status, problems, drained })}\n`);
process.exit(response.status === 200 && problems.length === 0 && drained ? 0 : 1);
