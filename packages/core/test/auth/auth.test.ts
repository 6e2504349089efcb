// Authentication against the fake cloud, which verifies signatures with its own code and issues IAM tokens.
import { createHash } from 'node:crypto';
import { type FakeCloud, startLocalServer } from '@wks-logoff/testkit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/resolve.js';
import {
  type Auth,
  akskAuth,
  createLogoffClient,
  type IamTokenAuth,
  iamTokenAuth,
  LocalLimitError,
  nodeHttpTransport,
  resolveClientOptions,
  resolveCredentials,
  type Transport,
  tokenAuth,
  WorkspaceApiError,
} from '../../src/index.js';
import {
  AK,
  fakeCloud,
  iamPasswordEnv,
  PASSWORD,
  PROJECT,
  SECURITY_TOKEN,
  SK,
  TEMP_AK,
  TEMP_SK,
  visible,
} from '../support/fake-cloud.js';
import { rejectionOf } from '../support/helpers.js';

let cloud: FakeCloud;
beforeEach(async () => {
  cloud = await fakeCloud();
});
afterEach(async () => {
  await cloud.close();
});

const body = { desktop_ids: ['d-1', 'd-2'], message: 'Maintenance in 10 minutes' };

describe('AK/SK', () => {
  it('signs requests the fake cloud accepts, and the desktops are logged off', async () => {
    const client = createLogoffClient({
      endpoint: cloud.url,
      projectId: PROJECT,
      auth: akskAuth({ accessKey: AK, secretKey: SK, projectId: PROJECT }),
    });
    const result = await client.logoff(body);
    expect(result.requestId).toMatch(/^[0-9a-f]{32}$/);
    expect(Object.fromEntries(cloud.loggedOff)).toEqual({ 'd-1': 1, 'd-2': 1 });
    expect(cloud.messages).toEqual(['Maintenance in 10 minutes']);
  });

  it('adds and signs X-Security-Token for temporary credentials', async () => {
    const auth = akskAuth({ accessKey: TEMP_AK, secretKey: TEMP_SK, securityToken: SECURITY_TOKEN });
    const client = createLogoffClient({ endpoint: cloud.url, projectId: PROJECT, auth });
    await expect(client.logoff(body)).resolves.toMatchObject({ status: 200 });
    const without = createLogoffClient({
      endpoint: cloud.url,
      projectId: PROJECT,
      auth: akskAuth({ accessKey: TEMP_AK, secretKey: TEMP_SK }),
    });
    await expect(without.logoff(body)).rejects.toMatchObject({ status: 401 });
  });

  it('a wrong secret is an auth error that is not retried, with a hint and no secret in it', async () => {
    const client = createLogoffClient({
      endpoint: cloud.url,
      projectId: PROJECT,
      auth: akskAuth({ accessKey: AK, secretKey: 'test-wrong-secret-do-not-leak' }),
    });
    const error = (await rejectionOf(client.logoff(body))) as WorkspaceApiError;
    expect(error).toBeInstanceOf(WorkspaceApiError);
    expect(error).toMatchObject({
      status: 401,
      errorCode: 'APIGW.0301',
      source: 'gateway',
      attempts: 1,
      retryable: false,
    });
    expect(error.hint).toContain('15 minutes');
    expect(cloud.log).toHaveLength(1);
    expect(visible(error)).not.toContain('test-wrong-secret-do-not-leak');
  });

  it('an X-Sdk-Date outside the 15-minute window is rejected; clockSkewMs corrects a known offset', async () => {
    const slowClock = () => new Date(Date.now() - 20 * 60 * 1000);
    const skewed = createLogoffClient({
      endpoint: cloud.url,
      projectId: PROJECT,
      auth: akskAuth({ accessKey: AK, secretKey: SK, now: slowClock }),
    });
    await expect(skewed.logoff(body)).rejects.toMatchObject({ status: 401, errorCode: 'APIGW.0301' });
    const corrected = createLogoffClient({
      endpoint: cloud.url,
      projectId: PROJECT,
      auth: akskAuth({ accessKey: AK, secretKey: SK, now: slowClock, clockSkewMs: 20 * 60 * 1000 }),
    });
    await expect(corrected.logoff(body)).resolves.toMatchObject({ status: 200 });
  });

  it('signs the host override instead of the URL host (the fake cloud sees its own host, so it rejects)', async () => {
    const auth = akskAuth({ accessKey: AK, secretKey: SK, host: 'workspace.cn-north-4.myhuaweicloud.com' });
    const client = createLogoffClient({ endpoint: cloud.url, projectId: PROJECT, auth });
    await expect(client.logoff(body)).rejects.toMatchObject({ status: 401 });
    const matching = akskAuth({ accessKey: AK, secretKey: SK, host: new URL(cloud.url).host });
    await expect(
      createLogoffClient({ endpoint: cloud.url, projectId: PROJECT, auth: matching }).logoff(body),
    ).resolves.toBeDefined();
  });
});

