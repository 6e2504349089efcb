// The batch's pace when the caller sets none: core's default for the cloud, none for a client of the wks-logoff
// proxy (bearerAuth), which paces every caller itself; an explicit rate is kept either way. Read from what
// onProgress reports (the pace a terminal shows).
import { describe, expect, it } from 'vitest';
import {
  type Auth,
  BATCH_DEFAULTS,
  type BatchOptions,
  bearerAuth,
  createLogoffClient,
  logoffMany,
  tokenAuth,
} from '../../src/index.js';

const PROJECT = '2b31ed520a1b4d3cb2c3d4e5f6a7b8c9';

/** The rates onProgress reported over a two-call batch through a transport that accepts everything. */
async function reportedRates(auth: Auth, options: BatchOptions = {}): Promise<number[]> {
  const client = createLogoffClient({
    endpoint: 'http://127.0.0.1:9',
    projectId: PROJECT,
    auth,
    transport: async () => new Response(null, { status: 200 }),
  });
  const rates: number[] = [];
  const report = await logoffMany(client, ['desk-1', 'desk-2'], {
    chunkSize: 1,
    ...options,
    onProgress: (progress) => rates.push(progress.ratePerSecond),
  });
  expect(report.totals.succeeded).toBe(2);
  return rates;
}

describe('the default rate of a batch', () => {
  it('a client of the proxy (bearerAuth) is not paced by core: the proxy paces it', async () => {
    expect(await reportedRates(bearerAuth('wksp_key-do-not-leak'))).toEqual([
      Number.POSITIVE_INFINITY,
      Number.POSITIVE_INFINITY,
    ]);
  });

  it('a client of the cloud keeps core’s default rate', async () => {
    const rates = await reportedRates(tokenAuth('token-do-not-leak'));
    expect(rates).toEqual([BATCH_DEFAULTS.ratePerSecond, BATCH_DEFAULTS.ratePerSecond]);
  });

  it('a client says which Auth it uses', () => {
    const proxied = createLogoffClient({
      endpoint: 'http://127.0.0.1:9',
      projectId: PROJECT,
      auth: bearerAuth('wksp_key-do-not-leak'),
    });
    expect(proxied.authScheme).toBe('bearer');
  });

  it('an explicit rate is kept for a client of the proxy', async () => {
    expect(await reportedRates(bearerAuth('wksp_key-do-not-leak'), { ratePerSecond: 50 })).toEqual([50, 50]);
  });
});
