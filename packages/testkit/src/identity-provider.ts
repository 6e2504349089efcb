// A fake OpenID Connect identity provider on 127.0.0.1, for tests, the demo and benchmarks: a discovery document,
// a key set (JWKS) with keys that can be rotated in and out, and tokens signed with them. It counts the fetches
// of both, so tests can see what a verifier asked for, and misbehaves on demand (an error status, a redirect, an
// HTML page, a huge or a never-ending answer, a discovery document that lies), or holds an answer until a test
// lets it go.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { type CryptoKey, exportJWK, generateKeyPair, type JWK, type JWTPayload, SignJWT } from 'jose';
import type { TlsCertificate } from './tls-certificate.js';

export type SigningAlgorithm = 'RS256' | 'ES256';

/** The two documents a verifier fetches. */
export type IdentityProviderEndpoint = 'discovery' | 'jwks';

/** How an endpoint misbehaves, until the fault is cleared. */
export type IdentityProviderFault =
  /** This status (e.g. 500 or 404), with this body (default empty) and content type (default text/plain). */
  | { type: 'status'; status: number; body?: string; contentType?: string }
  /** A redirect (default 302) to `location`. */
  | { type: 'redirect'; location: string; status?: number }
  /** 200 with an HTML page (a login page, a captive portal). */
  | { type: 'html' }
  /** 200 with the real document, padded with whitespace to `bytes` (still valid JSON). */
  | { type: 'huge'; bytes: number }
  /** The request is taken and never answered. */
  | { type: 'slow' };

interface SigningKey {
  kid: string;
  alg: SigningAlgorithm;
  privateKey: CryptoKey;
  publicJwk: JWK;
  published: boolean;
}

export interface SignOptions {
  /** The algorithm of the key to sign with (default: the current key's). */
  alg?: SigningAlgorithm;
  /** A key the provider does not publish (an attacker's), instead of a published one. */
  unpublished?: boolean;
  /** Seconds from now until `exp` (default 600; negative for an expired token). */
  expiresIn?: number;
  /** Seconds from now of `iat` (default 0). */
  issuedAt?: number;
  /** A `kid` header of this value instead of the key's own. */
  kid?: string;
  /** No `kid` header at all (allowed by RFC 7515; common with providers that publish one key per algorithm). */
  withoutKid?: boolean;
}

/** An answer held back: `arrived` resolves when the request has come, `release` lets the answer go. */
export interface HeldAnswer {
  arrived: Promise<void>;
  release(): void;
}

export interface IdentityProvider {
  /** Its `iss`, also its base URL (discovery is at `<issuer>/.well-known/openid-configuration`). */
  readonly issuer: string;
  readonly jwksUri: string;
  /** Fetches of the key set and of the discovery document so far (faulty answers included). */
  readonly fetches: { jwks: number; discovery: number };
  /** The `kid` of the key tokens are signed with now. */
  readonly currentKid: string;
  /** A token with these claims (`iss`, `iat` and `exp` filled in unless given). */
  sign(claims: JWTPayload, options?: SignOptions): Promise<string>;
  /** Publishes a new key and signs with it from now on; the old keys stay published. Resolves with its kid. */
  rotate(alg?: SigningAlgorithm): Promise<string>;
  /** Stops publishing a key (rotated out): tokens signed with it must no longer be accepted. */
  unpublish(kid: string): void;
  /** The public key (as a JWK) of the current signing key, e.g. to forge an HS256 token with it. */
  currentPublicJwk(): JWK;
  /** Answers `endpoint` with `fault` from now on; `undefined` answers normally again. */
  fault(endpoint: IdentityProviderEndpoint, fault: IdentityProviderFault | undefined): void;
  /** Holds the next answer of `endpoint` until released. */
  hold(endpoint: IdentityProviderEndpoint): HeldAnswer;
  /** Fields of the discovery document replaced (e.g. another `issuer`, an http `jwks_uri`). */
  overrideDiscovery(fields: Record<string, unknown>): void;
  close(): Promise<void>;
}

export interface IdentityProviderOptions {
  /** The algorithm of the first key (default RS256); a key of the other one is published beside it. */
  alg?: SigningAlgorithm;
  /** Serve https with this certificate (see selfSignedCertificate); the issuer is then `https://127.0.0.1:<port>`. */
  tls?: TlsCertificate;
}

let kids = 0;

async function newKey(alg: SigningAlgorithm, published: boolean): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
  const kid = `test-${alg.toLowerCase()}-${++kids}`;
  return {
    kid,
    alg,
    privateKey,
    publicJwk: { ...(await exportJWK(publicKey)), kid, alg, use: 'sig' },
    published,
  };
}

const HTML_PAGE = '<!doctype html><html><head><title>Sign in</title></head><body>Sign in</body></html>';

