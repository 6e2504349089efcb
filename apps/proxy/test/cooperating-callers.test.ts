// Callers through the proxy (core's bearerAuth, as the CLI's --proxy-url) rely on the proxy's pacing: their own
// default rate does not hold them back, they come back when the proxy's 429 says (Retry-After), and nothing is
// lost. Against a real proxy process with a small budget; counts only.
import { type FakeCloud, startFakeCloud } from '@wks-logoff/testkit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AK, KEY_ALL, KEY_ONE, KEYS, SK, writeKeysFile } from './support/harness.js';
import { batchThrough, cloudStatuses, desktops, startProxies } from './support/proxies.js';
import type { Running } from './support/run-bin.js';

let cloud: FakeCloud;
let proxies: Running[] = [];
beforeEach(async () => {
  // The cloud's quota, twice the proxy's budget: it counts arrivals in fixed one-second windows, and a loaded
  // machine may deliver a second's worth of the proxy's paced calls late, together with the next second's. Callers
  // not paced by the proxy (two batches of eight at a time) would still send far more.
  cloud = await startFakeCloud({ keys: { [AK]: SK }, ratePerSecond: 40 });
});
afterEach(async () => {
  for (const proxy of proxies) {
    proxy.child.kill('SIGKILL');
  }
  proxies = [];
  await cloud.close();
});

describe('callers that cooperate with the proxy', () => {
  it('two batches with no --rate go at the proxy’s pace, honour its 429s, and every ID succeeds without a cloud 429', async () => {
    // 20 requests a second upstream, and a queue of 300 ms: 16 requests at once overflow it.
    proxies = await startProxies(1, cloud, await writeKeysFile(KEYS), {
      WKS_PROXY_UPSTREAM_RATE: '20',
      WKS_PROXY_QUEUE_WAIT_MS: '300',
    });
    const url = proxies[0]?.url ?? '';
    // At core's own default (1.5 requests/s) 50 calls would take over 30 s: past the test's timeout.
    const reports = await Promise.all([
      batchThrough(url, KEY_ALL, desktops('a', 50), { concurrency: 8 }),
      batchThrough(url, KEY_ONE, desktops('b', 50), { concurrency: 8 }),
    ]);
    for (const report of reports) {
      expect(report.totals).toMatchObject({ succeeded: 50, failed: 0, skipped: 0 });
    }
    expect(cloud.loggedOff.size).toBe(100);
    expect(cloudStatuses(cloud)[429]).toBeUndefined();
    const metrics = await (await fetch(`${url}/metrics`)).text();
    // The proxy refused some (its queue was full) and the callers came back: nothing lost.
    expect(metrics).toMatch(
      /wks_proxy_budget_admissions_total\{caller="ops-all",result="queue-full"\} [1-9]/,
    );
  });

  it('an explicit rate is kept: the proxy’s queue never fills', async () => {
    proxies = await startProxies(1, cloud, await writeKeysFile(KEYS), {
      WKS_PROXY_UPSTREAM_RATE: '20',
      WKS_PROXY_QUEUE_WAIT_MS: '300',
    });
    const url = proxies[0]?.url ?? '';
    const report = await batchThrough(url, KEY_ALL, desktops('a', 10), { concurrency: 8, ratePerSecond: 5 });
    expect(report.totals).toMatchObject({ succeeded: 10, failed: 0 });
    const metrics = await (await fetch(`${url}/metrics`)).text();
    expect(metrics).toContain('wks_proxy_budget_admissions_total{caller="ops-all",result="admitted"} 10');
    expect(metrics).not.toContain('result="queue-full"');
  });
});
