// Every rule of the proxy, through fastify's inject, in front of the fake cloud.
import { undiciTransport } from '@wks-logoff/core/undici';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from './budget/support/manual-clock.js';
import {
  bearer,
  type Harness,
  harness,
  KEY_ALL,
  KEY_ONE,
  KEY_SLOW,
  KEYS,
  logoffUrl,
  OTHER_PROJECT,
  PROJECT,
  SK,
  writeKeysFile,
} from './support/harness.js';
import { specProblems } from './support/spec-responses.js';

let h: Harness;
beforeEach(async () => {
  // The budget's clock stands still: a key's second request within its rate is refused however slow the run.
  h = await harness({ budgetClock: new ManualClock() });
});
afterEach(async () => {
  await h.close();
});

const body = { desktop_ids: ['d-1', 'd-2'], message: 'Maintenance in 10 minutes' };

async function post(
  options: { key?: string; project?: string; payload?: unknown; headers?: Record<string, string> } = {},
) {
  const response = await h.app.inject({
    method: 'POST',
    url: logoffUrl(options.project),
    headers: {
      'content-type': 'application/json',
      ...(options.key === '' ? {} : bearer(options.key ?? KEY_ALL)),
      ...options.headers,
    },
    payload: typeof options.payload === 'string' ? options.payload : JSON.stringify(options.payload ?? body),
  });
  expect(
    specProblems(response.statusCode, response.body, response.headers['content-type'] as string | undefined),
  ).toEqual([]);
  return response;
}

describe('forwarding', () => {
  it('logs off through core with the proxy’s own AK/SK; the caller’s key is never forwarded', async () => {
    const response = await post();
    expect(response.statusCode).toBe(200);
    expect(response.body).toBe('');
    expect(response.headers['x-request-id']).toBe(h.cloud.log[0]?.requestId);
    expect(Object.fromEntries(h.cloud.loggedOff)).toEqual({ 'd-1': 1, 'd-2': 1 });
    expect(h.cloud.messages).toEqual(['Maintenance in 10 minutes']);
  });

  it('echoes a caller’s X-Correlation-Id, or makes one, on every answer', async () => {
    const given = await post({ headers: { 'x-correlation-id': 'ticket-4711' } });
    expect(given.headers['x-correlation-id']).toBe('ticket-4711');
    const made = await post({ key: '' });
    expect(made.headers['x-correlation-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(made.json().request_id).toBe(made.headers['x-correlation-id']);
    const unsafe = await post({ headers: { 'x-correlation-id': 'bad id\u0001' } });
    expect(unsafe.headers['x-correlation-id']).not.toBe('bad id\u0001');
  });

  it('writes one audit line per logoff: key id, project, desktops, message, upstream request ID, outcome', async () => {
    const response = await post();
    const audits = h.logs.map((line) => JSON.parse(line)).filter((line) => line.audit);
    expect(audits).toHaveLength(1);
    expect(audits[0].audit).toEqual({
      callerId: 'ops-all',
      keyId: 'ops-all',
      projectId: PROJECT,
      desktopIds: ['d-1', 'd-2'],
      desktopCount: 2,
      message: 'Maintenance in 10 minutes',
      outcome: 'accepted',
      status: 200,
      upstreamRequestId: response.headers['x-request-id'],
    });
    expect(audits[0].correlationId).toBe(response.headers['x-correlation-id']);
  });
});

describe('inbound authentication', () => {
  it.each([
    ['no Authorization header', ''],
    ['an unknown key', 'wksp_not-a-key'],
  ])('%s → 401 in the spec’s shape', async (_label, key) => {
    const response = await post({ key });
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ error_code: 'WKSP.0401' });
    expect(response.headers['www-authenticate']).toBe('Bearer');
    expect(h.cloud.log).toHaveLength(0);
  });

  it('a key outside its project allow-list → 403', async () => {
    expect((await post({ key: KEY_ONE })).statusCode).toBe(200);
    const response = await post({ key: KEY_ONE, project: OTHER_PROJECT });
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({
      error_code: 'WKSP.0403',
      error_msg: 'Key "team-one" may not use this project.',
    });
  });

  it('a key over its rate → 429 with Retry-After, in the gateway shape', async () => {
    expect((await post({ key: KEY_SLOW })).statusCode).toBe(200);
    const response = await post({ key: KEY_SLOW });
    expect(response.statusCode).toBe(429);
    expect(response.headers['retry-after']).toBe('1');
    expect(response.json().error_code).toBe('WKSP.0429');
  });

  it('every denial after authentication (403, 429, 400) logs the key’s id; a 401 logs none', async () => {
    await post({ key: KEY_ONE, project: OTHER_PROJECT });
    await post({ key: KEY_SLOW });
    await post({ key: KEY_SLOW });
    await post({ key: KEY_ALL, payload: { desktop_ids: [] } });
    await post({ key: 'wksp_not-a-key' });
    const failures = h.logs
      .map((line) => JSON.parse(line))
      .filter((line) => line.msg === 'request failed')
      .map((line) => [line.status, line.keyId]);
    expect(failures).toEqual([
      [403, 'team-one'],
      [429, 'team-slow'],
      [400, 'ops-all'],
      [401, undefined],
    ]);
  });

  it('re-reads the keys file: a new key works, a removed one stops working, a broken file changes nothing', async () => {
    const next = [{ ...(KEYS[1] as (typeof KEYS)[number]), projects: ['*'] }];
    await writeKeysFile(next, h.keysFile);
    await h.keys.load();
    expect((await post({ key: KEY_ONE, project: OTHER_PROJECT })).statusCode).toBe(200);
    expect((await post({ key: KEY_ALL })).statusCode).toBe(401);
    await (await import('node:fs/promises')).writeFile(h.keysFile, '{"keys": [{"id": 1}]}');
    await expect(h.keys.load()).rejects.toThrow(/keys\[0\]\.id/);
    expect((await post({ key: KEY_ONE })).statusCode).toBe(200);
  });
});

