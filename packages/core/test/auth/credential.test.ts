// Every auth factory refuses a credential that is missing, empty, or holds a character an HTTP header cannot
// carry, at once and with a ConfigurationError that names where the credential came from, never its value; a
// function source is held to the same rule on every request, and nothing is sent.
import { describe, expect, it } from 'vitest';
import {
  type Auth,
  akskAuth,
  bearerAuth,
  ConfigurationError,
  createLogoffClient,
  iamTokenAuth,
  tokenAuth,
} from '../../src/index.js';
import { PROJECT, visible } from '../support/fake-cloud.js';
import { test } from '../support/fixtures.js';
import { rejectionOf } from '../support/helpers.js';

const SECRET = 'test-credential-do-not-leak';

/** What a factory throws, or undefined when it did not. */
function thrown(make: () => unknown): unknown {
  try {
    make();
  } catch (error) {
    return error;
  }
  return undefined;
}

const iam = (password: string | undefined) =>
  iamTokenAuth({
    iamEndpoint: 'http://127.0.0.1:9',
    identity: { domain: 'acme', user: 'admin', password: password as string },
    project: { id: PROJECT },
  });

describe('a missing or empty secret is refused at once', () => {
  it.each([
    ['tokenAuth(undefined)', () => tokenAuth(undefined as never), /token given to tokenAuth is missing/],
    ['tokenAuth("")', () => tokenAuth(''), /token given to tokenAuth is empty/],
    ['tokenAuth("  ")', () => tokenAuth('  \n'), /token given to tokenAuth is empty/],
    ['bearerAuth("")', () => bearerAuth('', { source: 'WKS_PROXY_KEY' }), /WKS_PROXY_KEY is empty/],
    [
      'bearerAuth(undefined)',
      () => bearerAuth(undefined as never),
      /credential given to bearerAuth is missing/,
    ],
    ['akskAuth without AK', () => akskAuth({ accessKey: '', secretKey: SECRET }), /access key .* is empty/],
    [
      'akskAuth without SK',
      () => akskAuth({ accessKey: 'AK', secretKey: undefined as never }),
      /secret key .* is missing/,
    ],
    [
      'akskAuth with an empty security token',
      () => akskAuth({ accessKey: 'AK', secretKey: SECRET, securityToken: ' ' }),
      /security token .* is empty/,
    ],
    ['iamTokenAuth without a password', () => iam(''), /IAM password .* is empty/],
  ])('%s', (_label, make, message) => {
    const error = thrown(make);
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as Error).message).toMatch(message);
  });
});

describe('a character an HTTP header cannot carry is refused, naming the source and never the value', () => {
  const bad = [
    ['a line feed', `${SECRET}\nsecond-line`, /a line break \(CR or LF\) at character 28/],
    ['CRLF', `${SECRET}\r\nsecond-line`, /a line break \(CR or LF\) at character 28/],
    ['NUL', `${SECRET}\u0000`, /a NUL character at character 28/],
    ['a control character', `${SECRET}\u0001x`, /a control character at character 28/],
    ['DEL', `${SECRET}\u007fx`, /a control character at character 28/],
    ['a non-ASCII character', `${SECRET}€`, /a non-ASCII character at character 28/],
  ] as const;
  const factories = [
    ['tokenAuth', (value: string) => tokenAuth(value, { source: 'WKS_AUTH_TOKEN' }), 'WKS_AUTH_TOKEN'],
    ['bearerAuth', (value: string) => bearerAuth(value, { source: 'WKS_PROXY_KEY' }), 'WKS_PROXY_KEY'],
    ['akskAuth (AK)', (value: string) => akskAuth({ accessKey: value, secretKey: 'sk' }), 'access key'],
    ['akskAuth (SK)', (value: string) => akskAuth({ accessKey: 'AK', secretKey: value }), 'secret key'],
    [
      'akskAuth (security token)',
      (value: string) => akskAuth({ accessKey: 'AK', secretKey: 'sk', securityToken: value }),
      'security token',
    ],
  ] as const;
  for (const [factory, make, source] of factories) {
    it.each(bad)(`${factory}: %s`, (_label, value, message) => {
      const error = thrown(() => make(value));
      expect(error).toBeInstanceOf(ConfigurationError);
      expect((error as Error).message).toContain(source);
      expect((error as Error).message).toMatch(message);
      expect(visible(error)).not.toContain(SECRET);
    });
  }

  it('surrounding whitespace (a trailing newline) is trimmed, as a header value is', async () => {
    const headers = new Headers();
    await tokenAuth(` ${SECRET}\r\n`).authorize({ method: 'POST', url: 'http://x/', headers, body: '{}' });
    expect(headers.get('x-auth-token')).toBe(SECRET);
  });
});

describe('a function source is held to the same rule on every request: nothing is sent', () => {
  const body = { desktop_ids: ['d-1'] };
  const cases: [string, () => Auth, RegExp][] = [
    ['tokenAuth → ""', () => tokenAuth(() => ''), /token returned to tokenAuth is empty/],
    [
      'tokenAuth → undefined',
      () => tokenAuth(async () => undefined as never),
      /token returned to tokenAuth is missing/,
    ],
    [
      'bearerAuth → a line break',
      () => bearerAuth(async () => `${SECRET}\nx`, { source: 'WKS_PROXY_TOKEN_FILE' }),
      /WKS_PROXY_TOKEN_FILE contains a line break/,
    ],
  ];
  for (const [label, auth, message] of cases) {
    test(label, async ({ cloud }) => {
      const client = createLogoffClient({ endpoint: cloud.url, projectId: PROJECT, auth: auth() });
      const error = await rejectionOf(client.logoff(body));
      expect(error).toBeInstanceOf(ConfigurationError);
      expect(error).toMatchObject({ retryable: false, uncertain: false });
      expect((error as Error).message).toMatch(message);
      expect(visible(error)).not.toContain(SECRET);
      expect(cloud.log).toHaveLength(0);
    });
  }
});
