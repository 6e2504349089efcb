// Callers who sign in with their identity provider's token (OIDC / workload identity): verified with jose against
// the issuer's published keys, mapped to a caller of the keys file, refused with a reason that names only what
// the caller sent.
import { createPublicKey } from 'node:crypto';
import { type IdentityProvider, startIdentityProvider } from '@wks-logoff/testkit';
import { SignJWT } from 'jose';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Issuer, keysFileProblems, type TokenCaller } from '../../src/index.js';
import { ManualClock } from '../budget/support/manual-clock.js';
import {
  bearer,
  type Harness,
  harness,
  KEYS,
  logoffUrl,
  OTHER_PROJECT,
  PROJECT,
  testClock,
  writeKeysFile,
} from '../support/harness.js';

const AUDIENCE = 'wks-logoff-proxy';
const NOT_ACCEPTED =
  'The token is not accepted: it is malformed, or not signed by a key of an issuer this proxy trusts.';
const BOT = 'system:serviceaccount:ops:logoff-bot';

let idp: IdentityProvider;
let other: IdentityProvider;
beforeAll(async () => {
  idp = await startIdentityProvider();
  other = await startIdentityProvider();
});
afterAll(async () => {
  await idp.close();
  await other.close();
});

const issuers = (): Issuer[] => [
  { issuer: idp.issuer, audience: AUDIENCE, jwksUri: idp.jwksUri },
  { issuer: other.issuer, audience: AUDIENCE },
];
const callers = (): TokenCaller[] => [
  { id: 'logoff-bot', issuer: idp.issuer, subject: BOT, projects: [PROJECT], rate: 1000 },
  { id: 'sre', issuer: idp.issuer, claims: { groups: 'sre-oncall' }, projects: ['*'] },
  { id: 'slow-bot', issuer: idp.issuer, subject: 'slow', projects: ['*'], rate: 1 },
];

let h: Harness;
afterEach(async () => {
  await h?.close();
});
// The budget's clock stands still: a caller's second request within its rate is refused however slow the run.
const start = async (options: Parameters<typeof harness>[0] = {}) => {
  h = await harness({
    tokens: { issuers: issuers(), callers: callers() },
    budgetClock: new ManualClock(),
    ...options,
  });
  return h;
};
const post = (token: string, project = PROJECT) =>
  h.app.inject({
    method: 'POST',
    url: logoffUrl(project),
    headers: { ...bearer(token), 'content-type': 'application/json' },
    payload: { desktop_ids: ['d-1'] },
  });
const refusal = async (token: string, project = PROJECT) => {
  const response = await post(token, project);
  return { status: response.statusCode, message: response.json().error_msg as string };
};

