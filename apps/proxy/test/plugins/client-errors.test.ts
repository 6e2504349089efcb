// What only a real socket can send: malformed framing, CONNECT, oversized headers. Every answer is in the spec's
// shapes, with a correlation ID, logged and counted; nothing reaches the cloud.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Harness, harness, KEY_ALL, PROJECT, rawRequest } from '../support/harness.js';
import { specProblems } from '../support/spec-responses.js';

let h: Harness;
let url: string;
beforeEach(async () => {
  h = await harness();
  url = await h.app.listen({ host: '127.0.0.1', port: 0 });
});
afterEach(async () => {
  await h.close();
});

const head = (lines: string[]) => `${lines.join('\r\n')}\r\n\r\n`;
const logoff = `/v2/${PROJECT}/desktops/logoff`;
const auth = `Authorization: Bearer ${KEY_ALL}`;

describe('requests the HTTP parser refuses', () => {
  it.each([
    [
      'a bad chunk size in an authenticated logoff',
      `${head([`POST ${logoff} HTTP/1.1`, 'Host: p', auth, 'Content-Type: application/json', 'Transfer-Encoding: chunked'])}zz\r\n`,
    ],
    ['a space in a header name', head(['POST /x HTTP/1.1', 'Host: p', 'Bad Header: 1'])],
    [
      'Content-Length and Transfer-Encoding',
      head(['POST /x HTTP/1.1', 'Host: p', 'Content-Length: 3', 'Transfer-Encoding: chunked']),
    ],
    ['two Content-Lengths', head(['POST /x HTTP/1.1', 'Host: p', 'Content-Length: 3', 'Content-Length: 4'])],
    ['an unknown method', head(['FROB /x HTTP/1.1', 'Host: p'])],
    ['not HTTP at all', '\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03'],
  ])('%s → 400 in the spec’s shape, logged and counted, and the connection closed', async (_label, text) => {
    const answer = await rawRequest(url, text);
    expect(answer.status).toBe(400);
    expect(answer.closed).toBe(true);
    expect(specProblems(400, answer.body, answer.headers['content-type'])).toEqual([]);
    expect(JSON.parse(answer.body)).toMatchObject({ error_code: 'WKSP.0400' });
    const correlationId = answer.headers['x-correlation-id'];
    expect(correlationId).toMatch(/^[0-9a-f-]{36}$/);
    const logged = h.logs.map((line) => JSON.parse(line)).filter((line) => line.msg === 'request failed');
    expect(logged).toEqual([expect.objectContaining({ status: 400, correlationId })]);
    expect((await h.app.inject('/metrics')).body).toMatch(
      /wks_proxy_requests_total\{route="unparsed",method="unknown",status="400"\} 1/,
    );
    expect(h.cloud.log).toHaveLength(0);
  });

  it('an HTTP/1.1 request without Host → 400 in the spec’s shape (not Node’s bare 400), never forwarded', async () => {
    const body = JSON.stringify({ desktop_ids: ['d-1'] });
    const answer = await rawRequest(
      url,
      `${[`POST ${logoff} HTTP/1.1`, auth, 'Content-Type: application/json', `Content-Length: ${body.length}`].join('\r\n')}\r\n\r\n${body}`,
      { firstAnswer: true },
    );
    expect(answer.status).toBe(400);
    expect(specProblems(400, answer.body, answer.headers['content-type'])).toEqual([]);
    expect(JSON.parse(answer.body)).toMatchObject({
      error_code: 'WKSP.0400',
      error_detail: 'an HTTP/1.1 request needs a Host header',
    });
    expect(answer.headers['x-correlation-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(h.cloud.log).toHaveLength(0);
  });

  it('headers over the limit → 431 in the spec’s shape, and the connection closed', async () => {
    const answer = await rawRequest(
      url,
      head([`POST ${logoff} HTTP/1.1`, 'Host: p', auth, `X-Big: ${'a'.repeat(20_000)}`]),
    );
    expect(answer.status).toBe(431);
    expect(answer.closed).toBe(true);
    expect(specProblems(431, answer.body, answer.headers['content-type'])).toEqual([]);
    expect(JSON.parse(answer.body).error_code).toBe('WKSP.0431');
  });

  it('CONNECT → 405 with Allow: POST in the spec’s shape (not an open relay), and the connection closed', async () => {
    const answer = await rawRequest(
      url,
      head(['CONNECT example.com:443 HTTP/1.1', 'Host: example.com:443', auth]),
    );
    expect(answer.status).toBe(405);
    expect(answer.headers.allow).toBe('POST');
    expect(answer.closed).toBe(true);
    expect(specProblems(405, answer.body, answer.headers['content-type'])).toEqual([]);
    expect(h.cloud.log).toHaveLength(0);
  });
});
