// The client's contract with a custom Auth: it sees the exact body that is sent, with every transport.
import { createHash } from 'node:crypto';
import { startLocalServer } from '@wks-logoff/testkit';
import { describe, expect, it } from 'vitest';
import {
  type Auth,
  CLIENT_DEFAULTS,
  createLogoffClient,
  nodeHttpTransport,
  type Transport,
} from '../../src/index.js';
import { PROJECT } from '../support/fake-cloud.js';

const body = { desktop_ids: ['d-1', 'd-2'], message: 'Maintenance in 10 minutes' };

describe('custom Auth', () => {
  it.each([
    ['the default transport (fetch)', undefined],
    ['node:http', nodeHttpTransport()],
    ['a custom fetch (a web Request)', (async (request: Request) => fetch(request)) as Transport],
  ] as [string, Transport | undefined][])(
    'receives the exact body that is sent, and sets headers in place: %s',
    async (_label, transport) => {
      const server = await startLocalServer((_request, response) => {
        response.writeHead(200, { 'content-length': '0' });
        response.end();
      });
      try {
        const signing: Auth = {
          scheme: 'custom',
          authorize(request) {
            request.headers.set(
              'X-Body-Sha256',
              createHash('sha256')
                .update(request.body ?? '')
                .digest('hex'),
            );
          },
        };
        const client = createLogoffClient({
          endpoint: server.url,
          projectId: PROJECT,
          auth: signing,
          transport,
        });
        await client.logoff(body);
        const [received] = server.requests;
        expect(received?.body).toBe(JSON.stringify(body));
        expect(received?.headers['x-body-sha256']).toBe(
          createHash('sha256').update(JSON.stringify(body)).digest('hex'),
        );
      } finally {
        await server.close();
      }
    },
  );
});

describe('options left undefined', () => {
  it('keep their defaults, as if they were not given', () => {
    const client = createLogoffClient({
      endpoint: 'http://127.0.0.1:9',
      projectId: PROJECT,
      auth: { scheme: 'custom', authorize() {} },
      transport: undefined,
      timeoutMs: undefined,
      retry: { maxAttempts: undefined },
    });
    expect(client.retryPolicy).toEqual(CLIENT_DEFAULTS.retry);
  });
});