describe('accepted tokens', () => {
  it.each(['RS256', 'ES256'] as const)(
    'a valid %s token from a configured issuer is its caller',
    async (alg) => {
      await start();
      const token = await idp.sign({ sub: BOT, aud: AUDIENCE }, { alg });
      const response = await post(token);
      expect(response.statusCode).toBe(200);
      expect(h.cloud.loggedOff.get('d-1')).toBe(1);
      const audit = h.logs.map((line) => JSON.parse(line)).find((line) => line.audit)?.audit;
      expect(audit).toMatchObject({ callerId: 'logoff-bot', sub: BOT, iss: idp.issuer, outcome: 'accepted' });
      expect(audit.keyId).toBeUndefined();
    },
  );

  it('matches on claims: an array claim containing the value', async () => {
    await start();
    const token = await idp.sign({
      sub: 'alice@example.com',
      aud: [AUDIENCE, 'other'],
      groups: ['dev', 'sre-oncall'],
    });
    expect((await post(token, OTHER_PROJECT)).statusCode).toBe(200);
  });

  it('finds the key set through the discovery document when no jwksUri is given', async () => {
    await start({
      tokens: {
        issuers: [{ issuer: other.issuer, audience: AUDIENCE }],
        callers: [{ id: 'ci', issuer: other.issuer, subject: 'repo:acme/infra', projects: ['*'] }],
      },
    });
    const before = { ...other.fetches };
    expect((await post(await other.sign({ sub: 'repo:acme/infra', aud: AUDIENCE }))).statusCode).toBe(200);
    expect((await post(await other.sign({ sub: 'repo:acme/infra', aud: AUDIENCE }))).statusCode).toBe(200);
    expect(other.fetches.discovery - before.discovery).toBe(1);
    expect(other.fetches.jwks - before.jwks).toBe(1);
  });

  it('a token without kid while its issuer publishes two keys of its algorithm (a rotation): each is tried', async () => {
    await start();
    await idp.rotate();
    const bot = await idp.sign({ sub: BOT, aud: AUDIENCE }, { withoutKid: true });
    expect((await post(bot)).statusCode).toBe(200);
    const forged = await idp.sign({ sub: BOT, aud: AUDIENCE }, { withoutKid: true, unpublished: true });
    expect(await refusal(forged)).toEqual({ status: 401, message: NOT_ACCEPTED });
  });

  it('applies the caller’s projects and rate exactly as for keys', async () => {
    await start();
    const bot = await idp.sign({ sub: BOT, aud: AUDIENCE });
    expect(await refusal(bot, OTHER_PROJECT)).toEqual({
      status: 403,
      message: 'Caller "logoff-bot" may not use this project.',
    });
    const slow = await idp.sign({ sub: 'slow', aud: AUDIENCE });
    expect((await post(slow)).statusCode).toBe(200);
    expect((await post(slow)).statusCode).toBe(429);
  });
});

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('refused tokens', () => {
  const refused: [string, () => Promise<string>, number, string][] = [
    [
      'expired',
      () => idp.sign({ sub: BOT, aud: AUDIENCE }, { expiresIn: -120 }),
      401,
      'The token has expired.',
    ],
    [
      'not yet valid',
      () => idp.sign({ sub: BOT, aud: AUDIENCE, nbf: Math.floor(Date.now() / 1000) + 600 }),
      401,
      'The token is not valid yet.',
    ],
    [
      'issued in the future',
      () => idp.sign({ sub: BOT, aud: AUDIENCE }, { issuedAt: 600 }),
      401,
      'The token was issued in the future: check the clocks.',
    ],
    [
      'for another audience',
      () => idp.sign({ sub: BOT, aud: 'some-other-service' }),
      401,
      "The token's audience is not this proxy.",
    ],
    [
      'from an issuer not configured',
      () => idp.sign({ sub: BOT, aud: AUDIENCE, iss: 'https://evil.example.com' }),
      401,
      NOT_ACCEPTED,
    ],
    [
      'unsigned (alg: none)',
      async () =>
        `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url({ iss: idp.issuer, sub: BOT, aud: AUDIENCE, iat: 1, exp: 4e9 })}.`,
      401,
      NOT_ACCEPTED,
    ],
    [
      'HS256 signed with the issuer’s public RSA key as the secret',
      async () => {
        const pem = createPublicKey({ key: idp.currentPublicJwk(), format: 'jwk' }).export({
          type: 'spki',
          format: 'pem',
        });
        return new SignJWT({ iss: idp.issuer, sub: BOT, aud: AUDIENCE })
          .setProtectedHeader({ alg: 'HS256', kid: idp.currentPublicJwk().kid as string })
          .setIssuedAt()
          .setExpirationTime('10m')
          .sign(Buffer.from(pem));
      },
      401,
      NOT_ACCEPTED,
    ],
    [
      'signed with a key the issuer does not publish',
      () => idp.sign({ sub: BOT, aud: AUDIENCE }, { unpublished: true }),
      401,
      NOT_ACCEPTED,
    ],
    [
      'with a tampered payload',
      async () => {
        const [header, , signature] = (await idp.sign({ sub: 'nobody', aud: AUDIENCE })).split('.');
        const payload = base64url({
          iss: idp.issuer,
          sub: BOT,
          aud: AUDIENCE,
          iat: Math.floor(Date.now() / 1000),
          exp: 4e9,
        });
        return `${header}.${payload}.${signature}`;
      },
      401,
      NOT_ACCEPTED,
    ],
    ['that is not a token at all', async () => 'aaa.bbb.ccc', 401, NOT_ACCEPTED],
    [
      'valid, but matching no caller',
      () => idp.sign({ sub: 'system:serviceaccount:ops:someone-else', aud: AUDIENCE }),
      403,
      'No caller matches this token.',
    ],
    [
      'valid, from a configured issuer that is not the caller’s',
      () => other.sign({ sub: BOT, aud: AUDIENCE }),
      403,
      'No caller matches this token.',
    ],
  ];

  it.each(refused)('%s', async (_label, make, status, message) => {
    await start();
    const token = await make();
    expect(await refusal(token)).toEqual({ status, message });
    expect(h.cloud.log).toHaveLength(0);
  });

  it('an anonymous caller cannot tell configured issuers from others: one answer, the reason in the log', async () => {
    await start();
    const forgedFor = (iss: string) => idp.sign({ sub: BOT, aud: AUDIENCE, iss }, { unpublished: true });
    const cases = [
      ['unknown-issuer', await forgedFor('https://not-configured.example.com')],
      ['unknown-signing-key', await forgedFor(idp.issuer)],
      ['unknown-signing-key', await forgedFor(other.issuer)],
      [
        'algorithm',
        `${base64url({ alg: 'none' })}.${base64url({ iss: idp.issuer, sub: BOT, aud: AUDIENCE })}.`,
      ],
      ['malformed', 'aaa.bbb.ccc'],
    ] as const;
    const answers = [];
    for (const [, token] of cases) {
      const response = await post(token);
      const { request_id: _, ...body } = response.json();
      answers.push({ status: response.statusCode, body, challenge: response.headers['www-authenticate'] });
    }
    expect(new Set(answers.map((answer) => JSON.stringify(answer))).size).toBe(1);
    expect(answers[0]).toMatchObject({ status: 401, body: { error_msg: NOT_ACCEPTED } });
    const reasons = h.logs
      .map((line) => JSON.parse(line))
      .filter((line) => line.msg === 'request failed')
      .map((line) => line.reason);
    expect(reasons).toEqual(cases.map(([reason]) => reason));
  });

  it('counts refusals by reason, and requests by caller, in the metrics', async () => {
    await start();
    await post(await idp.sign({ sub: BOT, aud: AUDIENCE }, { expiresIn: -120 }));
    await post(await idp.sign({ sub: BOT, aud: AUDIENCE }));
    const metrics = (await h.app.inject({ method: 'GET', url: '/metrics' })).body;
    expect(metrics).toContain('wks_proxy_auth_refusals_total{kind="token",reason="expired"} 1');
    expect(metrics).toContain('wks_proxy_caller_requests_total{caller="logoff-bot",kind="token"} 1');
  });
});

