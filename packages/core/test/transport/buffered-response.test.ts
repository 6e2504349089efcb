// The answers core's transports hand over, read whole up to `maxResponseBytes`: the limit itself is allowed, a
// declared length over it is refused before any of the body is read, and the answer reads as fetch's would.
import { type LocalServer, startLocalServer } from '@wks-logoff/testkit';
import { afterEach, describe, expect, it } from 'vitest';
import { fetchTransport, nodeHttpTransport, type Transport } from '../../src/index.js';
import { undiciTransport } from '../../src/transport/undici.js';

const LIMIT = 100;

let server: LocalServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe.each([
  ['nodeHttpTransport', (maxResponseBytes: number) => nodeHttpTransport({ maxResponseBytes })],
  ['undiciTransport', (maxResponseBytes: number) => undiciTransport({ maxResponseBytes, proxy: {} })],
] as [string, (maxResponseBytes: number) => Transport][])('%s', (_name, makeTransport) => {
  it.for([
    ['declared', true],
    ['chunked', false],
  ] as const)('reads an answer of exactly maxResponseBytes (%s)', async ([_label, declareLength]) => {
    const text = 'x'.repeat(LIMIT);
    server = await startLocalServer((_request, response) => {
      response.writeHead(200, declareLength ? { 'content-length': String(LIMIT) } : {});
      response.end(text);
    });
    const answer = await makeTransport(LIMIT)(new Request(server.url));
    expect(await answer.text()).toBe(text);
  });

  it('refuses an answer one byte over maxResponseBytes, named as oversized', async () => {
    server = await startLocalServer((_request, response) => {
      response.writeHead(200);
      response.end('x'.repeat(LIMIT + 1));
    });
    await expect(makeTransport(LIMIT)(new Request(server.url))).rejects.toMatchObject({
      name: 'WorkspaceNetworkError',
      kind: 'oversized',
      message: `The answer from ${server.url} (HTTP 200) is larger than ${LIMIT} bytes; it was not read.`,
    });
  });

  it('refuses a declared length over the limit without waiting for the body', async () => {
    // Headers that promise more than the limit, then nothing until the client hangs up: a transport that waited
    // for the body would never answer.
    server = await startLocalServer((_request, response, raw) => {
      response.writeHead(502, { 'content-length': String(LIMIT * 10) });
      response.flushHeaders();
      raw.socket.once('close', () => response.destroy());
    });
    await expect(makeTransport(LIMIT)(new Request(server.url))).rejects.toMatchObject({
      kind: 'oversized',
      message: `The answer from ${server.url} (HTTP 502) is larger than ${LIMIT} bytes; it was not read.`,
    });
  });
});

describe.each([
  ['fetchTransport', () => fetchTransport()],
  ['nodeHttpTransport', () => nodeHttpTransport()],
  ['undiciTransport', () => undiciTransport({ proxy: {} })],
] as [string, () => Transport][])('%s', (_name, makeTransport) => {
  it('reads headers as fetch does: a missing one is null, a repeated one joined with ", "', async () => {
    server = await startLocalServer((_request, response) => {
      response.setHeader('x-note', ['first', 'second']);
      response.setHeader('set-cookie', ['a=1', 'b=2']);
      response.writeHead(200, { 'content-length': '0' });
      response.end();
    });
    const answer = await makeTransport()(new Request(server.url));
    expect(answer.headers.get('x-absent')).toBeNull();
    expect(answer.headers.get('X-Note')).toBe('first, second');
    expect(answer.headers.get('set-cookie')).toBe('a=1, b=2');
  });

  it.for([
    [200, true],
    [299, true],
    [300, false],
    [404, false],
  ] as const)('an answer with HTTP %i is ok: %s, as a web Response would say', async ([status, ok]) => {
    server = await startLocalServer((_request, response) => {
      response.writeHead(status, { 'content-length': '0' });
      response.end();
    });
    const answer = await makeTransport()(new Request(server.url, { redirect: 'manual' }));
    expect([answer.status, answer.ok]).toEqual([status, ok]);
  });
});
