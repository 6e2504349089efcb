import { describe, expect } from 'vitest';
import { akskAuth, createLogoffClient, WorkspaceApiError } from '../../src/index.js';
import { AK, PROJECT, SECURITY_TOKEN, SK, TEMP_AK, TEMP_SK, visible } from '../support/fake-cloud.js';
import { test } from '../support/fixtures.js';
import { rejectionOf } from '../support/helpers.js';

const body = { desktop_ids: ['d-1', 'd-2'], message: 'Maintenance in 10 minutes' };

describe('AK/SK', () => {
  test('signs requests the fake cloud accepts, and the desktops are logged off', async ({ cloud }) => {
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

  test('adds and signs X-Security-Token for temporary credentials', async ({ cloud }) => {
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

  test('a wrong secret is an auth error that is not retried, with a hint and no secret in it', async ({
    cloud,
  }) => {
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

  test('an X-Sdk-Date outside the 15-minute window is rejected; clockSkewMs corrects a known offset', async ({
    cloud,
  }) => {
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

  test('signs the host override instead of the URL host (the fake cloud sees its own host, so it rejects)', async ({
    cloud,
  }) => {
    const auth = akskAuth({ accessKey: AK, secretKey: SK, host: 'workspace.cn-north-4.myhuaweicloud.com' });
    const client = createLogoffClient({ endpoint: cloud.url, projectId: PROJECT, auth });
    await expect(client.logoff(body)).rejects.toMatchObject({ status: 401 });
    const matching = akskAuth({ accessKey: AK, secretKey: SK, host: new URL(cloud.url).host });
    await expect(
      createLogoffClient({ endpoint: cloud.url, projectId: PROJECT, auth: matching }).logoff(body),
    ).resolves.toBeDefined();
  });
});
