// Contract: every status the spec declares, produced by the proxy (with the fake cloud's faults) and checked
// against the spec's schemas; and the proxy's outbound requests checked by `prism proxy --errors`.
import { type RunningPrism, startFakeCloud, startPrism } from '@wks-logoff/testkit';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from './budget/support/manual-clock.js';
import {
  bearer,
  type Harness,
  harness,
  KEY_ALL,
  KEY_ONE,
  KEY_SLOW,
  logoffUrl,
  OTHER_PROJECT,
  PROJECT,
  rawRequest,
} from './support/harness.js';
import { declaredStatuses, specProblems } from './support/spec-responses.js';

describe('every declared status, answered by the proxy in the spec’s shape', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await harness({
      env: { WKS_PROXY_HEADERS_TIMEOUT_MS: '300', WKS_PROXY_BODY_TIMEOUT_MS: '600' },
      // It stands still: the 429 case's second request within the key's rate is refused however slow the run.
      budgetClock: new ManualClock(),
    });
  });
  afterAll(async () => {
    await h.close();
  });

  let listening: Promise<string> | undefined;
  const ok = JSON.stringify({ desktop_ids: ['d-1'] });
  interface Case {
    key?: string;
    project?: string;
    payload?: string;
    type?: string;
    fault?: object;
    method?: 'GET';
    /** Raw bytes sent over a real socket (what inject cannot send). */
    raw?: string;
  }
  const cases: Record<string, () => Case> = {
    '200': () => ({}),
    '400': () => ({ payload: '{"desktop_ids": []}' }),
    '401': () => ({ key: 'wksp_nope' }),
    '403': () => ({ key: KEY_ONE, project: OTHER_PROJECT }),
    '404': () => ({ fault: { type: 'status', status: 404, errorCode: 'WKS.0003' } }),
    '405': () => ({ method: 'GET' }),
    '408': () => ({ raw: `POST ${logoffUrl()} HTTP/1.1\r\nHost: p\r\n` }),
    '409': () => ({ fault: { type: 'status', status: 409, errorCode: 'WKS.0407' } }),
    '413': () => ({ payload: JSON.stringify({ desktop_ids: ['d'], message: 'x'.repeat(80_000) }) }),
    '415': () => ({ type: 'application/xml', payload: '<ids/>' }),
    '429': () => ({ key: KEY_SLOW }),
    '431': () => ({
      raw: `POST ${logoffUrl()} HTTP/1.1\r\nHost: p\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`,
    }),
    '500': () => ({ fault: { type: 'status', status: 500, errorCode: 'WKS.0500' } }),
    '502': () => ({ fault: { type: 'reset' } }),
    '503': () => ({ fault: { type: 'status', status: 503, errorCode: 'APIGW.0613' } }),
    '504': () => ({ fault: { type: 'status', status: 504, errorCode: 'APIGW.0201' } }),
  };

  it('the cases cover exactly the statuses the spec declares', () => {
    expect(Object.keys(cases).sort()).toEqual([...declaredStatuses].sort());
  });

  it.each(Object.keys(cases))('%s', async (status) => {
    const c = (cases[status] as () => Case)();
    if (c.raw) {
      listening ??= h.app.listen({ host: '127.0.0.1', port: 0 });
      const answer = await rawRequest(await listening, c.raw);
      expect(answer.status).toBe(Number(status));
      expect(specProblems(Number(status), answer.body, answer.headers['content-type'])).toEqual([]);
      return;
    }
    if (status === '429') {
      await h.app.inject({
        method: 'POST',
        url: logoffUrl(),
        headers: { ...bearer(KEY_SLOW), 'content-type': 'application/json' },
        payload: ok,
      });
    }
    if (c.fault) {
      h.cloud.inject(c.fault as never);
    }
    const response = await h.app.inject({
      method: c.method ?? 'POST',
      url: logoffUrl(c.project ?? PROJECT),
      headers: { ...bearer(c.key ?? KEY_ALL), 'content-type': c.type ?? 'application/json' },
      payload: c.payload ?? ok,
    });
    expect(response.statusCode).toBe(Number(status));
    expect(
      specProblems(response.statusCode, response.body, response.headers['content-type'] as string),
    ).toEqual([]);
  });
});

describe('outbound requests through prism proxy --errors (token auth)', () => {
  let prism: RunningPrism;
  let h: Harness;
  beforeAll(async () => {
    const cloud = await startFakeCloud();
    // Prism validates each request the proxy sends (and each answer) against the spec, then forwards it.
    prism = await startPrism({ mode: 'proxy', upstream: cloud.url });
    h = await harness({
      existingCloud: cloud,
      endpoint: prism.url,
      env: { HUAWEICLOUD_SDK_AK: '', HUAWEICLOUD_SDK_SK: '', WKS_AUTH_TOKEN: cloud.issueToken(PROJECT) },
    });
  });
  afterEach(() => {
    expect(prism.output()).not.toMatch(/Violation|violat/i);
  });
  afterAll(async () => {
    await prism?.stop();
    await h?.close();
  });

  it('forwards valid logoffs with zero violations, and the cloud logs them off', async () => {
    for (const payload of [
      { desktop_ids: ['2a010270-a011-415e-b1cd-3c484c8a8001'] },
      {
        desktop_ids: Array.from({ length: 100 }, (_, i) => `desk-${i}`),
        message: 'Maintenance in 10 minutes 🙂',
      },
    ]) {
      const response = await h.app.inject({
        method: 'POST',
        url: logoffUrl(),
        headers: { ...bearer(KEY_ALL), 'content-type': 'application/json' },
        payload: JSON.stringify(payload),
      });
      expect(response.statusCode).toBe(200);
      expect(response.headers['sl-violations']).toBeUndefined();
    }
    expect(h.cloud.loggedOff.size).toBe(101);
  });
});
