// The client's real requests go through `prism proxy --errors` to a tiny upstream: Prism validates each
// request and response against the spec, so a request the spec does not allow would surface as a violation.
import { type LocalServer, type RunningPrism, startLocalServer, startPrism } from '@wks-logoff/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogoffClient, tokenAuth } from '../src/index.js';
import { PROJECT } from './support/fake-cloud.js';

let upstream: LocalServer;
let prism: RunningPrism;
const responses: Response[] = [];

beforeAll(async () => {
  upstream = await startLocalServer((_request, response) => {
    response.writeHead(200, { 'x-request-id': 'a1b2c3d4e5f60718293a4b5c6d7e8f90', 'content-length': '0' });
    response.end();
  });
  prism = await startPrism({ mode: 'proxy', upstream: upstream.url, errors: true });
});
afterAll(async () => {
  await prism?.stop();
  await upstream?.close();
});

describe('conformance through prism proxy --errors', () => {
  it('sends only requests the spec allows, with zero violations', async () => {
    const client = createLogoffClient({
      endpoint: prism.url,
      projectId: PROJECT,
      auth: tokenAuth('dummy-token'),
      transport: async (request) => {
        const response = await fetch(request);
        responses.push(response.clone());
        return response;
      },
    });
    const bodies = [
      { desktop_ids: ['2a010270-a011-415e-b1cd-3c484c8a8001'] },
      {
        desktop_ids: Array.from({ length: 100 }, (_, i) => `desktop-${i}`),
        message: 'Maintenance in 10 minutes',
      },
      { desktop_ids: ['d'.repeat(255)], message: `${'🙂'.repeat(127)}x` },
    ];
    for (const body of bodies) {
      const result = await client.logoff(body);
      expect(result.requestId).toBe('a1b2c3d4e5f60718293a4b5c6d7e8f90');
    }
    expect(responses.map((response) => response.headers.get('sl-violations'))).toEqual([null, null, null]);
    expect(upstream.requests.map((request) => JSON.parse(request.body))).toEqual(bodies);
    expect(upstream.requests.every((request) => request.url === `/v2/${PROJECT}/desktops/logoff`)).toBe(true);
  });
});
