import { describe, expect } from 'vitest';
import { resolveConfig } from '../../src/auth/resolve.js';
import { createLogoffClient, resolveClientOptions } from '../../src/index.js';
import { AK, iamPasswordEnv, PROJECT, SK } from '../support/fake-cloud.js';
import { test } from '../support/fixtures.js';

const body = { desktop_ids: ['d-1', 'd-2'], message: 'Maintenance in 10 minutes' };

describe('configuration from the environment', () => {
  test('AK/SK from env, project looked up by region through IAM', async ({ cloud }) => {
    const env = {
      HUAWEICLOUD_SDK_AK: AK,
      HUAWEICLOUD_SDK_SK: SK,
      HUAWEICLOUD_SDK_REGION: 'cn-north-4',
      WKS_ENDPOINT: cloud.url,
      HUAWEICLOUD_IAM_ENDPOINT: cloud.url,
    };
    const resolved = await resolveConfig({ env });
    expect(resolved).toMatchObject({ projectId: PROJECT, scheme: 'aksk', region: 'cn-north-4' });
    const client = createLogoffClient(await resolveClientOptions({ env }));
    await expect(client.logoff(body)).resolves.toMatchObject({ status: 200 });
  });

  test('IAM password from env: the project ID comes with the token', async ({ cloud }) => {
    const env = iamPasswordEnv(cloud.url);
    const client = createLogoffClient(await resolveClientOptions({ env }));
    expect(client.projectId).toBe(PROJECT);
    await expect(client.logoff(body)).resolves.toMatchObject({ status: 200 });
    expect(cloud.iam.issued).toHaveLength(1);
  });
});
