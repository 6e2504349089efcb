// The fuzz test's requests: fast-check arbitraries over everything a caller controls (method, path and its
// encoding, headers, body and its bytes, framing, credentials), and the raw bytes each one puts on the wire. Each dimension is mostly valid
// and sometimes one mutation away, so that about a quarter of all requests are ones the proxy must forward.
import fc from 'fast-check';

type Framing = 'content-length' | 'chunked' | 'cl+te' | 'double-cl' | 'bad-chunk' | 'short-body';

export interface FuzzRequest {
  method: string;
  path: string;
  headers: [string, string][];
  /** Text, sent as UTF-8; or raw bytes (e.g. not valid UTF-8). */
  body: string | Buffer;
  framing: Framing;
}

export interface FuzzKeys {
  /** A key for every project. */
  all: string;
  /** A key for `project` only. */
  one: string;
  project: string;
  other: string;
  /** A valid token of a configured issuer, for `project` only. */
  token: string;
  /** Tokens that must be refused: expired, signed with an unpublished key, unsigned, tampered, for another audience. */
  forged: string[];
  /** A token of a configured issuer that cannot be reached (503 until it can). */
  unavailable: string;
}

const idChars = fc.constantFrom(...'abcdefABCDEF0123456789-_.:~!$'.split(''));
const validId = fc.oneof(
  { weight: 4, arbitrary: fc.uuid() },
  { weight: 1, arbitrary: fc.string({ unit: idChars, minLength: 1, maxLength: 255 }) },
);
const badId = fc.oneof(
  fc.constantFrom('', 'has space', 'x'.repeat(256), 'dé', 'tab\t', '\u0000\u001b[2J'),
  fc.integer() as fc.Arbitrary<unknown>,
  fc.constant(null),
);
const message = fc.oneof(
  { weight: 8, arbitrary: fc.string({ maxLength: 255 }) },
  { weight: 1, arbitrary: fc.constant(`${'🙂'.repeat(127)}x`) },
  { weight: 1, arbitrary: fc.constant('\u001b]0;pwned\u0007') },
  { weight: 1, arbitrary: fc.constantFrom('🙂'.repeat(128), 'm'.repeat(256)) },
);
const validBody = fc.record(
  { desktop_ids: fc.array(validId, { minLength: 1, maxLength: 100 }), message },
  { requiredKeys: ['desktop_ids'] },
);

/** One mutation of a valid body, by number. */
function mutate(value: { desktop_ids: unknown[]; message?: string }, mutation: number, bad: unknown): string {
  const ids = value.desktop_ids;
  switch (mutation) {
    case 0:
      return JSON.stringify({ message: value.message });
    case 1:
      return JSON.stringify({ ...value, desktop_ids: [] });
    case 2:
      return JSON.stringify({ ...value, desktop_ids: Array.from({ length: 101 }, (_, i) => `d-${i}`) });
    case 3:
      return JSON.stringify({ ...value, desktop_ids: [...ids.slice(1), bad] });
    case 4:
      return JSON.stringify({ ...value, message: 5 });
    case 5:
      return JSON.stringify({ ...value, desktopIds: ids });
    case 6:
      return JSON.stringify([value]);
    case 7:
      return JSON.stringify(value).slice(0, -1);
    case 8:
      return `{"__proto__": {"polluted": true}, "desktop_ids": ${JSON.stringify(ids)}}`;
    case 9:
      return JSON.stringify({ ...value, message: 'x'.repeat(70_000) });
    case 10:
      return `${'['.repeat(2000)}${']'.repeat(2000)}`;
    default:
      return JSON.stringify(value).replace('{', '{"desktop_ids": 1,');
  }
}

/** Bytes that are not UTF-8: a lone continuation byte, a truncated or overlong sequence, a surrogate, Latin-1. */
const notUtf8 = fc.constantFrom([0x80], [0xe2, 0x82], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xe9], [0xff]);

/** A valid body with bytes that are not UTF-8 inside its message (decoded, they would pass the schema). */
const badBytesBody = fc.tuple(validBody, notUtf8).map(([value, bytes]) => {
  const text = JSON.stringify({ ...value, message: '#' });
  const at = text.indexOf('#');
  return Buffer.concat([Buffer.from(text.slice(0, at)), Buffer.from(bytes), Buffer.from(text.slice(at + 1))]);
});