describe('validation: exactly as strict as the spec, before anything is forwarded', () => {
  it.each([
    [
      '101 desktops',
      { desktop_ids: Array.from({ length: 101 }, (_, i) => `d${i}`) },
      'desktop_ids must NOT have more than 100 items',
    ],
    [
      'a 256-character ID',
      { desktop_ids: ['x'.repeat(256)] },
      'desktop_ids/0 must NOT have more than 255 characters',
    ],
    [
      'a 256-character message',
      { desktop_ids: ['d'], message: 'm'.repeat(256) },
      'message must NOT have more than 255 characters',
    ],
    [
      '200 emoji as message (400 UTF-16 code units)',
      { desktop_ids: ['d'], message: '🙂'.repeat(200) },
      'message must NOT have more than 255 UTF-16 code units (an emoji counts 2)',
    ],
    ['a number as message (no coercion)', { desktop_ids: ['d'], message: 5 }, 'message must be string'],
    ['a number as ID (no coercion)', { desktop_ids: [5] }, 'desktop_ids/0 must be string'],
    ['an unknown field', { desktop_ids: ['d'], desktopIds: ['d'] }, 'desktopIds is not a known property'],
    ['no desktops', { desktop_ids: [] }, 'desktop_ids must NOT have fewer than 1 items'],
    ['an array body', [], 'must be object'],
  ])('%s → 400 naming the problem', async (_label, payload, detail) => {
    const response = await post({ payload });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error_code: 'WKSP.0400', error_msg: 'Invalid request body.' });
    expect(response.json().error_detail).toContain(detail);
    expect(h.cloud.log).toHaveLength(0);
  });

  it.each([
    'a.b',
    'a%2Fb',
    'x'.repeat(256),
    'a%00b',
    'a%20b',
    '%F0%9F%99%82',
    // Encoded characters that decode to a valid project: the path must say what is forwarded, as it is.
    `%32${PROJECT.slice(1)}`,
    '%70%31',
  ])('project_id %j → 400', async (project) => {
    const response = await post({ project });
    expect(response.statusCode).toBe(400);
    expect(response.json().error_msg).toBe('Invalid project_id.');
    expect(h.cloud.log).toHaveLength(0);
  });

  it('an encoded character elsewhere in the path → 400, not forwarded', async () => {
    const response = await h.app.inject({
      method: 'POST',
      url: `/v2/${PROJECT}/%64esktops/logoff`,
      headers: { ...bearer(KEY_ALL), 'content-type': 'application/json' },
      payload: JSON.stringify(body),
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      error_msg: 'Invalid URL.',
      error_detail: 'path must not be percent-encoded',
    });
    expect(h.cloud.log).toHaveLength(0);
  });

  it.each([
    ['a lone continuation byte', [0x80]],
    ['a truncated sequence', [0xe2, 0x82]],
    ['an overlong encoding', [0xc0, 0xaf]],
    ['a UTF-16 surrogate encoded in UTF-8', [0xed, 0xa0, 0x80]],
    ['bytes of Latin-1', [0xe9]],
  ])('a body that is not valid UTF-8 (%s in the message) → 400, not forwarded', async (_label, bytes) => {
    const payload = Buffer.concat([
      Buffer.from('{"desktop_ids": ["d-1"], "message": "caf'),
      Buffer.from(bytes),
      Buffer.from('"}'),
    ]);
    const response = await h.app.inject({
      method: 'POST',
      url: logoffUrl(),
      headers: { ...bearer(KEY_ALL), 'content-type': 'application/json' },
      payload,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      error_code: 'WKSP.0400',
      error_msg: 'The body is not valid JSON.',
      error_detail: 'the body is not valid UTF-8',
    });
    expect(specProblems(400, response.body, response.headers['content-type'] as string)).toEqual([]);
    expect(h.cloud.log).toHaveLength(0);
  });

  it('malformed JSON → 400', async () => {
    const response = await post({ payload: '{"desktop_ids": [' });
    expect(response.statusCode).toBe(400);
    expect(response.json().error_msg).toBe('The body is not valid JSON.');
  });

  it('not JSON → 415', async () => {
    const response = await post({ payload: 'd-1', headers: { 'content-type': 'text/plain' } });
    expect(response.statusCode).toBe(415);
    expect(response.json()).toMatchObject({
      error_code: 'WKSP.0415',
      error_msg: 'Unsupported media type text/plain: send application/json.',
    });
  });

  it('a body over the limit → 413', async () => {
    const response = await post({
      payload: JSON.stringify({ desktop_ids: ['d'], message: 'x'.repeat(70_000) }),
    });
    expect(response.statusCode).toBe(413);
    expect(response.json().error_code).toBe('WKSP.0413');
  });
});

