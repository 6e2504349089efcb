// How the proxy asks an identity provider for a document, as a strict provider sees it (it asks for JSON or a JWK
// set), and what the log says of an answer that is not JSON and has no type.
import {
  type IdentityProvider,
  type LocalServer,
  startIdentityProvider,
  startLocalServer,
} from '@wks-logoff/testkit';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { bearer, type Harness, harness, logoffUrl, PROJECT } from '../support/harness.js';

const AUDIENCE = 'wks-logoff-proxy';

let idp: IdentityProvider;
beforeAll(async () => {
  idp = await startIdentityProvider();
});
afterAll(async () => {
  await idp.close();
});

let h: Harness | undefined;
let keys: LocalServer | undefined;
afterEach(async () => {
  await h?.close();
  await keys?.close();
  h = undefined;
  keys = undefined;
});

/** A logoff with a token of `idp`, whose key set is served at `keys` instead; the answer and its log line. */
async function logoffWithKeysAt(server: LocalServer) {
  h = await harness({
    tokens: {
      issuers: [{ issuer: idp.issuer, audience: AUDIENCE, jwksUri: `${server.url}/jwks` }],
      callers: [{ id: 'bot', issuer: idp.issuer, subject: 'bot', projects: ['*'] }],
    },
  });
  const response = await h.app.inject({
    method: 'POST',
    url: logoffUrl(PROJECT),
    headers: { ...bearer(await idp.sign({ sub: 'bot', aud: AUDIENCE })), 'content-type': 'application/json' },
    payload: { desktop_ids: ['d-1'] },
  });
  const failed = h.logs.map((line) => JSON.parse(line)).find((line) => line.msg === 'request failed');
  return { status: response.statusCode, issuerProblem: failed?.issuerProblem };
}

describe('fetching a key set', () => {
  it('asks for JSON or a JWK set: a provider that answers only those accepts the proxy', async () => {
    keys = await startLocalServer(async (request, response) => {
      const accept = String(request.headers.accept ?? '');
      if (!accept.includes('application/json') || !accept.includes('application/jwk-set+json')) {
        response.writeHead(406).end();
        return;
      }
      response.writeHead(200, { 'content-type': 'application/jwk-set+json' });
      response.end(await (await fetch(idp.jwksUri)).text());
    });
    expect(await logoffWithKeysAt(keys)).toEqual({ status: 200, issuerProblem: undefined });
  });

  it('an answer that is not JSON and has no type: the log says so', async () => {
    keys = await startLocalServer((_request, response) => {
      response.writeHead(200);
      response.end('keys');
    });
    expect(await logoffWithKeysAt(keys)).toEqual({
      status: 503,
      issuerProblem: `${keys.url}/jwks did not answer JSON (no type)`,
    });
  });
});