describe('key sets', () => {
  it('fetches a rotated key once, then verifies with it from the cache', async () => {
    const clock = testClock();
    await start({ now: clock.now });
    expect((await post(await idp.sign({ sub: BOT, aud: AUDIENCE }))).statusCode).toBe(200);
    await idp.rotate();
    // The key set was fetched less than the cooldown ago: let it pass (50 ms in tests, 30 s by default).
    clock.advance(50);
    const before = idp.fetches.jwks;
    for (let i = 0; i < 3; i++) {
      expect((await post(await idp.sign({ sub: BOT, aud: AUDIENCE }))).statusCode).toBe(200);
    }
    expect(idp.fetches.jwks - before).toBe(1);
  });

  it('a flood of unknown kids fetches the key set at most once per cooldown', async () => {
    await start({ keySets: { cooldownMs: 60_000, timeoutMs: 10_000, maxAgeMs: 600_000 } });
    expect((await post(await idp.sign({ sub: BOT, aud: AUDIENCE }))).statusCode).toBe(200);
    const before = idp.fetches.jwks;
    // One after the other: concurrent misses would share one fetch anyway; these must not each cause one.
    for (let i = 0; i < 20; i++) {
      const forged = await idp.sign({ sub: BOT, aud: AUDIENCE }, { kid: `forged-${i}` });
      expect((await post(forged)).statusCode).toBe(401);
    }
    expect(idp.fetches.jwks - before).toBeLessThanOrEqual(1);
  });
});

