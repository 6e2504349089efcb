// How a run ends: exit 4 whenever every call failed to reach the cloud, at any size; the summary's failures grouped
// by cause, one line each with a count and a few IDs.
import type { FakeCloud } from '@wks-logoff/testkit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { akskEnv, startCloud } from './support/cloud.js';
import { runCli } from './support/run-cli.js';

let cloud: FakeCloud;
beforeEach(async () => {
  cloud = await startCloud();
});
afterEach(async () => {
  await cloud.close();
});

const ids = (n: number) => Array.from({ length: n }, (_, i) => `desk-${String(i).padStart(5, '0')}`);

describe('a cloud that cannot be reached', () => {
  it.each([1, 150])('exit 4 with %i desktops (one call or two), and says so', async (size) => {
    const env = akskEnv(cloud);
    await cloud.close();
    const run = await runCli(['logoff', '--yes', '--rate', '1000', '--max-attempts', '1', ...ids(size)], {
      env,
    });
    expect(run.code).toBe(4);
    expect(run.stdout).toMatch(
      /stopped: the cloud is unreachable: Could not connect to .* \(ECONNREFUSED\); every call failed; re-run once the cloud is reachable/,
    );
    cloud = await startCloud();
  });
});

describe('the summary groups failures by cause', () => {
  it('one line per distinct error, with its count and a few IDs', async () => {
    cloud.setDesktops('busy', ids(20));
    cloud.setDesktops('unknown', ['desk-00020']);
    const summary = await runCli(['logoff', '--yes', '--rate', '1000', ...ids(30)], { env: akskEnv(cloud) });
    expect(summary.code).toBe(1);
    expect(summary.stdout).toContain('9 of 30 desktops logged off');
    const failed = summary.stdout
      .split('\n')
      .filter((line) => line.startsWith('  failed'))
      .sort()
      .reverse();
    // Isolation settles them in its own order: any three of the twenty are named.
    expect(failed).toHaveLength(2);
    expect(failed[0]).toMatch(
      /^ {2}failed {3}20 desktops: 409 WKS\.0407 The desktop is busy\. \(desk-000\d\d, desk-000\d\d, desk-000\d\d, … 17 more\)$/,
    );
    expect(failed[1]).toBe('  failed   1 desktop: 404 WKS.0003 The desktop does not exist. (desk-00020)');
  });
});
