// The bundled `wks-logoff-proxy` as operators run it: configuration errors, SIGHUP reload, graceful SIGTERM.
import { execFileSync } from 'node:child_process';
import { mkdtemp, open, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type FakeCloud,
  selfSignedCertificate,
  startConnectProxy,
  startFakeCloud,
  startIdentityProvider,
  startLocalServer,
} from '@wks-logoff/testkit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AK, KEY_ALL, KEY_ONE, KEYS, PROJECT, SK, writeKeysFile } from './support/harness.js';
import { startProxies } from './support/proxies.js';
import { type Running, start } from './support/run-bin.js';

let cloud: FakeCloud;
let keysFile: string;
let proxy: Running | undefined;
beforeEach(async () => {
  cloud = await startFakeCloud({ keys: { [AK]: SK } });
  keysFile = await writeKeysFile(KEYS);
});
afterEach(async () => {
  proxy?.child.kill('SIGKILL');
  await cloud.close();
});

async function serve(extra: Record<string, string> = {}) {
  const [running] = (await startProxies(1, cloud, keysFile, extra)) as [Running];
  proxy = running;
  return running;
}

const logoff = (url: string, key: string) =>
  fetch(`${url}/v2/${PROJECT}/desktops/logoff`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify({ desktop_ids: ['d-1'] }),
  });

