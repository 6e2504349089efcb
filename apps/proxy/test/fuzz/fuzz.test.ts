// The proxy under mutated requests: methods, paths and their encodings, headers, bodies and their bytes, framing
// and credentials (keys, tokens valid, forged or of an issuer that cannot be reached), sent raw over real sockets,
// 32 at a time, while the keys file is reloaded now and then. An oracle (oracle.ts) says from the spec and the keys whether each must be
// forwarded. fast-check generates the requests from a seed, so a run is replayable:
//   WKS_FUZZ_SEED=<seed> WKS_FUZZ_REQUESTS=<n> pnpm --filter @wks-logoff/proxy exec vitest run test/fuzz
// and WKS_FUZZ_ONLY=<index> sends only the request a failure names.
import { type IdentityProvider, startIdentityProvider } from '@wks-logoff/testkit';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Harness,
  harness,
  KEY_ALL,
  KEY_ONE,
  OTHER_PROJECT,
  PROJECT,
  rawRequest,
} from '../support/harness.js';
import { declaredStatuses, specProblems } from '../support/spec-responses.js';
import { mayBeUnavailable, mustForward, type OracleContext } from './oracle.js';
import { type FuzzRequest, requestArb, toWire } from './requests.js';

const SEED = Number(process.env.WKS_FUZZ_SEED ?? 20_261_130);
const REQUESTS = Number(process.env.WKS_FUZZ_REQUESTS ?? 2_000);
const ONLY = process.env.WKS_FUZZ_ONLY === undefined ? undefined : Number(process.env.WKS_FUZZ_ONLY);
const IN_FLIGHT = 32;

let h: Harness;
let url: string;
let idp: IdentityProvider;
/** A configured issuer whose key set is larger than any real one: it cannot be used. */
let unusable: IdentityProvider;
const tokens = { valid: '', forged: [] as string[], unavailable: '' };
beforeAll(async () => {
  idp = await startIdentityProvider();
  unusable = await startIdentityProvider();
  unusable.fault('jwks', { type: 'huge', bytes: 2 * 1024 * 1024 });
  const claims = { sub: 'fuzz-bot', aud: 'wks-logoff-proxy' };
  tokens.valid = await idp.sign(claims, { expiresIn: 3600 });
  const [header = '', , signature = ''] = tokens.valid.split('.');
  const unsigned = Buffer.from(JSON.stringify({ alg: 'none' })).toString('base64url');
  const body = Buffer.from(JSON.stringify({ ...claims, iss: idp.issuer, exp: 4e9 })).toString('base64url');
  tokens.forged = [
    await idp.sign(claims, { expiresIn: -60 }),
    await idp.sign(claims, { unpublished: true }),
    await idp.sign({ ...claims, aud: 'another-service' }),
    `${unsigned}.${body}.`,
    `${header}.${body}.${signature}`,
  ];
  tokens.unavailable = await unusable.sign(claims, { expiresIn: 3600 });
  context.keys.set(tokens.valid, [PROJECT]);
  context.unavailable.add(tokens.unavailable);
  // Timeouts short enough that a request whose body never comes (short-body framing) is answered 408 within the
  // run, long enough that a whole request is never taken for one whose body never comes while the suites of every
  // package share the two cores (the proxy's event loop may then wait a second before it reads what arrived).
  h = await harness({
    env: { WKS_PROXY_HEADERS_TIMEOUT_MS: '3000', WKS_PROXY_BODY_TIMEOUT_MS: '4000' },
    // As in production: forged kids must not make the proxy fetch the key set again and again.
    keySets: { cooldownMs: 60_000, timeoutMs: 10_000, maxAgeMs: 600_000 },
    tokens: {
      issuers: [
        { issuer: idp.issuer, audience: 'wks-logoff-proxy', jwksUri: idp.jwksUri },
        { issuer: unusable.issuer, audience: 'wks-logoff-proxy', jwksUri: unusable.jwksUri },
      ],
      callers: [
        { id: 'fuzz-bot', issuer: idp.issuer, subject: 'fuzz-bot', projects: [PROJECT] },
        { id: 'fuzz-bot-2', issuer: unusable.issuer, subject: 'fuzz-bot', projects: [PROJECT] },
      ],
    },
  });
  url = await h.app.listen({ host: '127.0.0.1', port: 0 });
});
afterAll(async () => {
  await h.close();
  await idp.close();
  await unusable.close();
});

