// How long a connection may hold the proxy, over real sockets: header, body and idle timeouts, early answers that
// close the connection instead of reading the rest of a body, and a cap on concurrent connections.
import { once } from 'node:events';
import type { Server } from 'node:http';
import { connect, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import {
  type Harness,
  harness,
  KEY_ALL,
  KEY_ONE,
  OTHER_PROJECT,
  PROJECT,
  rawRequest,
} from './support/harness.js';
import { specProblems } from './support/spec-responses.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

async function listening(env: Record<string, string>) {
  h = await harness({ env });
  return h.app.listen({ host: '127.0.0.1', port: 0 });
}

const TIMEOUTS = {
  WKS_PROXY_HEADERS_TIMEOUT_MS: '500',
  WKS_PROXY_BODY_TIMEOUT_MS: '1000',
  WKS_PROXY_IDLE_TIMEOUT_MS: '300',
};
const logoffHead = (headers: string[]) =>
  `${[`POST /v2/${PROJECT}/desktops/logoff HTTP/1.1`, 'Host: p', 'Content-Type: application/json', ...headers].join('\r\n')}\r\n\r\n`;

describe('timeouts', () => {
  it('a body that stalls after its headers: 408 in the spec’s shape, then the connection is closed', async () => {
    const url = await listening(TIMEOUTS);
    const answer = await rawRequest(
      url,
      `${logoffHead([`Authorization: Bearer ${KEY_ALL}`, 'Content-Length: 40'])}{"desktop_ids": [`,
      { waitMs: 10_000 },
    );
    expect(answer.status).toBe(408);
    expect(answer.closed).toBe(true);
    expect(specProblems(408, answer.body, answer.headers['content-type'])).toEqual([]);
    expect(JSON.parse(answer.body).error_msg).toBe('The request was not received within 1000 ms.');
    expect(h?.cloud.log).toHaveLength(0);
    // One answer, counted and logged once: no phantom 400 for the body that never came (given time to show).
    await new Promise((resolve) => setTimeout(resolve, 300));
    const metrics = (await h?.app.inject('/metrics'))?.body ?? '';
    expect(metrics).toMatch(/wks_proxy_requests_total\{route="unparsed",method="unknown",status="408"\} 1/);
    expect(metrics).not.toMatch(/wks_proxy_requests_total\{[^}]*status="400"\}/);
    const failures = h?.logs.map((line) => JSON.parse(line)).filter((line) => line.msg === 'request failed');
    expect(failures?.map((line) => line.status)).toEqual([408]);
  });

  it('a client that resets mid-body got no answer, so none is counted or logged', async () => {
    const url = new URL(await listening(TIMEOUTS));
    const socket = connect(Number(url.port), url.hostname);
    await new Promise((resolve) => socket.once('connect', resolve));
    const arrived = once(h?.app.server as Server, 'request');
    socket.write(
      `${logoffHead([`Authorization: Bearer ${KEY_ALL}`, 'Content-Length: 40'])}{"desktop_ids": [`,
    );
    await arrived;
    socket.resetAndDestroy();
    // An absence cannot be awaited: a short grace for a phantom count to show, were there one.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const metrics = (await h?.app.inject('/metrics'))?.body ?? '';
    expect(metrics).not.toMatch(/wks_proxy_requests_total\{[^}]*route="\/v2/);
    expect(h?.logs.map((line) => JSON.parse(line)).filter((line) => line.msg === 'request failed')).toEqual(
      [],
    );
  });

  it('a trickled chunked body, authenticated: cut off at the body timeout with a 408', async () => {
    const url = await listening(TIMEOUTS);
    const answer = await rawRequest(
      url,
      `${logoffHead([`Authorization: Bearer ${KEY_ALL}`, 'Transfer-Encoding: chunked'])}1\r\n{\r\n`,
      { waitMs: 10_000, trickle: { chunk: '1\r\n \r\n', everyMs: 100 } },
    );
    expect(answer.status).toBe(408);
    expect(answer.closed).toBe(true);
  });

  it('headers that stall: 408, then the connection is closed', async () => {
    const url = await listening(TIMEOUTS);
    const answer = await rawRequest(url, `POST /v2/${PROJECT}/desktops/logoff HTTP/1.1\r\nHost: p\r\n`, {
      waitMs: 10_000,
    });
    expect(answer.status).toBe(408);
    expect(answer.closed).toBe(true);
  });

  it('an idle keep-alive connection is closed after the idle timeout', async () => {
    const url = await listening(TIMEOUTS);
    const body = JSON.stringify({ desktop_ids: ['d-1'] });
    const answer = await rawRequest(
      url,
      logoffHead([`Authorization: Bearer ${KEY_ALL}`, `Content-Length: ${body.length}`]) + body,
      { waitMs: 10_000 },
    );
    expect(answer.status).toBe(200);
    expect(answer.headers.connection).toBe('keep-alive');
    expect(answer.closed).toBe(true);
  });
});

describe('early answers close the connection instead of waiting for the rest of the body', () => {
  it.each([
    ['401 (no key)', [], 401],
    ['403 (project not allowed)', [`Authorization: Bearer ${KEY_ONE}`], 403],
  ] as const)('%s while a chunked body trickles in', async (_label, headers, status) => {
    // No body timeout here: the early answer alone must end the connection.
    const url = await listening({});
    const head = logoffHead([...headers, 'Transfer-Encoding: chunked']).replace(PROJECT, OTHER_PROJECT);
    const answer = await rawRequest(url, `${head}1\r\n{\r\n`, {
      waitMs: 5_000,
      trickle: { chunk: '1\r\n \r\n', everyMs: 100 },
    });
    expect(answer.status).toBe(status);
    expect(answer.headers.connection).toBe('close');
    expect(answer.closed).toBe(true);
  });

  it('415 and 413 close the connection too', async () => {
    const url = await listening({ WKS_PROXY_BODY_LIMIT: '1024' });
    const typed = await rawRequest(
      url,
      `${[`POST /v2/${PROJECT}/desktops/logoff HTTP/1.1`, 'Host: p', `Authorization: Bearer ${KEY_ALL}`, 'Content-Type: text/csv', 'Transfer-Encoding: chunked'].join('\r\n')}\r\n\r\n1\r\na\r\n`,
      { waitMs: 5_000, trickle: { chunk: '1\r\na\r\n', everyMs: 100 } },
    );
    expect([typed.status, typed.headers.connection, typed.closed]).toEqual([415, 'close', true]);
    const big = await rawRequest(
      url,
      `${logoffHead([`Authorization: Bearer ${KEY_ALL}`, 'Content-Length: 100000'])}${'x'.repeat(2000)}`,
      { waitMs: 5_000, trickle: { chunk: 'x', everyMs: 100 } },
    );
    expect([big.status, big.headers.connection, big.closed]).toEqual([413, 'close', true]);
  });
});

describe('a cap on concurrent connections', () => {
  it('connections over WKS_PROXY_MAX_CONNECTIONS are closed at once; those within it are served', async () => {
    const url = new URL(await listening({ WKS_PROXY_MAX_CONNECTIONS: '3' }));
    const open = async () => {
      const socket = connect(Number(url.port), url.hostname);
      await new Promise((resolve) => socket.once('connect', resolve));
      return socket;
    };
    const held: Socket[] = [await open(), await open(), await open()];
    const extra = await open();
    const closed = await new Promise<boolean>((resolve) => {
      extra.once('close', () => resolve(true));
      setTimeout(() => resolve(false), 5_000);
    });
    expect(closed).toBe(true);
    for (const socket of held) {
      expect(socket.destroyed).toBe(false);
    }
    for (const socket of held) {
      socket.destroy();
    }
    const metrics = await h?.app.inject('/metrics');
    expect(metrics?.body).toMatch(/wks_proxy_connections_dropped_total 1/);
  });
});
