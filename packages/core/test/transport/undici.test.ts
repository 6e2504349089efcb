// The undici transport through a corporate proxy (what it shares with core's other transports is in
// transports.test.ts).
import { type ConnectProxy, type FakeCloud, startConnectProxy } from '@wks-logoff/testkit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { akskAuth, createLogoffClient, resolveClientOptions } from '../../src/index.js';
import { undiciTransport } from '../../src/transport/undici.js';
import { AK, fakeCloud, iamPasswordEnv, PROJECT, SK } from '../support/fake-cloud.js';

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
  it('goes through the configured proxy', async () => {
    const transport = undiciTransport({
      proxy: { httpProxy: proxy.url, httpsProxy: proxy.url, noProxy: '' },
    });
    const client = createLogoffClient({
      endpoint: cloud.url,
      projectId: PROJECT,
      auth,
      transport: transport,
    });
    await client.logoff(body);
    expect(proxy.tunnels).toEqual([new URL(cloud.url).host]);
    expect(cloud.loggedOff.get('d-1')).toBe(1);
  });

  it('bypasses the proxy for NO_PROXY hosts', async () => {
    const transport = undiciTransport({ proxy: { httpProxy: proxy.url, noProxy: '127.0.0.1' } });
    await createLogoffClient({ endpoint: cloud.url, projectId: PROJECT, auth, transport: transport }).logoff(
      body,
    );
    expect(proxy.tunnels).toEqual([]);
    expect(cloud.loggedOff.get('d-1')).toBe(1);
  });

  it('reads HTTP(S)_PROXY and NO_PROXY once, when it is made', async () => {
    const saved = { HTTP_PROXY: process.env.HTTP_PROXY, NO_PROXY: process.env.NO_PROXY };
    process.env.HTTP_PROXY = proxy.url;
    process.env.NO_PROXY = '';
    const transport = undiciTransport();
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) {
        delete process.env[name];
      } else {
        process.env[name] = value;
      }
    }
    await createLogoffClient({ endpoint: cloud.url, projectId: PROJECT, auth, transport: transport }).logoff(
      body,
    );
    expect(proxy.tunnels).toEqual([new URL(cloud.url).host]);
  });
});

describe('HTTP(S)_PROXY in the environment', () => {
  it('resolveClientOptions switches to the undici transport, for IAM and Workspace calls alike', async () => {
    const env = {
      HTTP_PROXY: proxy.url,
      HTTPS_PROXY: proxy.url,
      NO_PROXY: '',
      ...iamPasswordEnv(cloud.url),
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
