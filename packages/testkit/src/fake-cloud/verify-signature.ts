// The fake cloud's own check of SDK-HMAC-SHA256 signatures, written apart from core's signer so that a bug in
// one is not silently shared by the other: it works from the raw request as received on the wire.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

export interface ParsedAuthorization {
  accessKey: string;
  signedHeaders: string[];
  signature: string;
}

export function parseAuthorization(value: string | undefined): ParsedAuthorization | undefined {
  const match =
    /^SDK-HMAC-SHA256\s+Access=([^,\s]+),\s*SignedHeaders=([^,\s]+),\s*Signature=([0-9a-f]{64})$/.exec(
      value ?? '',
    );
  if (!match) {
    return undefined;
  }
  return {
    accessKey: match[1] as string,
    signedHeaders: (match[2] as string).split(';'),
    signature: match[3] as string,
  };
}

const UNRESERVED = /[A-Za-z0-9\-_.~]/;

function encode(text: string): string {
  let out = '';
  for (const char of text) {
    if (UNRESERVED.test(char)) {
      out += char;
    } else {
      for (const byte of Buffer.from(char, 'utf8')) {
        out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
      }
    }
  }
  return out;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, '%20'));
  } catch {
    return text;
  }
}

/** The canonical request of a received request, per the signing guide. */
function canonicalRequestOf(
  method: string,
  rawUrl: string,
  headers: IncomingHttpHeaders,
  signedHeaders: string[],
  body: Buffer,
): string {
  const [rawPath = '/', rawQuery = ''] = rawUrl.split('?', 2);
  let path = rawPath
    .split('/')
    .map((segment) => encode(safeDecode(segment)))
    .join('/');
  if (!path.endsWith('/')) {
    path += '/';
  }
  const query = rawQuery
    .split('&')
    .filter(Boolean)
    .map((pair) => {
      const [name = '', value = ''] = pair.split('=', 2);
      return `${encode(safeDecode(name))}=${encode(safeDecode(value))}`;
    })
    .sort()
    .join('&');
  const headerBlock = signedHeaders
    .map((name) => {
      const value = headers[name];
      return `${name}:${(Array.isArray(value) ? value.join(',') : (value ?? '')).trim()}\n`;
    })
    .join('');
  const contentHash = headers['x-sdk-content-sha256'];
  const payload =
    typeof contentHash === 'string' ? contentHash : createHash('sha256').update(body).digest('hex');
  return [method, path, query, headerBlock, signedHeaders.join(';'), payload].join('\n');
}

/** Whether the received request carries a valid signature by `secretKey`. */
export function verifySignature(
  method: string,
  rawUrl: string,
  headers: IncomingHttpHeaders,
  body: Buffer,
  parsed: ParsedAuthorization,
  secretKey: string,
): boolean {
  const date = headers['x-sdk-date'];
  if (typeof date !== 'string' || !parsed.signedHeaders.includes('x-sdk-date')) {
    return false;
  }
  const canonical = canonicalRequestOf(method, rawUrl, headers, parsed.signedHeaders, body);
  const stringToSign = `SDK-HMAC-SHA256\n${date}\n${createHash('sha256').update(canonical).digest('hex')}`;
  const expected = createHmac('sha256', secretKey).update(stringToSign).digest();
  const given = Buffer.from(parsed.signature, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** `YYYYMMDDTHHMMSSZ` → epoch ms, or NaN. */
export function parseSdkDate(value: string): number {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (!m) {
    return Number.NaN;
  }
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]));
}