describe('IAM tokens', () => {
  it('a static token works, and an expired one is not retried without a way to refresh it', async () => {
    const token = cloud.issueToken(PROJECT);
    const client = createLogoffClient({ endpoint: cloud.url, projectId: PROJECT, auth: tokenAuth(token) });
    await expect(client.logoff(body)).resolves.toMatchObject({ status: 200 });
    cloud.expireTokens();
    const error = (await rejectionOf(client.logoff(body))) as WorkspaceApiError;
    expect(error).toMatchObject({ status: 401, errorCode: 'APIGW.0307', attempts: 1 });
    expect(error.hint).toMatch(/expired/);
    expect(visible(error)).not.toContain(token);
  });

  it('password login: one token for many calls, exactly one refresh when the gateway says it expired', async () => {
    const auth = iamTokenAuth({
      iamEndpoint: cloud.url,
      identity: { domain: 'acme', user: 'admin', password: PASSWORD },
      project: { name: 'cn-north-4' },
    });
    const client = createLogoffClient({ endpoint: cloud.url, projectId: PROJECT, auth });
    await client.logoff(body);
    await client.logoff(body);
    expect(cloud.iam.issued).toHaveLength(1);
    cloud.expireTokens();
    const attempts: string[] = [];
    await expect(
      client.logoff(body, { onAttempt: (e) => attempts.push(e.reason ?? 'ok') }),
    ).resolves.toMatchObject({ status: 200 });
    expect(cloud.iam.issued).toHaveLength(2);
    expect(attempts).toEqual(['credentials refreshed', 'ok']);
  });

  it('keeps one token request in flight for concurrent calls', async () => {
    const auth = iamTokenAuth({
      iamEndpoint: cloud.url,
      identity: { domain: 'acme', user: 'admin', password: PASSWORD },
      project: { id: PROJECT },
    });
    const client = createLogoffClient({ endpoint: cloud.url, projectId: PROJECT, auth });
    await Promise.all(Array.from({ length: 8 }, () => client.logoff(body)));
    expect(cloud.iam.issued).toHaveLength(1);
  });

  it('refreshes before expires_at, by the configured margin', async () => {
    let clock = Date.now();
    const auth = iamTokenAuth({
      iamEndpoint: cloud.url,
      identity: { domain: 'acme', user: 'admin', password: PASSWORD },
      project: { id: PROJECT },
      refreshMarginMs: 10 * 60 * 1000,
      now: () => clock,
    });
    const first = await auth.token();
    clock = first.expiresAt - 11 * 60 * 1000;
    expect((await auth.token()).value).toBe(first.value);
    clock = first.expiresAt - 9 * 60 * 1000;
    expect((await auth.token()).value).not.toBe(first.value);
  });

  it('assume-role: the user token is exchanged for an agency token', async () => {
    const auth = iamTokenAuth({
      iamEndpoint: cloud.url,
      identity: { domain: 'acme', user: 'admin', password: PASSWORD },
      agency: { domain: 'partner', agency: 'wks-operator' },
      project: { name: 'cn-north-4' },
    });
    await createLogoffClient({ endpoint: cloud.url, projectId: PROJECT, auth }).logoff(body);
    expect(cloud.iam.issued.map((entry) => entry.method)).toEqual(['password', 'assume_role']);
  });

  it('a wrong password fails with IAM’s error and never shows the password', async () => {
    const auth = iamTokenAuth({
      iamEndpoint: cloud.url,
      identity: { domain: 'acme', user: 'admin', password: 'test-bad-password' },
      project: { id: PROJECT },
    });
    const error = await rejectionOf(
      createLogoffClient({ endpoint: cloud.url, projectId: PROJECT, auth }).logoff(body),
    );
    expect(error).toMatchObject({ status: 401 });
    expect(visible(error)).not.toContain('test-bad-password');
  });
});