describe('not an open relay', () => {
  it.each([
    ['GET', '/'],
    ['POST', '/v2/../desktops/logoff'],
    ['POST', '/v2/%2e%2e/desktops/logoff'],
    ['POST', '/v2/p1/desktops'],
    ['POST', '/v2/p1/desktops/logoff/../../other'],
    ['GET', 'http://evil.example.com/'],
  ])('%s %s → 404 in the spec’s shape', async (method, url) => {
    const response = await h.app.inject({ method: method as 'GET', url, headers: bearer(KEY_ALL) });
    expect(response.statusCode).toBe(404);
    expect(response.json().error_code).toBe('WKSP.0404');
    expect(h.cloud.log).toHaveLength(0);
  });

  it.each(['GET', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'TRACE', 'HEAD'] as const)(
    '%s on the logoff route → 405 with Allow: POST, in the spec’s shape',
    async (method) => {
      const response = await h.app.inject({ method, url: logoffUrl(), headers: bearer(KEY_ALL) });
      expect(response.statusCode).toBe(405);
      expect(response.headers.allow).toBe('POST');
      expect(response.headers['x-correlation-id']).toBeDefined();
      if (method !== 'HEAD') {
        expect(response.json().error_code).toBe('WKSP.0405');
        expect(specProblems(405, response.body, response.headers['content-type'] as string)).toEqual([]);
      }
    },
  );

  it.each([
    ['bad percent-encoding', '/v2/p%zz/desktops/logoff', 'Invalid URL: bad percent-encoding.'],
    ['a 1,100-character project', `/v2/${'a'.repeat(1100)}/desktops/logoff`, 'Invalid project_id.'],
  ])(
    '%s → 400 in the spec’s shape, with a correlation ID, logged and counted; the path is not echoed',
    async (_label, url, message) => {
      const response = await h.app.inject({
        method: 'POST',
        url,
        headers: { ...bearer(KEY_ALL), 'content-type': 'application/json' },
        payload: JSON.stringify(body),
      });
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ error_code: 'WKSP.0400', error_msg: message });
      expect(specProblems(400, response.body, response.headers['content-type'] as string)).toEqual([]);
      expect(response.body).not.toContain('aaaaaaaaaa');
      expect(response.body).not.toContain('%zz');
      const correlationId = response.headers['x-correlation-id'];
      expect(correlationId).toMatch(/^[0-9a-f-]{36}$/);
      const logged = h.logs.map((line) => JSON.parse(line)).filter((line) => line.msg === 'request failed');
      expect(logged).toEqual([expect.objectContaining({ status: 400, correlationId })]);
      expect((await h.app.inject('/metrics')).body).toMatch(
        /wks_proxy_requests_total\{route="unmatched",method="POST",status="400"\} 1/,
      );
      expect(h.cloud.log).toHaveLength(0);
    },
  );
});

