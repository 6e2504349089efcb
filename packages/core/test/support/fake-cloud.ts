// Shared set-up for tests against the test kit's fake cloud.
import { type FakeCloudOptions, startFakeCloud } from '@wks-logoff/testkit';

export const AK = 'TESTAKEXAMPLE0000001';
// Obviously fake keys: tests prove they never leak, so they must be recognisable.
export const SK = 'test-secret-key-do-not-leak-0123456789ab';
export const TEMP_AK = 'TESTTEMPAK0000000001';
export const TEMP_SK = 'test-temp-secret-do-not-leak-0123456789';
export const SECURITY_TOKEN = 'test-security-token-do-not-leak';
export const PASSWORD = 'test-password-do-not-leak';
export const PROJECT = '2b31ed520a1b4d3cb2c3d4e5f6a7b8c9';
export const SECRETS = [SK, TEMP_SK, SECURITY_TOKEN, PASSWORD];

export function fakeCloud(options: FakeCloudOptions = {}) {
  return startFakeCloud({
    keys: { [AK]: SK, [TEMP_AK]: { secretKey: TEMP_SK, securityToken: SECURITY_TOKEN } },
    users: [{ domain: 'acme', user: 'admin', password: PASSWORD }],
    projects: { 'cn-north-4': PROJECT },
    agencies: [{ domain: 'partner', agency: 'wks-operator' }],
    ...options,
  });
}

/** Everything a user could see of an error. */
export function visible(error: unknown): string {
  return `${String(error)}\n${JSON.stringify(error)}\n${(error as Error)?.stack ?? ''}\n${(error as Error)?.message ?? ''}`;
}

/** Retries without real waiting. */
export const FAST_RETRY = { baseDelayMs: 1, throttleBaseDelayMs: 1, maxDelayMs: 5 };

/** The environment of an IAM password login against `fakeCloud()` (its user, its project in cn-north-4). */
export function iamPasswordEnv(url: string): Record<string, string> {
  return {
    WKS_ENDPOINT: url,
    HUAWEICLOUD_IAM_ENDPOINT: url,
    HUAWEICLOUD_IAM_DOMAIN: 'acme',
    HUAWEICLOUD_IAM_USER: 'admin',
    HUAWEICLOUD_IAM_PASSWORD: PASSWORD,
    HUAWEICLOUD_SDK_REGION: 'cn-north-4',
  };
}