const body: fc.Arbitrary<string | Buffer> = fc.oneof(
  { weight: 12, arbitrary: validBody.map((value) => JSON.stringify(value)) },
  { weight: 1, arbitrary: badBytesBody },
  {
    weight: 5,
    arbitrary: fc
      .tuple(validBody, fc.integer({ min: 0, max: 11 }), badId)
      .map(([value, mutation, bad]) => mutate(value, mutation, bad)),
  },
  { weight: 1, arbitrary: fc.string({ maxLength: 200 }) },
);

function pathArb(keys: FuzzKeys): fc.Arbitrary<string> {
  const project = fc.oneof(
    { weight: 12, arbitrary: fc.constant(keys.project) },
    { weight: 3, arbitrary: fc.constant(keys.other) },
    {
      weight: 2,
      arbitrary: fc.string({
        unit: fc.constantFrom(...'abcXYZ019_-'.split('')),
        minLength: 1,
        maxLength: 300,
      }),
    },
    {
      weight: 2,
      arbitrary: fc.constantFrom(
        '',
        'a.b',
        '..',
        '%2e%2e',
        'a%2Fb',
        'a%00b',
        'a%20b',
        '%F0%9F%99%82',
        'p%zz',
        '%70%31',
        // Decoded, a project the key may use: the path must be taken as sent.
        `%32${keys.project.slice(1)}`,
        'a'.repeat(1100),
        `${keys.project}%0d%0aX-Injected:%201`,
      ),
    },
  );
  const shape = fc.oneof(
    { weight: 30, arbitrary: fc.constant('logoff') },
    {
      weight: 6,
      arbitrary: fc.constantFrom(
        'trailing-slash',
        'extra',
        'case',
        'double-slash',
        'dotdot',
        'root',
        'encoded-path',
      ),
    },
  );
  const query = fc.option(fc.constantFrom('?a=1', '?', '?x=%zz', '?project_id=other'), {
    nil: undefined,
    freq: 4,
  });
  return fc.tuple(project, shape, query).map(([id, kind, search]) => {
    const base = `/v2/${id}/desktops/logoff`;
    const paths: Record<string, string> = {
      logoff: base,
      'trailing-slash': `${base}/`,
      extra: `${base}/more`,
      case: base.toUpperCase(),
      'double-slash': `/${base}`,
      dotdot: `/v2/${id}/../${id}/desktops/logoff`,
      'encoded-path': `/v2/${id}/%64esktops/logoff`,
      root: '/',
    };
    return `${paths[kind]}${search ?? ''}`;
  });
}

