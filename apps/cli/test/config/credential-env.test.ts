// The credentials core sees: the environment's kind wins over the profile's other kinds; one kind's fields merge.
import { describe, expect, it } from 'vitest';
import { credentialEnvironment } from '../../src/config/credential-env.js';
import type { Profile } from '../../src/config/profile.js';

const profile = (env: Record<string, string>): Profile => ({
  label: 'profile "lab"',
  env,
  message: undefined,
  warnings: [],
});

describe('credentialEnvironment', () => {
  it('a token in the environment wins over the profile’s AK/SK, which core then never sees', () => {
    const result = credentialEnvironment(
      { WKS_AUTH_TOKEN: 't' },
      profile({ HUAWEICLOUD_SDK_AK: 'ak', HUAWEICLOUD_SDK_SK: 'sk-do-not-leak' }),
    );
    expect(result.env.HUAWEICLOUD_SDK_SK).toBeUndefined();
    expect(result.env.WKS_AUTH_TOKEN).toBe('t');
    expect([...result.origins.keys()]).toEqual(['WKS_AUTH_TOKEN']);
    expect(result.ignored.map((entry) => entry.origin.name)).toEqual([
      'profile "lab" field accessKey',
      'profile "lab" field secretKey',
    ]);
  });

  it('one kind’s fields merge: an IAM user in the profile, its password in the environment', () => {
    const result = credentialEnvironment(
      { HUAWEICLOUD_IAM_PASSWORD: 'pw-do-not-leak' },
      profile({ HUAWEICLOUD_IAM_DOMAIN: 'acme', HUAWEICLOUD_IAM_USER: 'ops' }),
    );
    expect(result.env).toMatchObject({
      HUAWEICLOUD_IAM_DOMAIN: 'acme',
      HUAWEICLOUD_IAM_USER: 'ops',
      HUAWEICLOUD_IAM_PASSWORD: 'pw-do-not-leak',
    });
    expect(result.ignored).toEqual([]);
  });

  it('an empty variable does not hide the profile’s value', () => {
    const result = credentialEnvironment(
      { HUAWEICLOUD_SDK_AK: '' },
      profile({ HUAWEICLOUD_SDK_AK: 'ak', HUAWEICLOUD_SDK_SK: 'sk-do-not-leak' }),
    );
    expect(result.env.HUAWEICLOUD_SDK_AK).toBe('ak');
    expect(result.origins.get('HUAWEICLOUD_SDK_AK')?.layer).toBe('profile');
  });

  it('takes the target settings out: they are passed to core explicitly', () => {
    const result = credentialEnvironment(
      { WKS_ENDPOINT: 'http://env', HTTPS_PROXY: 'http://egress' },
      undefined,
    );
    expect(result.env.WKS_ENDPOINT).toBeUndefined();
    expect(result.env.HTTPS_PROXY).toBe('http://egress');
  });
});