describe('wks-logoff-proxy', () => {
  it('lists every configuration problem, one per line, and exits 1 without a stack trace', async () => {
    const running = start({ WKS_PROXY_PORT: '99999', WKS_PROXY_LOG_LEVEL: 'loud' });
    expect(await running.exit).toBe(1);
    const lines = running.stderr().trim().split('\n');
    expect(lines).toEqual([
      'wks-logoff-proxy: WKS_PROXY_KEYS_FILE is required: the JSON file of caller keys (see "wks-logoff-proxy keygen")',
      'wks-logoff-proxy: WKS_PROXY_LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent (got "loud")',
      'wks-logoff-proxy: WKS_PROXY_PORT must be an integer from 0 to 65535 (got "99999")',
      'wks-logoff-proxy: No endpoint: set a region (HUAWEICLOUD_SDK_REGION) or an endpoint (WKS_ENDPOINT).',
    ]);
  });

  it('keygen requires --projects; "*" must be asked for explicitly', async () => {
    const missing = start({}, ['keygen', '--id', 'team-a']);
    expect(await missing.exit).toBe(2);
    expect(missing.stderr()).toBe(
      'wks-logoff-proxy: keygen needs --projects: a comma-separated list of project IDs, or "*" for every project\n',
    );
    expect(missing.stdout()).toBe('');
    const all = start({}, ['keygen', '--id', 'team-a', '--projects', '*', '--rate', '0.5']);
    expect(await all.exit).toBe(0);
    const entry = JSON.parse(/entry: (.*)/.exec(all.stdout())?.[1] ?? '{}');
    expect(entry).toMatchObject({ id: 'team-a', projects: ['*'], rate: 0.5 });
  });

  it('a malformed config file or keys file is named with its line and column, never quoted', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'wks-proxy-bad-json-'));
    const configFile = join(dir, 'config.json');
    await writeFile(
      configFile,
      '{\n  "WKS_PROXY_PORT": "8080",\n  "HUAWEICLOUD_SDK_SK": hunter2-secret\n}\n',
    );
    const config = start({ WKS_PROXY_CONFIG_FILE: configFile });
    expect(await config.exit).toBe(1);
    expect(config.stderr()).toBe(
      `wks-logoff-proxy: WKS_PROXY_CONFIG_FILE: ${configFile}: not valid JSON at line 3, column 25 (invalid symbol)\n`,
    );
    const keys = join(dir, 'keys.json');
    await writeFile(keys, '{"keys": [{"id": "a", "sha256": wksp_pasted-key-by-mistake}]}');
    const keysRun = start({ WKS_PROXY_KEYS_FILE: keys, WKS_ENDPOINT: cloud.url, WKS_AUTH_TOKEN: 't' });
    expect(await keysRun.exit).toBe(1);
    expect(keysRun.stderr()).toBe(
      `wks-logoff-proxy: keys file ${keys}: not valid JSON at line 1, column 33 (invalid symbol)\n`,
    );
    for (const secret of ['hunter2-secret', 'wksp_pasted-key-by-mistake']) {
      expect(config.stderr() + keysRun.stderr()).not.toContain(secret);
    }
  });

  it('a name the config file should not hold stops the start (exit 1), with the setting it most likely meant', async () => {
    const configFile = join(await mkdtemp(join(tmpdir(), 'wks-proxy-config-')), 'config.json');
    await writeFile(configFile, JSON.stringify({ WKS_PROXY_KEYS_FILE: keysFile, WKS_PROXY_PROT: '0' }));
    // The environment's port, so that a proxy which ignored the typo would not take the default one.
    const running = start({
      WKS_PROXY_CONFIG_FILE: configFile,
      WKS_PROXY_PORT: '0',
      WKS_ENDPOINT: cloud.url,
      WKS_AUTH_TOKEN: 't',
    });
    proxy = running;
    expect(await running.exit).toBe(1);
    expect(running.stderr()).toBe(
      `wks-logoff-proxy: WKS_PROXY_CONFIG_FILE: ${configFile}: "WKS_PROXY_PROT" is not a setting (did you mean "WKS_PROXY_PORT"?)\n`,
    );
  });

  it('a SIGHUP while starting is not fatal: it is remembered and the keys are re-read once ready', async () => {
    // A FIFO as the keys file: opening it for writing returns exactly when the proxy is reading it, mid-start.
    const fifo = join(await mkdtemp(join(tmpdir(), 'wks-proxy-fifo-')), 'keys.json');
    execFileSync('mkfifo', [fifo]);
    const running = start({
      WKS_PROXY_PORT: '0',
      WKS_PROXY_KEYS_FILE: fifo,
      WKS_ENDPOINT: cloud.url,
      HUAWEICLOUD_SDK_AK: AK,
      HUAWEICLOUD_SDK_SK: SK,
    });
    proxy = running;
    const feed = async () => {
      const writer = await open(fifo, 'w');
      return writer;
    };
    const first = await feed();
    // Had the SIGHUP killed it, waiting for it to listen rejects, naming the signal.
    running.child.kill('SIGHUP');
    await first.writeFile(JSON.stringify({ keys: [KEYS[0]] }));
    await first.close();
    running.url = (await running.output(/Server listening at (http:\/\/127\.0\.0\.1:\d+)/))[1] ?? '';
    const again = await feed();
    await again.writeFile(JSON.stringify({ keys: KEYS }));
    await again.close();
    await running.output(/keys file reloaded/);
    expect((await logoff(running.url, KEY_ONE)).status).toBe(200);
  });

  it('a keys file with 150,000 bad entries is reported, not a crash: the first 100 problems and a count', async () => {
    const bad = Array.from({ length: 150_000 }, (_, i) => ({
      id: `k${i}`,
      sha256: 'nothex',
      projects: ['*'],
    }));
    const file = await writeKeysFile(bad as never);
    const running = start({ WKS_PROXY_KEYS_FILE: file, WKS_ENDPOINT: cloud.url, WKS_AUTH_TOKEN: 't' });
    expect(await running.exit).toBe(1);
    const lines = running.stderr().trim().split('\n');
    expect(lines).toHaveLength(101);
    expect(lines[0]).toBe(
      `wks-logoff-proxy: keys file ${file}: keys[0].sha256 must be 64 lowercase hex characters`,
    );
    expect(lines[100]).toBe('wks-logoff-proxy: … and 149900 more problems');
  });

  it('names a broken keys file', async () => {
    const broken = await writeKeysFile([{ id: 'x', sha256: 'nothex', projects: [] }]);
    const running = start({ WKS_PROXY_KEYS_FILE: broken, WKS_ENDPOINT: cloud.url, WKS_AUTH_TOKEN: 't' });
    expect(await running.exit).toBe(1);
    expect(running.stderr()).toContain('keys[0].sha256 must be 64 lowercase hex characters');
    expect(running.stderr()).toContain('keys[0].projects must be a non-empty list');
  });

  it('serves, re-reads the keys file on SIGHUP, and never logs a secret', async () => {
    const running = await serve();
    expect((await logoff(running.url, KEY_ALL)).status).toBe(200);
    expect((await logoff(running.url, KEY_ONE)).status).toBe(200);
    await writeKeysFile([KEYS[0] as (typeof KEYS)[number]], keysFile);
    running.child.kill('SIGHUP');
    await running.output(/keys file reloaded/);
    expect((await logoff(running.url, KEY_ONE)).status).toBe(401);
    expect((await logoff(running.url, KEY_ALL)).status).toBe(200);
    const output = running.stdout() + running.stderr();
    for (const secret of [KEY_ALL, KEY_ONE, SK]) {
      expect(output).not.toContain(secret);
    }
    expect(output).toContain('"audit"');
  });

  it('reaches the cloud through the corporate proxy HTTP(S)_PROXY names', async () => {
    const egress = await startConnectProxy();
    try {
      const running = await serve({ HTTP_PROXY: egress.url, HTTPS_PROXY: egress.url });
      expect((await logoff(running.url, KEY_ALL)).status).toBe(200);
      expect(egress.tunnels).toEqual([new URL(cloud.url).host]);
      expect(cloud.loggedOff.get('d-1')).toBe(1);
    } finally {
      await egress.close();
    }
  });

  it('on SIGTERM the in-flight request finishes and the proxy exits 0; a stalled client does not hold the drain', async () => {
    const running = await serve({
      WKS_PROXY_HEADERS_TIMEOUT_MS: '120000',
      WKS_PROXY_BODY_TIMEOUT_MS: '120000',
      WKS_PROXY_SHUTDOWN_TIMEOUT_MS: '5000',
    });
    const { port } = new URL(running.url);
    const stalled = connect(Number(port), '127.0.0.1');
    stalled.on('error', () => {});
    stalled.write(
      `POST /v2/${PROJECT}/desktops/logoff HTTP/1.1\r\nHost: p\r\nAuthorization: Bearer ${KEY_ALL}\r\n` +
        'Content-Type: application/json\r\nContent-Length: 40\r\n\r\n{"desktop_ids": [',
    );
    cloud.inject({ type: 'slow', delayMs: 600 });
    const inFlight = logoff(running.url, KEY_ALL);
    await cloud.received(1);
    running.child.kill('SIGTERM');
    expect((await inFlight).status).toBe(200);
    expect(await running.exit).toBe(0);
    expect(running.stdout()).toContain('draining');
    expect(stalled.destroyed || stalled.readableEnded).toBe(true);
  });

  it('while draining, the listener stays open: /readyz answers 503 and new logoffs 503 until the in-flight one is done', async () => {
    // An upstream that holds the logoff until the test has looked at the draining proxy.
    let release = () => {};
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    let arrived = () => {};
    const held = new Promise<void>((resolve) => {
      arrived = resolve;
    });
    const upstream = await startLocalServer(async (_request, response) => {
      arrived();
      await released;
      response.writeHead(200, { 'x-request-id': 'held-request', 'content-length': '0' });
      response.end();
    });
    try {
      const running = await serve({ WKS_ENDPOINT: upstream.url, WKS_PROXY_SHUTDOWN_TIMEOUT_MS: '60000' });
      const inFlight = logoff(running.url, KEY_ALL);
      await held;
      running.child.kill('SIGTERM');
      await running.output(/draining/);
      const ready = await fetch(`${running.url}/readyz`);
      expect(ready.status).toBe(503);
      expect(await ready.json()).toEqual({ status: 'not ready', reason: 'draining' });
      expect((await fetch(`${running.url}/healthz`)).status).toBe(200);
      const refused = await logoff(running.url, KEY_ALL);
      expect(refused.status).toBe(503);
      expect(((await refused.json()) as { error_msg: string }).error_msg).toBe(
        'The proxy is shutting down; try another replica.',
      );
      release();
      expect((await inFlight).status).toBe(200);
      expect(await running.exit).toBe(0);
      expect(upstream.requests).toHaveLength(1);
    } finally {
      release();
      await upstream.close();
    }
  });
});