describe('IAM logins are bounded', () => {
  it('a failed login is remembered for failureTtlMs: a burst asks IAM once', async () => {
    let clock = 1_000_000;
    const auth = iamTokenAuth({
      iamEndpoint: cloud.url,
      identity: { domain: 'acme', user: 'admin', password: 'test-bad-password' },
      project: { id: PROJECT },
      failureTtlMs: 10_000,
      now: () => clock,
    });
    const failures = await Promise.all(Array.from({ length: 5 }, () => rejectionOf(auth.token())));
    for (const failure of [...failures, await rejectionOf(auth.token())])
      expect(failure).toMatchObject({ name: 'WorkspaceApiError', status: 401 });
    expect(cloud.iam.requests).toBe(1);
    clock += 10_001;
    await rejectionOf(auth.token());
    expect(cloud.iam.requests).toBe(2);
  });

  it('logins per minute are bounded across every project of the same credentials', async () => {
    const projects = Object.fromEntries(
      Array.from({ length: 5 }, (_, i) => [`region-${i}`, `${'0'.repeat(31)}${i}`]),
    );
    const own = await fakeCloud({ projects });
    try {
      let clock = 1_000_000;
      const credentials = await resolveCredentials({
        env: { ...iamPasswordEnv(own.url), HUAWEICLOUD_SDK_REGION: '' },
        iamLoginsPerMinute: 3,
        now: () => clock,
      });
      const ids = Object.values(projects);
      for (const id of ids.slice(0, 3)) await (credentials.forProject(id) as IamTokenAuth).token();
      const limited = await rejectionOf((credentials.forProject(ids[3] as string) as IamTokenAuth).token());
      expect(limited).toBeInstanceOf(LocalLimitError);
      expect(limited).toMatchObject({ retryable: true, retryAfterMs: 60_000 });
      expect((limited as Error).message).toBe(
        'IAM login limit reached (3 per minute); nothing was sent. Retry in 60 s.',
      );
      expect(own.iam.requests).toBe(3);
      clock += 60_000;
      await (credentials.forProject(ids[3] as string) as IamTokenAuth).token();
      expect(own.iam.requests).toBe(4);
    } finally {
      await own.close();
    }
  });
});

describe('configuration from the environment', () => {
  it('AK/SK from env, project looked up by region through IAM', async () => {
    const env = {
      HUAWEICLOUD_SDK_AK: AK,
      HUAWEICLOUD_SDK_SK: SK,
      HUAWEICLOUD_SDK_REGION: 'cn-north-4',
      WKS_ENDPOINT: cloud.url,
      HUAWEICLOUD_IAM_ENDPOINT: cloud.url,
    };
    const resolved = await resolveConfig({ env });
    expect(resolved).toMatchObject({ projectId: PROJECT, credentialKind: 'aksk', region: 'cn-north-4' });
    const client = createLogoffClient(await resolveClientOptions({ env }));
    await expect(client.logoff(body)).resolves.toMatchObject({ status: 200 });
  });

  it('IAM password from env: the project ID comes with the token', async () => {
    const env = iamPasswordEnv(cloud.url);
    const client = createLogoffClient(await resolveClientOptions({ env }));
    expect(client.projectId).toBe(PROJECT);
    await expect(client.logoff(body)).resolves.toMatchObject({ status: 200 });
    expect(cloud.iam.issued).toHaveLength(1);
  });
});

describe('custom Auth', () => {
  it.each([
    ['the default transport (fetch)', undefined],
    ['node:http', nodeHttpTransport()],
    ['a custom fetch (a web Request)', (async (request: Request) => fetch(request)) as Transport],
  ])('receives the exact body that is sent, and sets headers in place: %s', async (_label, transport) => {
    const server = await startLocalServer((_request, response) => {
      response.writeHead(200, { 'content-length': '0' });
      response.end();
    });
    try {
      const signing: Auth = {
        kind: 'custom',
        authorize(request) {
          request.headers.set(
            'X-Body-Sha256',
            createHash('sha256')
              .update(request.body ?? '')
              .digest('hex'),
          );
        },
      };
      const client = createLogoffClient({
        endpoint: server.url,
        projectId: PROJECT,
        auth: signing,
        ...(transport ? { fetch: transport } : {}),
      });
      await client.logoff(body);
      const [received] = server.requests;
      expect(received?.body).toBe(JSON.stringify(body));
      expect(received?.headers['x-body-sha256']).toBe(
        createHash('sha256').update(JSON.stringify(body)).digest('hex'),
      );
    } finally {
      await server.close();
    }
  });
});
