// A request whose server never answers ends at its timeout even when nothing but the transport holds it and the
// garbage collector runs meanwhile: Node's Request links its signal to the caller's through the Request itself
// (nodejs/node#55428), and a transport that kept only `request.signal` waited forever.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchTransport, nodeHttpTransport, type Transport } from '../../src/index.js';
import { undiciTransport } from '../../src/transport/undici.js';

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

let server: Server;
let url: string;
beforeAll(async () => {
  server = createServer(() => {
    // Never answers.
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

/** Sends a request that nothing but the transport holds, and collects garbage until it settles. */
async function sendUnheld(transport: Transport): Promise<unknown> {
  const sent = transport(new Request(url, { signal: AbortSignal.timeout(200) })).then(
    () => 'answered',
    (error: unknown) => error,
  );
  let settled: unknown;
  void sent.then((outcome) => {
    settled = outcome;
  });
  while (settled === undefined) {
    collectGarbage();
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return settled;
}

describe.each([
  ['fetchTransport', () => fetchTransport()],
  ['undiciTransport', () => undiciTransport({ proxy: {} })],
  ['nodeHttpTransport', () => nodeHttpTransport()],
] as [string, () => Transport][])('%s', (_name, makeTransport) => {
  it('ends a request at its timeout though the Request was collected', async () => {
    expect(await sendUnheld(makeTransport())).toMatchObject({ name: 'TimeoutError' });
  }, 20_000);
});
