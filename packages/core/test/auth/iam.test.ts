import { describe, expect } from 'vitest';
import {
  createLogoffClient,
  type IamTokenAuth,
  iamTokenAuth,
  LocalLimitError,
  resolveClientOptions,
  resolveCredentials,
  tokenAuth,
  type WorkspaceApiError,
} from '../../src/index.js';
import { fakeCloud, iamPasswordEnv, PASSWORD, PROJECT, visible } from '../support/fake-cloud.js';
import { test } from '../support/fixtures.js';
import { rejectionOf } from '../support/helpers.js';

const body = { desktop_ids: ['d-1', 'd-2'], message: 'Maintenance in 10 minutes' };

describe('IAM tokens', () => {
  test('a static token works, and an expired one is not retried without a way to refresh it', async ({
    cloud,
  }) => {
    const token = cloud.issueToken(PROJECT);
    const client = createLogoffClient({ endpoint: cloud.url, projectId: PROJECT, auth: tokenAuth(token) });
    await expect(client.logoff(body)).resolves.toMatchObject({ status: 200 });
    cloud.expireTokens();
    const error = (await rejectionOf(client.logoff(body))) as WorkspaceApiError;
    expect(error).toMatchObject({ status: 401, errorCode: 'APIGW.0307', attempts: 1 });
    expect(error.hint).toMatch(/expired/);
    expect(visible(error)).not.toContain(token);
  });

  test('password login: one token for many calls, exactly one refresh when the gateway says it expired', async ({
    cloud,
  }) => {
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

  test('keeps one token request in flight for concurrent calls', async ({ cloud }) => {
    const auth = iamTokenAuth({
      iamEndpoint: cloud.url,
      identity: { domain: 'acme', user: 'admin', password: PASSWORD },
      project: { id: PROJECT },
    });
    const client = createLogoffClient({ endpoint: cloud.url, projectId: PROJECT, auth });
    await Promise.all(Array.from({ length: 8 }, () => client.logoff(body)));
    expect(cloud.iam.issued).toHaveLength(1);
  });

  test('refreshes before expires_at, by the configured margin', async ({ cloud }) => {
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

  test('assume-role: the user token is exchanged for an agency token', async ({ cloud }) => {
    const auth = iamTokenAuth({
      iamEndpoint: cloud.url,
      identity: { domain: 'acme', user: 'admin', password: PASSWORD },
      agency: { domain: 'partner', agency: 'wks-operator' },
      project: { name: 'cn-north-4' },
    });
    await createLogoffClient({ endpoint: cloud.url, projectId: PROJECT, auth }).logoff(body);
    expect(cloud.iam.issued.map((entry) => entry.method)).toEqual(['password', 'assume_role']);
  });

  test('a wrong password fails with IAM’s error and never shows the password', async ({ cloud }) => {
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
  test('a failed login is remembered for failureTtlMs: a burst asks IAM once', async ({ cloud }) => {
    let clock = 1_000_000;
    const auth = iamTokenAuth({
      iamEndpoint: cloud.url,
      identity: { domain: 'acme', user: 'admin', password: 'test-bad-password' },
      project: { id: PROJECT },
      failureTtlMs: 10_000,
      now: () => clock,
    });
    const failures = await Promise.all(Array.from({ length: 5 }, () => rejectionOf(auth.token())));
    for (const failure of [...failures, await rejectionOf(auth.token())]) {
      expect(failure).toMatchObject({ name: 'WorkspaceApiError', status: 401 });
    }
    expect(cloud.iam.requests).toBe(1);
    clock += 10_001;
    await rejectionOf(auth.token());
    expect(cloud.iam.requests).toBe(2);
  });

  test('logins per minute are bounded across every project of the same credentials', async () => {
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
      for (const id of ids.slice(0, 3)) {
        await (credentials.forProject(id) as IamTokenAuth).token();
      }
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

describe('IAM calls never follow a redirect', () => {
  test('neither the password nor a token reaches the origin an IAM answer points to', async ({ cloud }) => {
    const { startLocalServer } = await import('@wks-logoff/testkit');
    const redirecting = await startLocalServer((request, response) => {
      response.writeHead(307, { location: `${cloud.elsewhere.url}${request.url}`, 'content-length': '0' });
      response.end();
    });
    try {
      const login = await rejectionOf(
        resolveClientOptions({
          env: { ...iamPasswordEnv(cloud.url), HUAWEICLOUD_IAM_ENDPOINT: redirecting.url },
        }),
      );
      expect(login).toMatchObject({ name: 'WorkspaceApiError', status: 307 });
      expect((login as WorkspaceApiError).message).toContain(
        `a redirect to ${cloud.elsewhere.url}/v3/auth/tokens?nocatalog=true, not followed`,
      );
      expect((login as WorkspaceApiError).hint).toBe(
        'IAM answered with a redirect: check HUAWEICLOUD_IAM_ENDPOINT (or the region).',
      );
      const lookup = await rejectionOf(
        resolveClientOptions({
          env: {
            WKS_ENDPOINT: cloud.url,
            HUAWEICLOUD_IAM_ENDPOINT: redirecting.url,
            HUAWEICLOUD_SDK_REGION: 'cn-north-4',
            WKS_AUTH_TOKEN: 'test-iam-token-do-not-leak',
          },
        }),
      );
      expect(lookup).toMatchObject({ name: 'WorkspaceApiError', status: 307 });
      expect(redirecting.requests).toHaveLength(2);
      expect(cloud.elsewhere.requests).toEqual([]);
    } finally {
      await redirecting.close();
    }
  });
});
