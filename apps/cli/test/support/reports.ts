// Real reports for unit tests, made by core's logoffMany with a client that answers without a network: the IDs
// in `fail` get a 404, the rest are logged off.
import { type LogoffClient, type LogoffReport, logoffMany, WorkspaceApiError } from '@wks-logoff/core';

export async function reportOf(ids: string[], fail: readonly string[] = []): Promise<LogoffReport> {
  const client: LogoffClient = {
    endpoint: 'https://workspace.test',
    projectId: '2b31ed520a1b4d3cb2c3d4e5f6a7b8c9',
    retryPolicy: {
      maxAttempts: 1,
      baseDelayMs: 0,
      maxDelayMs: 0,
      throttleBaseDelayMs: 0,
      retryServerErrors: false,
      retryUncertain: false,
    },
    async logoff(body) {
      if (body.desktop_ids.some((id) => fail.includes(id))) {
        throw new WorkspaceApiError({
          status: 404,
          source: 'service',
          errorCode: 'WKS.0404',
          errorMsg: 'desktop not found',
        });
      }
      return { status: 200, attempts: 1, requestId: 'req-1', uncertain: false };
    },
  };
  return logoffMany(client, ids, { message: 'maintenance', chunkSize: 1, ratePerSecond: 1000 });
}
