// The redirect fault: a 3xx pointing to another origin, which records what a client that follows would send it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type FakeCloud, startFakeCloud } from '../../src/index.js';

let cloud: FakeCloud;
beforeEach(async () => {
  cloud = await startFakeCloud({ projects: { 'cn-north-4': 'p1' } });
});
afterEach(async () => {
  await cloud.close();
});

const logoff = (redirect: RequestRedirect) =>
  fetch(`${cloud.url}/v2/p1/desktops/logoff`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-auth-token': cloud.issueToken('p1') },
    body: '{"desktop_ids":["d-1"]}',
    redirect,
  });

describe('the redirect fault', () => {
  it('answers a 3xx whose Location is the same path at the other origin; nothing is logged off', async () => {
    cloud.inject({ type: 'redirect', status: 307 });
    const response = await logoff('manual');
    expect(response.status).toBe(307);
    expect(response.headers.get('location')).toBe(`${cloud.elsewhere.url}/v2/p1/desktops/logoff`);
    expect(new URL(cloud.elsewhere.url).origin).not.toBe(new URL(cloud.url).origin);
    expect(cloud.loggedOff.size).toBe(0);
    expect(cloud.elsewhere.requests).toEqual([]);
  });

  it('the other origin answers 200 and records what a client that follows carries there', async () => {
    cloud.inject({ type: 'redirect', status: 308 });
    const response = await logoff('follow');
    expect(response.status).toBe(200);
    expect(cloud.elsewhere.requests).toHaveLength(1);
    expect(cloud.elsewhere.requests[0]).toMatchObject({
      method: 'POST',
      url: '/v2/p1/desktops/logoff',
      body: '{"desktop_ids":["d-1"]}',
    });
  });

  it('another success status: answered as given, after the work when asked', async () => {
    cloud.inject({ type: 'other-success', status: 202, when: 'after' });
    const response = await logoff('manual');
    expect(response.status).toBe(202);
    expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f]{32}$/);
    expect(cloud.loggedOff.get('d-1')).toBe(1);
  });
});
