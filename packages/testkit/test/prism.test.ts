import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startLocalServer, startPrism } from '../src/index.js';

describe('startPrism', () => {
  it('serves the spec on a loopback port and stops cleanly', async () => {
    const prism = await startPrism();
    expect(prism.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const response = await fetch(`${prism.url}/v2/p1/desktops/logoff`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-auth-token': 'dummy' },
      body: '{"desktop_ids":["d1"]}',
    });
    expect(response.status).toBe(200);
    await prism.stop();
    await expect(fetch(`${prism.url}/v2/p1/desktops/logoff`, { method: 'POST' })).rejects.toThrow();
  });

  it('fails with Prism’s own words when the spec cannot be loaded', async () => {
    const broken = join(tmpdir(), `wks-broken-${process.pid}.yaml`);
    await writeFile(broken, 'openapi: 3.1.0\npaths: [');
    await expect(startPrism({ spec: broken })).rejects.toThrow(/Prism exited/);
  });

  it('refuses proxy mode without an upstream', async () => {
    await expect(startPrism({ mode: 'proxy' })).rejects.toThrow('proxy mode needs an upstream URL');
  });
});

describe('startLocalServer', () => {
  it('records the exact bytes of each request', async () => {
    const server = await startLocalServer((_request, response) => {
      response.end('ok');
    });
    await fetch(`${server.url}/x`, { method: 'POST', body: '{"a": 1 }' });
    expect(server.requests).toEqual([
      expect.objectContaining({ method: 'POST', url: '/x', body: '{"a": 1 }' }),
    ]);
    await server.close();
  });
});
