// IAM password mode under a burst of random project IDs from a `*` key: logins bounded per minute, failures
// remembered, the per-project clients (each with its token provider) bounded by one LRU.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bearer, type Harness, harness, KEY_ALL, logoffUrl, PROJECT } from './support/harness.js';
import { specProblems } from './support/spec-responses.js';

const PASSWORD = 'test-iam-password-do-not-leak';
let h: Harness;
beforeEach(async () => {
  h = await harness({
    cloud: {
      users: [{ domain: 'acme', user: 'ops', password: PASSWORD }],
      projects: { 'cn-north-4': PROJECT },
    },
    iamPassword: true,
    env: { WKS_PROXY_IAM_LOGINS_PER_MINUTE: '20', WKS_PROXY_MAX_PROJECTS: '50' },
  });
});
afterEach(async () => {
  await h.close();
});

const post = (project: string) =>
  h.app.inject({
    method: 'POST',
    url: logoffUrl(project),
    headers: { ...bearer(KEY_ALL), 'content-type': 'application/json' },
    payload: JSON.stringify({ desktop_ids: ['d-1'] }),
  });

describe('a burst of random projects in IAM password mode', () => {
  it('logs in at most WKS_PROXY_IAM_LOGINS_PER_MINUTE times; the rest get 503 with Retry-After; the cache stays bounded', async () => {
    const statuses = new Map<number, number>();
    for (let i = 0; i < 300; i++) {
      const response = await post(`p${String(i).padStart(31, '0')}`);
      statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1);
      expect(
        specProblems(response.statusCode, response.body, response.headers['content-type'] as string),
      ).toEqual([]);
      if (response.statusCode === 503) {
        expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
        expect(response.json().error_msg).toMatch(/^The proxy's IAM login limit is reached/);
      }
    }
    expect(h.cloud.iam.requests).toBe(20);
    expect(Object.fromEntries(statuses)).toEqual({ 400: 20, 503: 280 });
    const metrics = (await h.app.inject('/metrics')).body;
    expect(Number(/^wks_proxy_project_clients (\d+)$/m.exec(metrics)?.[1])).toBeLessThanOrEqual(50);
  });

  it('a project whose login failed is not logged in again for a while; a known one is logged in once', async () => {
    for (let i = 0; i < 5; i++) {
      expect((await post('unknownproject')).statusCode).toBe(400);
    }
    expect(h.cloud.iam.requests).toBe(1);
    await Promise.all(Array.from({ length: 5 }, () => post(PROJECT)));
    expect((await post(PROJECT)).statusCode).toBe(200);
    expect(h.cloud.iam.requests).toBe(2);
    expect(h.cloud.loggedOff.get('d-1')).toBe(6);
  });
});
