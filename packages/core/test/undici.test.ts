// The undici transport: signed requests, pooled, and through a corporate proxy when told to.
import { type ConnectProxy, type FakeCloud, startConnectProxy } from '@wks-logoff/testkit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { akskAuth, createLogoffClient, resolveClientOptions } from '../src/index.js';
import { undiciTransport } from '../src/undici.js';
import { AK, fakeCloud, PASSWORD, PROJECT, SK } from './fake-cloud.js';

let cloud: FakeCloud;
let proxy: ConnectProxy;
beforeEach(async () => {
  cloud = await fakeCloud();
  proxy = await startConnectProxy();
});
afterEach(async () => {
  await cloud.close();
  await proxy.close();
});

const auth = akskAuth({ accessKey: AK, secretKey: SK, projectId: PROJECT });
const body = { desktop_ids: ['d-1', 'd-2'], message: 'héllo 🙂' };

describe('undiciTransport', () => {
  it('sends signed requests the fake cloud verifies, and maps its answers', async () => {
    const client = createLogoffClient({
      endpoint: cloud.url,
      projectId: PROJECT,
      auth,
      fetch: undiciTransport(),
    });
    await expect(client.logoff(body)).resolves.toMatchObject({ status: 200 });
    cloud.inject({ type: 'status', status: 409, errorCode: 'WKS.0407' });
    await expect(client.logoff(body)).rejects.toMatchObject({
      status: 409,
      errorCode: 'WKS.0407',
      source: 'service',
    });
    expect(cloud.messages).toEqual(['héllo 🙂']);
  });

  it('goes through the configured proxy', async () => {
    const transport = undiciTransport({
      proxy: { httpProxy: proxy.url, httpsProxy: proxy.url, noProxy: '' },
    });
    const client = createLogoffClient({ endpoint: cloud.url, projectId: PROJECT, auth, fetch: transport });
    await client.logoff(body);
    expect(proxy.tunnels).toEqual([new URL(cloud.url).host]);
    expect(cloud.loggedOff.get('d-1')).toBe(1);
  });

  it('bypasses the proxy for NO_PROXY hosts', async () => {
    const transport = undiciTransport({ proxy: { httpProxy: proxy.url, noProxy: '127.0.0.1' } });
    await createLogoffClient({ endpoint: cloud.url, projectId: PROJECT, auth, fetch: transport }).logoff(
      body,
    );
    expect(proxy.tunnels).toEqual([]);
    expect(cloud.loggedOff.get('d-1')).toBe(1);
  });

  it('maps a throttled answer: status, code, Retry-After and the request ID', async () => {
    cloud.inject({ type: 'throttle', retryAfter: '2' });
    const client = createLogoffClient({
      endpoint: cloud.url,
      projectId: PROJECT,
      auth,
      fetch: undiciTransport(),
      retry: { maxAttempts: 1 },
    });
    const error = await client.logoff(body).catch((caught: unknown) => caught);
    expect(error).toMatchObject({
      status: 429,
      errorCode: 'APIGW.0308',
      retryAfterMs: 2000,
      source: 'gateway',
    });
    expect((error as { requestId?: string }).requestId).toMatch(/\S/);
  });

  it('keeps the text of a body that is not JSON', async () => {
    cloud.inject({ type: 'non-json', status: 502 });
    const client = createLogoffClient({
      endpoint: cloud.url,
      projectId: PROJECT,
      auth,
      fetch: undiciTransport(),
      retry: { maxAttempts: 1 },
    });
    const error = await client.logoff(body).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ status: 502, source: 'unknown' });
    expect((error as { errorMsg?: string }).errorMsg).toMatch(/\S/);
  });

  it('gives up on an attempt at its timeout, and stops at once when the caller aborts', async () => {
    cloud.inject({ type: 'slow', delayMs: 5_000 }, 2);
    const client = createLogoffClient({
      endpoint: cloud.url,
      projectId: PROJECT,
      auth,
      fetch: undiciTransport(),
      timeoutMs: 100,
      retry: { maxAttempts: 1 },
    });
    await expect(client.logoff(body)).rejects.toMatchObject({
      name: 'WorkspaceNetworkError',
      kind: 'timeout',
    });
    const caller = new AbortController();
    setTimeout(() => caller.abort(), 50);
    const started = Date.now();
    await expect(
      createLogoffClient({ endpoint: cloud.url, projectId: PROJECT, auth, fetch: undiciTransport() }).logoff(
        body,
        {
          signal: caller.signal,
        },
      ),
    ).rejects.toMatchObject({ name: 'WorkspaceNetworkError', kind: 'aborted' });
    expect(Date.now() - started).toBeLessThan(4_000);
  });

  it('reads HTTP(S)_PROXY and NO_PROXY once, when it is made', async () => {
    const saved = { HTTP_PROXY: process.env.HTTP_PROXY, NO_PROXY: process.env.NO_PROXY };
    process.env.HTTP_PROXY = proxy.url;
    process.env.NO_PROXY = '';
    const transport = undiciTransport();
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    await createLogoffClient({ endpoint: cloud.url, projectId: PROJECT, auth, fetch: transport }).logoff(
      body,
    );
    expect(proxy.tunnels).toEqual([new URL(cloud.url).host]);
  });

  it('reports a reset as a network error', async () => {
    cloud.inject({ type: 'reset' }, 3);
    const client = createLogoffClient({
      endpoint: cloud.url,
      projectId: PROJECT,
      auth,
      fetch: undiciTransport(),
      retry: { maxAttempts: 1 },
    });
    await expect(client.logoff(body)).rejects.toMatchObject({ name: 'WorkspaceNetworkError', kind: 'reset' });
  });
});

describe('HTTP(S)_PROXY in the environment', () => {
  it('resolveClientOptions switches to the undici transport, for IAM and Workspace calls alike', async () => {
    const env = {
      HTTP_PROXY: proxy.url,
      HTTPS_PROXY: proxy.url,
      NO_PROXY: '',
      WKS_ENDPOINT: cloud.url,
      HUAWEICLOUD_IAM_ENDPOINT: cloud.url,
      HUAWEICLOUD_IAM_DOMAIN: 'acme',
      HUAWEICLOUD_IAM_USER: 'admin',
      HUAWEICLOUD_IAM_PASSWORD: PASSWORD,
      HUAWEICLOUD_SDK_REGION: 'cn-north-4',
    };
    const client = createLogoffClient(await resolveClientOptions({ env }));
    await client.logoff(body);
    expect(cloud.iam.issued).toHaveLength(1);
    expect(cloud.loggedOff.get('d-1')).toBe(1);
    expect(proxy.tunnels.length).toBeGreaterThanOrEqual(1);
    expect(new Set(proxy.tunnels)).toEqual(new Set([new URL(cloud.url).host]));
  });

  it('NO_PROXY still bypasses it', async () => {
    const env = {
      HTTP_PROXY: proxy.url,
      NO_PROXY: '127.0.0.1',
      WKS_ENDPOINT: cloud.url,
      WKS_AUTH_TOKEN: cloud.issueToken(PROJECT),
      HUAWEICLOUD_SDK_PROJECT_ID: PROJECT,
    };
    await createLogoffClient(await resolveClientOptions({ env })).logoff(body);
    expect(proxy.tunnels).toEqual([]);
  });
});