describe('upstream failures: the spec’s shape and the right status; the proxy stays up', () => {
  it.each([
    ['unknown desktop', { type: 'status', status: 404, errorCode: 'WKS.0003' }, 404, 'WKS.0003'],
    ['busy desktop', { type: 'status', status: 409, errorCode: 'WKS.0407' }, 409, 'WKS.0407'],
    ['service 403', { type: 'status', status: 403, errorCode: 'WKS.0006' }, 403, 'WKS.0006'],
    ['internal error', { type: 'status', status: 500, errorCode: 'WKS.0500' }, 500, 'WKS.0500'],
    ['throttled', { type: 'throttle', retryAfter: '3' }, 429, 'APIGW.0308'],
    ['IAM unavailable', { type: 'status', status: 503, errorCode: 'APIGW.0613' }, 503, 'APIGW.0613'],
    [
      'bad credentials at the cloud',
      { type: 'status', status: 401, errorCode: 'APIGW.0301' },
      401,
      'APIGW.0301',
    ],
    ['a non-JSON 502', { type: 'non-json', status: 502 }, 502, 'WKSP.0502'],
    ['an undeclared status', { type: 'status', status: 418, errorCode: 'WKS.0418' }, 502, 'WKSP.0502'],
    ['a reset', { type: 'reset' }, 502, 'WKSP.0502'],
    ['a slow answer', { type: 'slow', delayMs: 60_000 }, 504, 'WKSP.0504'],
    ['a 50 MB answer', { type: 'huge', status: 200, bytes: 50 * 1024 * 1024 }, 502, 'WKSP.0502'],
  ] as const)('%s, sent once', async (_label, fault, status, code) => {
    if (fault.type === 'slow') {
      // Its own proxy, with a 2 s timeout: this answer is held a minute, the healthy one after it comes well within.
      await h.close();
      h = await harness({ env: { WKS_PROXY_UPSTREAM_TIMEOUT_MS: '2000' } });
    }
    h.cloud.inject(fault);
    const response = await post();
    expect(response.statusCode).toBe(status);
    expect(response.json().error_code).toBe(code);
    expect(h.cloud.log).toHaveLength(1);
    if (code.startsWith('WKS.') || code.startsWith('APIGW')) {
      expect(response.headers['x-request-id']).toBe(h.cloud.log[0]?.requestId);
    }
    if (status === 429) {
      expect(response.headers['retry-after']).toBe('3');
    }
    expect((await post()).statusCode).toBe(200);
  });
});