describe('an identity provider over https, trusted through NODE_EXTRA_CA_CERTS (as in the Kubernetes walk-through)', () => {
  const AUDIENCE = 'wks-logoff-proxy';

  async function withHttpsIssuer(
    test: (idp: Awaited<ReturnType<typeof startIdentityProvider>>) => Promise<void>,
  ) {
    const tls = selfSignedCertificate();
    const idp = await startIdentityProvider({ tls });
    const dir = await mkdtemp(join(tmpdir(), 'wks-proxy-ca-'));
    const caFile = join(dir, 'ca.crt');
    await writeFile(caFile, tls.cert);
    await writeKeysFile(KEYS, keysFile, {
      issuers: [{ issuer: idp.issuer, audience: AUDIENCE }],
      callers: [{ id: 'bot', issuer: idp.issuer, subject: 'bot', projects: ['*'] }],
    });
    try {
      await serve({ NODE_EXTRA_CA_CERTS: caFile });
      await test(idp);
    } finally {
      await idp.close();
    }
  }

  it('finds the key set through discovery over https and accepts the token', async () => {
    await withHttpsIssuer(async (idp) => {
      const response = await logoff(proxy?.url ?? '', await idp.sign({ sub: 'bot', aud: AUDIENCE }));
      expect(response.status).toBe(200);
      expect(idp.fetches).toEqual({ discovery: 1, jwks: 1 });
    });
  });

  it('refuses a discovery document that sends an https issuer’s keys over plain http: 503, never fetched', async () => {
    const plain = await startIdentityProvider();
    try {
      await withHttpsIssuer(async (idp) => {
        idp.overrideDiscovery({ jwks_uri: plain.jwksUri });
        const response = await logoff(proxy?.url ?? '', await idp.sign({ sub: 'bot', aud: AUDIENCE }));
        expect(response.status).toBe(503);
        expect(plain.fetches.jwks).toBe(0);
        await proxy?.output(
          /"issuerProblem":"the discovery document of an https issuer gives a jwks_uri that is not https"/,
        );
      });
    } finally {
      await plain.close();
    }
  });
});
