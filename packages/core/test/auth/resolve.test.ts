// Credential precedence and the messages users get when something is missing or wrong (env objects and files,
// no network).
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/auth/resolve.js';
import { ConfigurationError } from '../../src/index.js';

const endpoint = 'http://127.0.0.1:9';
const base = { WKS_ENDPOINT: endpoint, HUAWEICLOUD_SDK_PROJECT_ID: 'p1' };

describe('resolveConfig', () => {
  it('explicit options win over the environment', async () => {
    const resolved = await resolveConfig({
      env: { ...base, HUAWEICLOUD_SDK_AK: 'ENVAK', HUAWEICLOUD_SDK_SK: 'env-sk' },
      token: 'explicit-token',
      projectId: 'p2',
    });
    expect(resolved).toMatchObject({ scheme: 'aksk', projectId: 'p2' });
    const tokenOnly = await resolveConfig({ env: base, token: 'explicit-token' });
    expect(tokenOnly.scheme).toBe('iam-token');
  });

  it('AK/SK from the environment comes before a token', async () => {
    const resolved = await resolveConfig({
      env: { ...base, HUAWEICLOUD_SDK_AK: 'A', HUAWEICLOUD_SDK_SK: 'S', WKS_AUTH_TOKEN: 't' },
    });
    expect(resolved.scheme).toBe('aksk');
  });

  it('reads WKS_AUTH_TOKEN_FILE, trimmed', async () => {
    const tokenFile = join(await mkdtemp(join(tmpdir(), 'wks-resolve-')), 'token');
    await writeFile(tokenFile, 'file-token\n');
    const resolved = await resolveConfig({ env: { ...base, WKS_AUTH_TOKEN_FILE: tokenFile } });
    const headers = new Headers();
    await resolved.auth.authorize({ method: 'POST', url: 'http://x/', headers, body: undefined });
    expect(headers.get('x-auth-token')).toBe('file-token');
    expect(resolved.auth.source).toBe('WKS_AUTH_TOKEN_FILE');
  });

  it('a region gives the endpoint; an explicit endpoint overrides it', async () => {
    const env = { HUAWEICLOUD_SDK_AK: 'A', HUAWEICLOUD_SDK_SK: 'S', HUAWEICLOUD_SDK_PROJECT_ID: 'p1' };
    expect((await resolveConfig({ env, region: 'ap-southeast-1' })).endpoint).toBe(
      'https://workspace.ap-southeast-1.myhuaweicloud.com',
    );
    expect(
      (await resolveConfig({ env, region: 'ap-southeast-1', endpoint: 'https://gw.example.com/' })).endpoint,
    ).toBe('https://gw.example.com');
  });

  it.each([
    [
      {},
      /No credentials: set HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK .*WKS_AUTH_TOKEN.*HUAWEICLOUD_IAM_PASSWORD/,
    ],
    [{ HUAWEICLOUD_SDK_AK: 'A' }, /HUAWEICLOUD_SDK_AK is set but HUAWEICLOUD_SDK_SK is not/],
    [{ HUAWEICLOUD_SDK_SK: 'S' }, /HUAWEICLOUD_SDK_SK is set but HUAWEICLOUD_SDK_AK is not/],
    [
      { HUAWEICLOUD_IAM_USER: 'u' },
      /IAM password login needs HUAWEICLOUD_IAM_DOMAIN and HUAWEICLOUD_IAM_PASSWORD too/,
    ],
    [
      { WKS_AUTH_TOKEN_FILE: '/nonexistent/wks-token' },
      /Cannot read the token file \/nonexistent\/wks-token \(ENOENT\)/,
    ],
  ])('%j → a clear ConfigurationError', async (env, message) => {
    const error = await resolveConfig({ env: { ...base, ...env } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as Error).message).toMatch(message);
  });

  it('no endpoint and no region is an error naming both variables', async () => {
    await expect(resolveConfig({ env: { WKS_AUTH_TOKEN: 't' } })).rejects.toThrow(
      /HUAWEICLOUD_SDK_REGION.*WKS_ENDPOINT/,
    );
  });

  it('an unknown region lists the valid ones', async () => {
    await expect(
      resolveConfig({ env: { WKS_AUTH_TOKEN: 't', HUAWEICLOUD_SDK_REGION: 'mars-1' } }),
    ).rejects.toThrow(/Unknown region "mars-1". Valid regions: af-north-1, .*cn-north-4.*na-mexico-1/);
  });

  const BAD = 'test-bad-credential-do-not-leak\r\nX-Injected: 1';
  it.each([
    [{ WKS_AUTH_TOKEN: BAD }, 'WKS_AUTH_TOKEN'],
    [{ HUAWEICLOUD_SDK_AK: BAD, HUAWEICLOUD_SDK_SK: 'sk' }, 'HUAWEICLOUD_SDK_AK'],
    [{ HUAWEICLOUD_SDK_AK: 'AK', HUAWEICLOUD_SDK_SK: BAD }, 'HUAWEICLOUD_SDK_SK'],
    [
      { HUAWEICLOUD_SDK_AK: 'AK', HUAWEICLOUD_SDK_SK: 'sk', HUAWEICLOUD_SDK_SECURITY_TOKEN: BAD },
      'HUAWEICLOUD_SDK_SECURITY_TOKEN',
    ],
  ])(
    '%j: a line break in a credential is refused, naming its variable, never the value',
    async (env, name) => {
      const error = await resolveConfig({ env: { ...base, ...env } }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ConfigurationError);
      expect((error as Error).message).toBe(
        `${name} contains a line break (CR or LF) at character 32; a credential cannot hold it.`,
      );
      expect(`${String(error)} ${JSON.stringify(error)}`).not.toContain('do-not-leak');
    },
  );

  it('an explicit option is named as the option it came from', async () => {
    await expect(resolveConfig({ env: base, token: BAD })).rejects.toThrow(
      /^The token option contains a line break/,
    );
  });

  it('a token file holding two lines is refused, naming the file and WKS_AUTH_TOKEN_FILE', async () => {
    const tokenFile = join(await mkdtemp(join(tmpdir(), 'wks-resolve-')), 'token');
    await writeFile(tokenFile, `${BAD}\n`);
    await expect(resolveConfig({ env: { ...base, WKS_AUTH_TOKEN_FILE: tokenFile } })).rejects.toThrow(
      `The token file ${tokenFile} named by WKS_AUTH_TOKEN_FILE contains a line break (CR or LF) at character 32`,
    );
    await expect(resolveConfig({ env: { ...base, WKS_AUTH_TOKEN_FILE: '/dev/zero' } })).rejects.toThrow(
      'The token file /dev/zero named by WKS_AUTH_TOKEN_FILE is not a regular file.',
    );
  });

  it('never puts a secret in a configuration error', async () => {
    const error = await resolveConfig({ env: { HUAWEICLOUD_SDK_SK: 'test-secret-do-not-leak' } }).catch(
      (e: unknown) => e,
    );
    expect(`${String(error)} ${JSON.stringify(error)}`).not.toContain('test-secret-do-not-leak');
  });
});