function headersArb(keys: FuzzKeys): fc.Arbitrary<[string, string][]> {
  const authorization = fc.oneof(
    { weight: 14, arbitrary: fc.constant(`Bearer ${keys.all}`) },
    { weight: 2, arbitrary: fc.constant(`Bearer ${keys.one}`) },
    { weight: 1, arbitrary: fc.constant(`bearer   ${keys.all}  `) },
    { weight: 3, arbitrary: fc.constant(`Bearer ${keys.token}`) },
    { weight: 1, arbitrary: fc.constant(`Bearer ${keys.unavailable}`) },
    {
      weight: 3,
      arbitrary: fc
        .oneof(
          fc.constantFrom(...keys.forged),
          // Anything of three base64url segments is verified as a token.
          fc
            .tuple(
              fc.base64String({ maxLength: 60 }),
              fc.base64String({ maxLength: 200 }),
              fc.base64String({ maxLength: 90 }),
            )
            .map((parts) => parts.map((part) => part.replace(/[+/=]/g, '') || 'e30').join('.')),
        )
        .map((token) => `Bearer ${token}`),
    },
    {
      weight: 2,
      arbitrary: fc.constantFrom(
        'Bearer wksp_not-a-key',
        'Bearer',
        `Basic ${keys.all}`,
        `Bearer ${keys.all} x`,
      ),
    },
    { weight: 1, arbitrary: fc.constant(undefined) },
  );
  const contentType = fc.oneof(
    { weight: 18, arbitrary: fc.constant('application/json') },
    {
      weight: 3,
      arbitrary: fc.constantFrom(
        'application/json; charset=utf-8',
        'Application/JSON',
        'text/plain',
        'application/xml',
        'application/json-patch+json',
        'multipart/form-data; boundary=x',
        'application/x-www-form-urlencoded',
      ),
    },
    { weight: 1, arbitrary: fc.constant(undefined) },
  );
  const extra = fc.array(
    fc.oneof(
      fc.tuple(
        fc.constant('X-Correlation-Id'),
        fc.string({ unit: fc.constantFrom(...'abc-:._ 09'.split('')), maxLength: 140 }),
      ),
      fc.tuple(fc.constant('X-Forwarded-For'), fc.constant('10.0.0.1')),
      fc.tuple(fc.constant('X-Auth-Token'), fc.constant('forged-token')),
      fc.tuple(fc.constant('Expect'), fc.constant('100-continue')),
      fc.tuple(fc.constant('Connection'), fc.constantFrom('keep-alive', 'upgrade')),
      fc.tuple(fc.constant('Upgrade'), fc.constant('websocket')),
    ),
    { maxLength: 3 },
  );
  // HTTP/1.1 requires Host: now and then it is missing.
  const host = fc.oneof(
    { weight: 30, arbitrary: fc.constant(true) },
    { weight: 1, arbitrary: fc.constant(false) },
  );
  return fc.tuple(host, authorization, contentType, extra).map(([withHost, auth, type, more]) => {
    const headers: [string, string][] = [];
    if (withHost) {
      headers.push(['Host', 'proxy.internal']);
    }
    if (auth !== undefined) {
      headers.push(['Authorization', auth]);
    }
    if (type !== undefined) {
      headers.push(['Content-Type', type]);
    }
    return [...headers, ...more];
  });
}

export function requestArb(keys: FuzzKeys): fc.Arbitrary<FuzzRequest> {
  return fc.record({
    method: fc.oneof(
      { weight: 30, arbitrary: fc.constant('POST') },
      {
        weight: 2,
        arbitrary: fc.constantFrom('GET', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'TRACE', 'HEAD', 'CONNECT'),
      },
    ),
    path: pathArb(keys),
    headers: headersArb(keys),
    body,
    framing: fc.oneof(
      { weight: 20, arbitrary: fc.constant<Framing>('content-length') },
      { weight: 6, arbitrary: fc.constant<Framing>('chunked') },
      { weight: 4, arbitrary: fc.constantFrom<Framing>('cl+te', 'double-cl', 'bad-chunk', 'short-body') },
    ),
  });
}

/** The bytes of a request on the wire, framed as `framing` says. */
export function toWire(request: FuzzRequest): Buffer {
  const body = Buffer.from(request.body);
  const head = [
    `${request.method} ${request.path} HTTP/1.1`,
    ...request.headers.map(([n, v]) => `${n}: ${v}`),
  ];
  const text = (lines: string[], rest: string | Buffer = '') =>
    Buffer.concat([Buffer.from(`${lines.join('\r\n')}\r\n\r\n`), Buffer.from(rest)]);
  const chunked = Buffer.concat([
    Buffer.from(`${body.length.toString(16)}\r\n`),
    body,
    Buffer.from('\r\n0\r\n\r\n'),
  ]);
  switch (request.framing) {
    case 'content-length':
      return text([...head, `Content-Length: ${body.length}`], body);
    case 'chunked':
      return text([...head, 'Transfer-Encoding: chunked'], chunked);
    case 'cl+te':
      return text([...head, `Content-Length: ${body.length}`, 'Transfer-Encoding: chunked'], chunked);
    case 'double-cl':
      return text([...head, `Content-Length: ${body.length}`, `Content-Length: ${body.length + 1}`], body);
    case 'bad-chunk':
      return text([...head, 'Transfer-Encoding: chunked'], Buffer.concat([Buffer.from('zz\r\n'), body]));
    case 'short-body':
      // Promises more than it sends: the proxy must time the body out, not wait forever.
      return text([...head, `Content-Length: ${body.length + 10}`], body);
  }
}
