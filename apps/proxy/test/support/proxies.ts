// Proxy processes (the built bin, as operators run it) in front of one fake cloud, and callers that send batches
// through them with core's bearerAuth, as the CLI's --proxy-url does.
import {
  type BatchOptions,
  bearerAuth,
  createLogoffClient,
  type LogoffReport,
  logoffMany,
} from '@wks-logoff/core';
import type { FakeCloud } from '@wks-logoff/testkit';
import { AK, PROJECT, SK } from './harness.js';
import { type Running, start } from './run-bin.js';

/** Starts `count` proxies with the same settings; resolves once each listens. */
export async function startProxies(
  count: number,
  cloud: FakeCloud,
  keysFile: string,
  env: Record<string, string>,
): Promise<Running[]> {
  return Promise.all(
    Array.from({ length: count }, async () => {
      const running = start({
        WKS_PROXY_PORT: '0',
        WKS_PROXY_KEYS_FILE: keysFile,
        WKS_ENDPOINT: cloud.url,
        HUAWEICLOUD_SDK_AK: AK,
        HUAWEICLOUD_SDK_SK: SK,
        ...env,
      });
      running.url = (await running.output(/Server listening at (http:\/\/127\.0\.0\.1:\d+)/))[1] ?? '';
      return running;
    }),
  );
}

/** `count` desktop IDs, distinct per caller. */
export const desktops = (caller: string, count: number) =>
  Array.from({ length: count }, (_, i) => `${caller}-desktop-${String(i).padStart(4, '0')}`);

/** One caller's batch through a proxy, one ID per request (so every ID is one upstream call). */
export function batchThrough(
  url: string,
  key: string,
  ids: string[],
  options: BatchOptions = {},
): Promise<LogoffReport> {
  const client = createLogoffClient({ endpoint: url, projectId: PROJECT, auth: bearerAuth(key) });
  return logoffMany(client, ids, { chunkSize: 1, ...options });
}

/** The fake cloud's answers, counted by status. */
export function cloudStatuses(cloud: FakeCloud): Record<number, number> {
  const counts: Record<number, number> = {};
  for (const record of cloud.log) {
    counts[record.status] = (counts[record.status] ?? 0) + 1;
  }
  return counts;
}
