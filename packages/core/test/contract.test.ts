// Contract tests: the core client against Prism serving the spec. Every documented status is listed here on
// purpose (not read from the spec), so deleting a response from the spec makes a test fail.
import spec from '@wks-logoff/spec/openapi.json' with { type: 'json' };
import type {} from '@wks-logoff/testkit/vitest-prism';
import { describe, expect, inject, it } from 'vitest';
import { createLogoffClient, tokenAuth, ValidationError, WorkspaceApiError } from '../src/index.js';
import { PROJECT } from './support/fake-cloud.js';
import { countingTransport, DESKTOP, rejectionOf } from './support/helpers.js';

const prismUrl = inject('prismUrl');
const operation = spec.paths['/v2/{project_id}/desktops/logoff'].post;
type Example = {
  error_code: string;
  error_msg: string;
  error_detail?: string;
  encoded_authorization_message?: string;
  request_id?: string;
};
const examplesByName = spec.components.examples as Record<string, { value: Example }>;

/** The named examples the spec gives for a status. */
function examplesOf(status: string): [string, Example][] {
  const response = (
    operation.responses as Record<string, { content?: Record<string, { examples?: object }> }>
  )[status];
  const examples = response?.content?.['application/json']?.examples ?? {};
  return Object.entries(examples).map(([name, ref]) => {
    const target = (ref as { $ref: string }).$ref.split('/').pop() ?? '';
    const example = examplesByName[target];
    if (!example) {
      throw new Error(`example ${target} is missing`);
    }
    return [name, example.value];
  });
}

function clientWith(headers: Record<string, string> = {}) {
  const { transport, sent } = countingTransport(headers);
  const client = createLogoffClient({
    endpoint: prismUrl,
    projectId: PROJECT,
    auth: tokenAuth('dummy-token'),
    transport,
  });
  return { client, sent };
}

const ERROR_STATUSES = {
  '400': 'service',
  '401': 'either',
  '403': 'either',
  '404': 'either',
  '405': 'gateway',
  '408': 'gateway',
  '409': 'service',
  '413': 'gateway',
  '415': 'gateway',
  '429': 'gateway',
  '431': 'gateway',
  '500': 'either',
  '502': 'gateway',
  '503': 'gateway',
  '504': 'gateway',
} as const;
const RETRYABLE = new Set(['429', '502', '503', '504']);

describe('the spec declares what the client is tested against', () => {
  it('declares exactly 200 and the error statuses', () => {
    expect(Object.keys(operation.responses).sort()).toEqual(['200', ...Object.keys(ERROR_STATUSES)].sort());
  });
});

describe('200', () => {
  it('resolves with the request ID from X-Request-Id and sends the body the caller gave', async () => {
    const { client, sent } = clientWith();
    const result = await client.logoff({ desktop_ids: [DESKTOP], message: 'bye' });
    expect(result).toEqual({
      requestId: 'fd6530a01c09807640189e65e837b8ad',
      status: 200,
      attempts: 1,
      uncertain: false,
    });
    expect(sent).toHaveLength(1);
    expect(new URL(sent[0]?.url ?? '').pathname).toBe(`/v2/${PROJECT}/desktops/logoff`);
    expect(await sent[0]?.text()).toBe(JSON.stringify({ desktop_ids: [DESKTOP], message: 'bye' }));
    expect(sent[0]?.headers.get('x-auth-token')).toBe('dummy-token');
  });

  it('accepts exactly 100 desktops', async () => {
    const { client } = clientWith();
    const ids = Array.from({ length: 100 }, (_, i) => `desktop-${i}`);
    await expect(client.logoff({ desktop_ids: ids })).resolves.toMatchObject({ status: 200 });
  });
});

describe.each(Object.entries(ERROR_STATUSES))('%s', (status, shape) => {
  const examples = examplesOf(status);

  it('has at least one named example in the spec', () => {
    expect(examples.length).toBeGreaterThan(0);
  });

  it.each(examples)('example %s rejects with a typed WorkspaceApiError', async (name, example) => {
    const { client } = clientWith({ Prefer: `code=${status}, example=${name}` });
    const error = await rejectionOf(client.logoff({ desktop_ids: [DESKTOP] }));
    expect(error).toBeInstanceOf(WorkspaceApiError);
    const apiError = error as WorkspaceApiError;
    expect(apiError.status).toBe(Number(status));
    expect(apiError.errorCode).toBe(example.error_code);
    expect(apiError.errorMsg).toBe(example.error_msg);
    expect(apiError.errorDetail).toBe(example.error_detail);
    expect(apiError.requestId).toMatch(/^[0-9a-f]{32}$/);
    expect(apiError.retryable).toBe(RETRYABLE.has(status));
    const expectedSource = example.request_id ? 'gateway' : 'service';
    expect(apiError.source).toBe(expectedSource);
    if (shape !== 'either') {
      expect(apiError.source).toBe(shape);
    }
    expect(apiError.message).toContain(`HTTP ${status}`);
  });
});

describe('403 service example', () => {
  it('surfaces encoded_authorization_message', async () => {
    const { client } = clientWith({ Prefer: 'code=403, example=serviceForbidden' });
    const error = (await rejectionOf(client.logoff({ desktop_ids: [DESKTOP] }))) as WorkspaceApiError;
    const expected = examplesByName.ServiceForbidden?.value.encoded_authorization_message;
    expect(expected).toBeTruthy();
    expect(error.encodedAuthorizationMessage).toBe(expected);
  });
});

describe('invalid input', () => {
  it.each([
    ['no desktops', { desktop_ids: [] }, 'desktop_ids'],
    ['101 desktops', { desktop_ids: Array.from({ length: 101 }, (_, i) => `d${i}`) }, 'desktop_ids'],
    ['a 256-character ID', { desktop_ids: ['x'.repeat(256)] }, 'desktop_ids/0'],
    ['an empty ID', { desktop_ids: [DESKTOP, ''] }, 'desktop_ids/1'],
    ['a 256-character message', { desktop_ids: [DESKTOP], message: 'm'.repeat(256) }, 'message'],
    ['a misspelt field', { desktop_ids: [DESKTOP], mesage: 'hi' }, 'mesage'],
    ['no body fields', {}, 'desktop_ids'],
  ])('%s is rejected before sending, naming the field', async (_label, body, field) => {
    const { client, sent } = clientWith();
    const error = await rejectionOf(client.logoff(body as never));
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues.map((issue) => issue.field)).toContain(field);
    expect(sent).toHaveLength(0);
  });

  it('an invalid project ID is rejected when the client is made', () => {
    expect(() => createLogoffClient({ endpoint: prismUrl, projectId: '../x', auth: tokenAuth('t') })).toThrow(
      /project_id must contain only letters/,
    );
  });
});

describe('Prism enforces the same spec (raw requests, bypassing our validation)', () => {
  const url = `${prismUrl}/v2/${PROJECT}/desktops/logoff`;

  it('answers 400 with a violation for an invalid body sent with a dummy token', async () => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-auth-token': 'dummy' },
      body: JSON.stringify({ desktop_ids: ['x'.repeat(256)] }),
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('sl-violations')).toContain('maxLength');
  });

  it('answers 401 to a request with no credentials', async () => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ desktop_ids: [DESKTOP] }),
    });
    expect(response.status).toBe(401);
  });
});