/** Writes `body` as the answer, or the fault's answer instead. */
function answer(response: ServerResponse, body: unknown, fault: IdentityProviderFault | undefined): void {
  // A verifier that gives up (a timeout, a cap on the size) resets the connection: not this server's problem.
  response.on('error', () => {});
  switch (fault?.type) {
    case undefined:
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
      return;
    case 'status':
      response.writeHead(fault.status, { 'content-type': fault.contentType ?? 'text/plain' });
      response.end(fault.body ?? '');
      return;
    case 'redirect':
      response.writeHead(fault.status ?? 302, { location: fault.location });
      response.end();
      return;
    case 'html':
      response.writeHead(200, { 'content-type': 'text/html' });
      response.end(HTML_PAGE);
      return;
    case 'huge': {
      const text = JSON.stringify(body);
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(text + ' '.repeat(Math.max(0, fault.bytes - Buffer.byteLength(text))));
      return;
    }
    case 'slow':
      return;
  }
}

export async function startIdentityProvider(
  options: IdentityProviderOptions = {},
): Promise<IdentityProvider> {
  const first = options.alg ?? 'RS256';
  const keys: SigningKey[] = [
    await newKey(first, true),
    await newKey(first === 'RS256' ? 'ES256' : 'RS256', true),
  ];
  let current = keys[0] as SigningKey;
  const fetches = { jwks: 0, discovery: 0 };
  const faults: Partial<Record<IdentityProviderEndpoint, IdentityProviderFault>> = {};
  const held: Partial<Record<IdentityProviderEndpoint, { arrived: () => void; released: Promise<void> }>> =
    {};
  let discoveryOverrides: Record<string, unknown> = {};
  const documents: Record<string, [IdentityProviderEndpoint, () => unknown]> = {
    '/.well-known/openid-configuration': [
      'discovery',
      () => ({
        issuer,
        jwks_uri: jwksUri,
        id_token_signing_alg_values_supported: ['RS256', 'ES256'],
        ...discoveryOverrides,
      }),
    ],
    '/jwks': ['jwks', () => ({ keys: keys.filter((key) => key.published).map((key) => key.publicJwk) })],
  };
  const serve = (request: IncomingMessage, response: ServerResponse) => {
    const document = documents[request.url ?? ''];
    if (!document) {
      response.writeHead(404).end();
      return;
    }
    const [endpoint, body] = document;
    fetches[endpoint] += 1;
    const hold = held[endpoint];
    if (!hold) {
      answer(response, body(), faults[endpoint]);
      return;
    }
    delete held[endpoint];
    hold.arrived();
    // The document as it is when the answer is let go (a test may rotate keys meanwhile).
    void hold.released.then(() => answer(response, body(), faults[endpoint]));
  };
  const server: Server = options.tls ? createHttpsServer(options.tls, serve) : createServer(serve);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const scheme = options.tls ? 'https' : 'http';
  const issuer = `${scheme}://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const jwksUri = `${issuer}/jwks`;

  return {
    issuer,
    jwksUri,
    fetches,
    get currentKid() {
      return current.kid;
    },
    async sign(claims, signOptions = {}) {
      const key = signOptions.unpublished
        ? await newKey(signOptions.alg ?? current.alg, false)
        : signOptions.alg && signOptions.alg !== current.alg
          ? (keys.find((k) => k.alg === signOptions.alg && k.published) as SigningKey)
          : current;
      const now = Math.floor(Date.now() / 1000);
      return new SignJWT({
        iss: issuer,
        iat: now + (signOptions.issuedAt ?? 0),
        exp: now + (signOptions.expiresIn ?? 600),
        ...claims,
      })
        .setProtectedHeader({
          alg: key.alg,
          ...(signOptions.withoutKid ? {} : { kid: signOptions.kid ?? key.kid }),
          typ: 'JWT',
        })
        .sign(key.privateKey);
    },
    async rotate(alg = current.alg) {
      current = await newKey(alg, true);
      keys.push(current);
      return current.kid;
    },
    unpublish(kid) {
      for (const key of keys) {
        if (key.kid === kid) {
          key.published = false;
        }
      }
    },
    currentPublicJwk: () => current.publicJwk,
    fault(endpoint, fault) {
      if (fault) {
        faults[endpoint] = fault;
      } else {
        delete faults[endpoint];
      }
    },
    hold(endpoint) {
      let arrived = () => {};
      let release = () => {};
      const arrival = new Promise<void>((resolve) => {
        arrived = resolve;
      });
      const released = new Promise<void>((resolve) => {
        release = resolve;
      });
      held[endpoint] = { arrived, released };
      return { arrived: arrival, release };
    },
    overrideDiscovery(fields) {
      discoveryOverrides = { ...fields };
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
