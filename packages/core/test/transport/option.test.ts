// 0.1.0 took a transport as `fetch`; 0.2.0 as `transport`. A transport still passed as `fetch` is refused where core
// takes one, rather than ignored (every request would then go another way than the caller chose, e.g. not through
// the egress proxy that transport was built for).
import { describe, expect, it } from 'vitest';
import {
  ConfigurationError,
  createLogoffClient,
  iamTokenAuth,
  resolveClientOptions,
  resolveCredentials,
  type Transport,
  tokenAuth,
} from '../../src/index.js';

const sent: Request[] = [];
const recording: Transport = async (request) => {
  sent.push(request);
  throw new Error('not reached');
};
const RENAMED = /The option `fetch` is now called `transport`/;
const asOldOptions = <T>(options: T) => ({ ...options, fetch: recording }) as T;

describe('a transport passed as `fetch` (its 0.1.0 name)', () => {
  it('createLogoffClient refuses it, naming the option to use', () => {
    const options = asOldOptions({
      endpoint: 'https://workspace.example.com',
      projectId: '2b31ed520a1b4d3cb2c3d4e5f6a7b8c9',
      auth: tokenAuth('token-do-not-leak'),
    });
    expect(() => createLogoffClient(options)).toThrow(ConfigurationError);
    expect(() => createLogoffClient(options)).toThrow(RENAMED);
  });

  it('iamTokenAuth refuses it', () => {
    const options = asOldOptions({
      iamEndpoint: 'https://iam.example.com',
      identity: { domain: 'acme', user: 'admin', password: 'password-do-not-leak' },
      project: { name: 'cn-north-4' },
    });
    expect(() => iamTokenAuth(options)).toThrow(RENAMED);
  });

  it('resolveCredentials and resolveClientOptions refuse it, and nothing is sent', async () => {
    const env = { HUAWEICLOUD_SDK_AK: 'AK', HUAWEICLOUD_SDK_SK: 'SK', WKS_PROJECT_ID: 'p' };
    await expect(resolveCredentials(asOldOptions({ env }))).rejects.toThrow(RENAMED);
    await expect(resolveClientOptions(asOldOptions({ env }))).rejects.toThrow(RENAMED);
    expect(sent).toEqual([]);
  });
});
