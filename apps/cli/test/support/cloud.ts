// The one fake cloud the CLI's process tests run against: its credentials, and the environment that points the
// CLI at it with them. Secrets are named `do-not-leak` so the leak checks can look for them.
import type { FakeCloud, FakeCloudOptions } from '@wks-logoff/testkit';
import { startFakeCloud } from '@wks-logoff/testkit';

export const PROJECT = '2b31ed520a1b4d3cb2c3d4e5f6a7b8c9';
export const AK = 'TESTCLIAK00000000001';
export const SK = 'test-cli-secret-do-not-leak-0123456789';
export const PASSWORD = 'test-cli-iam-password-do-not-leak';

/** The fake cloud with the AK/SK above, an IAM user `acme/ops`, and the project in cn-north-4. */
export function startCloud(options: FakeCloudOptions = {}): Promise<FakeCloud> {
  return startFakeCloud({
    keys: { [AK]: SK },
    users: [{ domain: 'acme', user: 'ops', password: PASSWORD }],
    projects: { 'cn-north-4': PROJECT },
    ...options,
  });
}

/** The environment of a CLI that signs with the AK/SK against `cloud`. */
export function akskEnv(cloud: FakeCloud): Record<string, string> {
  return {
    WKS_ENDPOINT: cloud.url,
    HUAWEICLOUD_SDK_AK: AK,
    HUAWEICLOUD_SDK_SK: SK,
    HUAWEICLOUD_SDK_PROJECT_ID: PROJECT,
  };
}