describe('upstream answers outside the API’s shapes never reach callers verbatim', () => {
  const internal =
    '<html><h1>500</h1><p>upstream db-7.corp.internal (10.2.3.4) refused: pool exhausted</p></html>';

  it.each([
    ['an HTML 500 naming internal hosts', { type: 'non-json', status: 500, body: internal }, 500],
    ['an HTML 503', { type: 'non-json', status: 503, body: internal }, 503],
    ['an undeclared status', { type: 'status', status: 418, errorCode: 'WKS.0418', errorMsg: internal }, 418],
  ] as const)(
    '%s → 502 with a generic message and the cloud’s request ID; the snippet is logged',
    async (_label, fault, upstream) => {
      h.cloud.inject(fault);
      const response = await post();
      expect(response.statusCode).toBe(502);
      const cloudRequestId = h.cloud.log[0]?.requestId as string;
      expect(response.headers['x-request-id']).toBe(cloudRequestId);
      expect(response.json()).toMatchObject({
        error_code: 'WKSP.0502',
        error_msg: `The cloud answered HTTP ${upstream} outside the API's error shapes (request ID ${cloudRequestId}).`,
      });
      expect(response.body).not.toContain('10.2.3.4');
      expect(response.body).not.toContain('corp.internal');
      const logged = h.logs.map((line) => JSON.parse(line)).find((line) => line.upstreamSnippet);
      expect(logged).toMatchObject({ upstreamStatus: upstream, upstreamRequestId: cloudRequestId });
      expect(logged.upstreamSnippet).toContain('db-7.corp.internal (10.2.3.4)');
    },
  );
});

describe('an upstream answer too large to be a logoff’s', () => {
  it('is not read: 502 saying so, for the undici transport the bin uses as for fetch', async () => {
    for (const transport of [undefined, undiciTransport()]) {
      const own = await harness({ transport });
      try {
        own.cloud.inject({ type: 'huge', status: 500, bytes: 50 * 1024 * 1024 });
        const response = await own.app.inject({
          method: 'POST',
          url: logoffUrl(),
          headers: { ...bearer(KEY_ALL), 'content-type': 'application/json' },
          payload: JSON.stringify(body),
        });
        expect(response.statusCode).toBe(502);
        expect(response.json().error_msg).toBe(
          'The cloud’s answer was larger than a logoff’s answer can be; it was not read.',
        );
      } finally {
        await own.close();
      }
    }
  });
});

describe('operations', () => {
  it('healthz, readyz (503 while draining), metrics without desktop IDs', async () => {
    await post();
    await post({ key: '' });
    expect((await h.app.inject('/healthz')).json()).toEqual({ status: 'ok' });
    expect((await h.app.inject('/readyz')).statusCode).toBe(200);
    const metrics = (await h.app.inject('/metrics')).body;
    expect(metrics).toContain(
      'wks_proxy_requests_total{route="/v2/:project_id/desktops/logoff",method="POST",status="200"} 1',
    );
    expect(metrics).toContain(
      'wks_proxy_requests_total{route="/v2/:project_id/desktops/logoff",method="POST",status="401"} 1',
    );
    expect(metrics).toContain('wks_proxy_desktops_logged_off_total 2');
    expect(metrics).toContain('wks_proxy_upstream_duration_seconds_count{outcome="accepted"} 1');
    expect(metrics).not.toContain('d-1');
    h.readiness.draining = true;
    expect((await h.app.inject('/readyz')).statusCode).toBe(503);
    const refused = await post();
    expect(refused.statusCode).toBe(503);
    expect(refused.json().error_code).toBe('WKSP.0503');
  });
});

describe('secrets never leak', () => {
  it.each(['info', 'trace'])(
    'no caller key, AK or SK in any log line or response of a full scenario (log level %s)',
    async (level) => {
      await h.close();
      h = await harness({ env: { WKS_PROXY_LOG_LEVEL: level } });
      const responses: string[] = [];
      const record = (r: Awaited<ReturnType<typeof post>>) =>
        responses.push(JSON.stringify(r.headers) + r.body);
      record(await post());
      record(await post({ key: KEY_ONE, project: OTHER_PROJECT }));
      record(await post({ key: 'wksp_wrong-key-do-not-leak' }));
      record(await post({ payload: { desktop_ids: [''] } }));
      h.cloud.inject({ type: 'status', status: 401, errorCode: 'APIGW.0301' });
      record(await post());
      h.cloud.inject({ type: 'reset' });
      record(await post());
      record(await post({ key: KEY_SLOW }));
      record(await post({ key: KEY_SLOW }));
      const everything = `${h.logs.join('\n')}\n${responses.join('\n')}`;
      expect(h.logs.length).toBeGreaterThan(8);
      for (const secret of [KEY_ALL, KEY_ONE, KEY_SLOW, 'wksp_wrong-key-do-not-leak', SK]) {
        expect(everything).not.toContain(secret);
      }
      expect(everything).not.toContain('SDK-HMAC-SHA256');
    },
  );
});
