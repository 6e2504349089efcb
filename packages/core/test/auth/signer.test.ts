import { describe, expect, it } from 'vitest';
import { canonicalUri, formatSdkDate, sha256Hex, signRequest, uriEncode } from '../../src/auth/signer.js';
import {
  DOC_KEY,
  docVector,
  GO_KEY,
  goVectors,
  logoffVector,
  officialSdkVector,
} from './fixtures/signing-vectors.js';

describe('signRequest reproduces known-good signatures byte for byte', () => {
  it('the official documentation vector (§4.3)', () => {
    const signed = signRequest(docVector.request, DOC_KEY);
    expect(signed.canonicalRequest).toBe(docVector.canonicalRequest);
    expect(sha256Hex(signed.canonicalRequest)).toBe(docVector.canonicalHash);
    expect(signed.authorization).toBe(docVector.authorization);
  });

  it.each(goVectors)('the Go SDK vector: $name (§4.4)', (vector) => {
    const signed = signRequest(vector.request, GO_KEY, { signedHeaders: ['x-sdk-date'] });
    expect(signed.signedHeaders).toBe('x-sdk-date');
    expect(signed.signature).toBe(vector.signature);
  });

  it('the vector for this API (§4.5)', () => {
    const signed = signRequest(logoffVector.request, DOC_KEY);
    expect(signed.canonicalRequest.split('\n').at(-1)).toBe(logoffVector.payloadHash);
    expect(signed.canonicalRequest.split('\n')[1]).toBe(
      '/v2/2b31ed520a1b4d3cb2c3d4e5f6a7b8c9/desktops/logoff/',
    );
    expect(sha256Hex(signed.canonicalRequest)).toBe(logoffVector.canonicalHash);
    expect(signed.signature).toBe(logoffVector.signature);
  });

  it('the official Node SDK known-answer vector (§4.6)', () => {
    const signed = signRequest(officialSdkVector.request, officialSdkVector.key);
    expect(signed.signedHeaders).toBe(officialSdkVector.signedHeaders);
    expect(signed.signature).toBe(officialSdkVector.signature);
  });
});

describe('signing details', () => {
  it('hashes the exact bytes: one changed byte changes the signature', () => {
    const a = signRequest(logoffVector.request, DOC_KEY);
    const b = signRequest({ ...logoffVector.request, body: `${logoffVector.request.body} ` }, DOC_KEY);
    expect(a.signature).not.toBe(b.signature);
  });

  it('signs a host override instead of the URL host', () => {
    const signed = signRequest(logoffVector.request, DOC_KEY, { host: 'gateway.internal:8443' });
    expect(signed.canonicalRequest).toContain('host:gateway.internal:8443\n');
  });

  it('uses X-Sdk-Content-Sha256: UNSIGNED-PAYLOAD in place of the body hash', () => {
    const signed = signRequest(
      {
        ...logoffVector.request,
        headers: { ...logoffVector.request.headers, 'X-Sdk-Content-Sha256': 'UNSIGNED-PAYLOAD' },
      },
      DOC_KEY,
    );
    expect(signed.canonicalRequest.endsWith('\nUNSIGNED-PAYLOAD')).toBe(true);
  });

  it('signs X-Security-Token when present, and never Authorization', () => {
    const signed = signRequest(
      {
        ...logoffVector.request,
        headers: { ...logoffVector.request.headers, 'X-Security-Token': 'tok', Authorization: 'old' },
      },
      DOC_KEY,
      { signedHeaders: 'all' },
    );
    expect(signed.signedHeaders).toBe('content-type;host;x-sdk-date;x-security-token');
  });

  it('signs the Host header when one is given (a gateway in between), else the URL host', () => {
    const headers = { 'X-Sdk-Date': '20060102T150405Z', Host: 'gateway.example:8443' };
    const viaHeader = signRequest({ method: 'POST', url: 'https://127.0.0.1:9443/p', headers }, DOC_KEY);
    expect(viaHeader.canonicalRequest).toContain('\nhost:gateway.example:8443\n');
    const viaUrl = signRequest(
      {
        method: 'POST',
        url: new URL('https://127.0.0.1:9443/p'),
        headers: { 'X-Sdk-Date': '20060102T150405Z' },
      },
      DOC_KEY,
    );
    expect(viaUrl.canonicalRequest).toContain('\nhost:127.0.0.1:9443\n');
  });

  it('trims header values before signing them', () => {
    const signed = signRequest(
      {
        method: 'GET',
        url: 'https://h/',
        headers: { 'X-Sdk-Date': '  20060102T150405Z ', 'X-Project-Id': ' p1 ' },
      },
      DOC_KEY,
    );
    expect(signed.canonicalRequest).toContain('\nx-project-id:p1\nx-sdk-date:20060102T150405Z\n');
  });

  it('requires X-Sdk-Date', () => {
    expect(() => signRequest({ method: 'GET', url: 'https://h/', headers: {} }, DOC_KEY)).toThrow(
      'X-Sdk-Date',
    );
  });

  it('encodes each path segment per RFC 3986 and adds the trailing slash', () => {
    expect(canonicalUri('/v2/a%20b/caf%C3%A9/x*y')).toBe('/v2/a%20b/caf%C3%A9/x%2Ay/');
    expect(canonicalUri('/')).toBe('/');
    // A segment that is not valid percent-encoding is encoded as it is.
    expect(canonicalUri('/a/%zz/b')).toBe('/a/%25zz/b/');
    expect(uriEncode("!'()*~-._")).toBe('%21%27%28%29%2A~-._');
  });

  it('sorts and encodes the query like the Go SDK vector', () => {
    const url =
      'https://h/p?test=%E4%B8%80%20(%26%3D%3F!%23%25.*)&path=%2Ftmp%2F123&multi=3&multi=1&multi=2&limit=1&enable=true';
    const signed = signRequest({ method: 'GET', url, headers: { 'X-Sdk-Date': '20060102T150405Z' } }, GO_KEY);
    expect(signed.canonicalRequest.split('\n')[2]).toBe(
      'enable=true&limit=1&multi=1&multi=2&multi=3&path=%2Ftmp%2F123&test=%E4%B8%80%20%28%26%3D%3F%21%23%25.%2A%29',
    );
  });

  it('formats X-Sdk-Date in UTC as YYYYMMDDTHHMMSSZ', () => {
    expect(formatSdkDate(new Date('2019-11-15T03:36:55.789Z'))).toBe('20191115T033655Z');
  });
});
