// A fake OpenID Connect identity provider on 127.0.0.1, for tests, the demo and benchmarks: a discovery document,
// a key set (JWKS) with keys that can be rotated, and tokens signed with them. It counts the fetches of both, so
// tests can see what a verifier asked for.
import { createServer, type Server } from 'node:http';
import { type CryptoKey, exportJWK, generateKeyPair, type JWK, type JWTPayload, SignJWT } from 'jose';

export type SigningAlgorithm = 'RS256' | 'ES256';

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
}

export interface IdentityProvider {
  /** Its `iss`, also its base URL (discovery is at `<issuer>/.well-known/openid-configuration`). */
  readonly issuer: string;
  readonly jwksUri: string;
  /** Fetches of the key set and of the discovery document so far. */
  readonly fetches: { jwks: number; discovery: number };
  /** A token with these claims (`iss`, `iat` and `exp` filled in unless given). */
  sign(claims: JWTPayload, options?: SignOptions): Promise<string>;
  /** Publishes a new key and signs with it from now on; the old keys stay published. Resolves with its kid. */
  rotate(alg?: SigningAlgorithm): Promise<string>;
  /** The public key (as a JWK) of the current signing key, e.g. to forge an HS256 token with it. */
  currentPublicJwk(): JWK;
  close(): Promise<void>;
}

export interface IdentityProviderOptions {
  /** The algorithm of the first key (default RS256); a key of the other one is published beside it. */
  alg?: SigningAlgorithm;
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
  const server: Server = createServer((request, response) => {
    const send = (body: unknown) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    if (request.url === '/.well-known/openid-configuration') {
      fetches.discovery += 1;
      return send({ issuer, jwks_uri: jwksUri, id_token_signing_alg_values_supported: ['RS256', 'ES256'] });
    }
    if (request.url === '/jwks') {
      fetches.jwks += 1;
      return send({ keys: keys.filter((key) => key.published).map((key) => key.publicJwk) });
    }
    response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const issuer = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const jwksUri = `${issuer}/jwks`;

  return {
    issuer,
    jwksUri,
    fetches,
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
        .setProtectedHeader({ alg: key.alg, kid: signOptions.kid ?? key.kid, typ: 'JWT' })
        .sign(key.privateKey);
    },
    async rotate(alg = current.alg) {
      current = await newKey(alg, true);
      keys.push(current);
      return current.kid;
    },
    currentPublicJwk: () => current.publicJwk,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