/** Credentials (keys, and the valid token) → the projects they may use. */
const context: OracleContext = {
  keys: new Map([
    [KEY_ALL, ['*']],
    [KEY_ONE, [PROJECT]],
  ]),
  bodyLimit: 65_536,
  unavailable: new Set(),
};
const declared = new Set(declaredStatuses.map(Number));

/** What is wrong with the proxy's answer to one request, or [] when it is right. */
async function problemsWith(request: FuzzRequest, index: number): Promise<string[]> {
  const head = request.method === 'HEAD';
  const answer = await rawRequest(url, toWire(request), { waitMs: 15_000, firstAnswer: true, head });
  const forward = mustForward(request, context);
  const status = answer.status ?? 0;
  const problems: string[] = [];
  if (!answer.status) {
    problems.push('no answer');
  }
  const unavailable = status === 503 && mayBeUnavailable(request, context);
  if (status >= 500 && !unavailable) {
    problems.push(`answered ${status}`);
  }
  if (forward && status !== 200) {
    problems.push(`a request the spec allows was answered ${status}`);
  }
  if (!forward && (status < 400 || (status >= 500 && !unavailable))) {
    problems.push(`an invalid request was answered ${status}`);
  }
  if (answer.status && !declared.has(status)) {
    problems.push(`status ${status} is not declared by the spec`);
  }
  if (!answer.headers['x-correlation-id']) {
    problems.push('no X-Correlation-Id');
  }
  if (!head) {
    problems.push(...specProblems(status, answer.body, answer.headers['content-type']));
  }
  const sent = JSON.stringify(toWire(request).toString('latin1').slice(0, 400));
  return problems.map((problem) => `request ${index}: ${problem}; sent ${sent}`);
}

/** Runs `work` over `items`, `limit` at a time. */
async function pool<T, R>(
  items: T[],
  limit: number,
  work: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: limit }, worker));
  return results;
}

describe('fuzz: mutated requests', () => {
  it(`${REQUESTS} requests (seed ${SEED}): no 5xx, nothing invalid forwarded, every answer in the spec’s shapes`, async () => {
    const generated = fc.sample(
      requestArb({
        all: KEY_ALL,
        one: KEY_ONE,
        project: PROJECT,
        other: OTHER_PROJECT,
        token: tokens.valid,
        forged: tokens.forged,
        unavailable: tokens.unavailable,
      }),
      {
        seed: SEED,
        numRuns: REQUESTS,
      },
    );
    const chosen =
      ONLY === undefined
        ? generated.map((request, index) => ({ request, index }))
        : [{ request: generated[ONLY] as FuzzRequest, index: ONLY }];
    // Reloads land among the requests (the same file: the oracle stays true), some while tokens are being checked.
    const reloads: Promise<void>[] = [];
    const problems = (
      await pool(chosen, IN_FLIGHT, ({ request, index }) => {
        if (index % 100 === 50) {
          reloads.push(h.keys.load());
        }
        return problemsWith(request, index);
      })
    ).flat();
    await Promise.all(reloads);
    expect(problems).toEqual([]);
    // The cloud received exactly the requests the spec allows, and found every one of them valid.
    const allowed = chosen.filter(({ request }) => mustForward(request, context)).length;
    expect(h.cloud.log).toHaveLength(allowed);
    expect(h.cloud.log.filter((record) => record.status !== 200)).toEqual([]);
    if (ONLY === undefined) {
      // Both kinds were exercised.
      expect(allowed).toBeGreaterThan(REQUESTS / 10);
      expect(REQUESTS - allowed).toBeGreaterThan(REQUESTS / 2);
    }
    // And the proxy is still up.
    expect((await h.app.inject('/healthz')).statusCode).toBe(200);
    // CPU-bound (thousands of requests, hundreds of signatures checked): when the packages' suites share the two
    // cores it needs more than the default timeout, though it asserts nothing about time.
  }, 240_000);
});