describe('reload', () => {
  it.each([
    ['its audience', (fresh: IdentityProvider) => ({ audience: 'another-service', jwksUri: fresh.jwksUri })],
    ['its jwksUri', () => ({ audience: AUDIENCE, jwksUri: other.jwksUri })],
  ])(
    'a reload that changes %s while a token is being verified: the new configuration decides, then and later',
    async (_label, changed) => {
      const fresh = await startIdentityProvider();
      try {
        const caller = { id: 'bot', issuer: fresh.issuer, subject: 'bot', projects: ['*'] };
        await start({
          tokens: {
            issuers: [{ issuer: fresh.issuer, audience: AUDIENCE, jwksUri: fresh.jwksUri }],
            callers: [caller],
          },
        });
        const token = await fresh.sign({ sub: 'bot', aud: AUDIENCE });
        const held = fresh.hold('jwks');
        const during = post(token);
        await held.arrived;
        await writeKeysFile(KEYS, h.keysFile, {
          issuers: [{ issuer: fresh.issuer, ...changed(fresh) }],
          callers: [caller],
        });
        await h.keys.load();
        held.release();
        expect((await during).statusCode).toBe(401);
        expect((await post(token)).statusCode).toBe(401);
        expect(h.cloud.log).toHaveLength(0);
      } finally {
        await fresh.close();
      }
    },
  );

  it('adds and removes issuers and callers', async () => {
    await start();
    const sre = await idp.sign({ sub: 'bob', aud: AUDIENCE, groups: 'sre-oncall' });
    const ci = await other.sign({ sub: 'repo:acme/infra', aud: AUDIENCE });
    expect((await post(sre)).statusCode).toBe(200);
    expect((await post(ci)).statusCode).toBe(403);
    await writeKeysFile(KEYS, h.keysFile, {
      issuers: [{ issuer: other.issuer, audience: AUDIENCE, jwksUri: other.jwksUri }],
      callers: [{ id: 'ci', issuer: other.issuer, subject: 'repo:acme/infra', projects: ['*'] }],
    });
    await h.keys.load();
    expect(await refusal(sre)).toEqual({ status: 401, message: NOT_ACCEPTED });
    expect((await post(ci)).statusCode).toBe(200);
  });
});

describe('secrets', () => {
  it('never logs a token, accepted or refused, even at trace level', async () => {
    await start({ env: { WKS_PROXY_LOG_LEVEL: 'trace' } });
    const tokens = [
      await idp.sign({ sub: BOT, aud: AUDIENCE }),
      await idp.sign({ sub: BOT, aud: AUDIENCE }, { expiresIn: -120 }),
      await idp.sign({ sub: 'nobody', aud: AUDIENCE }),
      await idp.sign({ sub: BOT, aud: AUDIENCE }, { unpublished: true }),
    ];
    for (const token of tokens) {
      await post(token);
    }
    const logs = h.logs.join('\n');
    expect(logs).toContain('"sub":"system:serviceaccount:ops:logoff-bot"');
    for (const token of tokens) {
      expect(logs).not.toContain(token);
      // Not even its signature alone.
      expect(logs).not.toContain(token.split('.')[2]);
    }
  });
});

describe('the keys file’s issuers and callers', () => {
  const file = (tokens: { issuers?: unknown[]; callers?: unknown[] }) => ({ keys: [], ...tokens });
  const issuer = { issuer: 'https://sso.example.com', audience: AUDIENCE };

  it('accepts https issuers, and http only on loopback', () => {
    expect(
      keysFileProblems(file({ issuers: [issuer, { issuer: 'http://127.0.0.1:9', audience: 'x' }] })),
    ).toEqual([]);
    expect(
      keysFileProblems(file({ issuers: [{ ...issuer, jwksUri: 'http://sso.example.com/jwks' }] })),
    ).toEqual(['issuers[0].jwksUri must be an https URL (http only on loopback)']);
  });

  it('refuses none and HMAC algorithms, names every problem on its own line', () => {
    expect(
      keysFileProblems(
        file({
          issuers: [{ ...issuer, algorithms: ['HS256'] }],
          callers: [
            { id: 'a', issuer: 'https://unknown.example.com', subject: 's', projects: ['*'] },
            { id: 'b', issuer: issuer.issuer, projects: ['*'] },
          ],
        }),
      ),
    ).toEqual([
      expect.stringMatching(
        /^issuers\[0\]\.algorithms\[0\] must be one of RS256, .* \(never none or HS\*\)$/,
      ),
    ]);
    expect(
      keysFileProblems(
        file({
          issuers: [issuer],
          callers: [
            { id: 'a', issuer: 'https://unknown.example.com', subject: 's', projects: ['*'] },
            { id: 'b', issuer: issuer.issuer, projects: ['*'] },
          ],
        }),
      ),
    ).toEqual([
      'callers[0].issuer "https://unknown.example.com" is not one of the issuers',
      'callers[1] must name a subject or claims to match',
    ]);
  });

  it('one id per caller, keys and token callers alike', () => {
    expect(
      keysFileProblems({
        keys: [{ id: 'ops', sha256: 'a'.repeat(64), projects: ['*'] }],
        issuers: [issuer],
        callers: [{ id: 'ops', issuer: issuer.issuer, subject: 's', projects: ['*'] }],
      }),
    ).toEqual(['callers[0].id "ops" is already the id of keys[0]']);
  });
});
