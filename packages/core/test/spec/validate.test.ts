import { describe, expect, it } from 'vitest';
import {
  checkDesktopId,
  checkLogoffRequest,
  checkMessage,
  checkProjectId,
  DOCUMENTED_STATUSES,
  MAX_DESKTOP_ID_LENGTH,
  MAX_DESKTOP_IDS_PER_REQUEST,
  MAX_MESSAGE_LENGTH,
  ValidationError,
} from '../../src/index.js';
import { assertLogoffRequest } from '../../src/spec/validate.js';

describe('limits come from the spec', () => {
  it('are the documented numbers', () => {
    expect([MAX_DESKTOP_IDS_PER_REQUEST, MAX_DESKTOP_ID_LENGTH, MAX_MESSAGE_LENGTH]).toEqual([100, 255, 255]);
  });

  it('the documented statuses are the spec’s', () => {
    expect(DOCUMENTED_STATUSES).toEqual([
      200, 400, 401, 403, 404, 405, 408, 409, 413, 415, 429, 431, 500, 502, 503, 504,
    ]);
  });
});

describe('checkDesktopId', () => {
  it.each(['2a010270-a011-415e-b1cd-3c484c8a8001', 'x', 'x'.repeat(255)])('accepts %s', (id) => {
    expect(checkDesktopId(id)).toEqual([]);
  });

  it.each([
    ['', 'must NOT have fewer than 1 characters'],
    ['x'.repeat(256), 'must NOT have more than 255 characters'],
    ['has space', 'must be printable ASCII characters without spaces'],
    ['tab\there', 'must be printable ASCII characters without spaces'],
    ['\u0000\u0001binary', 'must be printable ASCII characters without spaces'],
    ['dé', 'must be printable ASCII characters without spaces'],
  ])('rejects %j with a message saying why', (id, message) => {
    expect(checkDesktopId(id, 'line 3').map((issue) => issue.message)).toContain(message);
    expect(checkDesktopId(id, 'line 3')[0]?.field).toBe('line 3');
  });

  it('rejects a non-string', () => {
    expect(checkDesktopId(42)[0]?.message).toBe('must be string');
  });
});

describe('checkMessage', () => {
  it('counts UTF-16 code units, the stricter measure (the cloud may count them): an emoji counts 2', () => {
    expect(checkMessage('é'.repeat(255))).toEqual([]);
    expect(checkMessage(`${'🙂'.repeat(127)}x`)).toEqual([]);
    for (const message of ['🙂'.repeat(128), '🙂'.repeat(200), 'x'.repeat(256)]) {
      expect(checkMessage(message)).toHaveLength(1);
    }
    expect(checkMessage('🙂'.repeat(200))[0]?.message).toBe(
      'must NOT have more than 255 UTF-16 code units (an emoji counts 2)',
    );
    expect(checkLogoffRequest({ desktop_ids: ['d'], message: '🙂'.repeat(200) })).toEqual([
      expect.objectContaining({ field: 'message' }),
    ]);
  });
});

describe('checkProjectId', () => {
  it.each(['2b31ed520a1b4d3cb2c3d4e5f6a7b8c9', 'p1', 'a_b-c'])('accepts %s', (id) => {
    expect(checkProjectId(id)).toEqual([]);
  });

  it.each(['', '..', 'a/b', 'a%2Fb', 'a\nb', 'x'.repeat(256)])('rejects %j', (id) => {
    expect(checkProjectId(id).length).toBeGreaterThan(0);
  });
});

describe('checkLogoffRequest', () => {
  it('reports every problem at once', () => {
    const issues = checkLogoffRequest({
      desktop_ids: ['ok', '', 'a b'],
      message: 'm'.repeat(300),
      extra: true,
    });
    expect(issues.map((issue) => issue.field).sort()).toEqual([
      'desktop_ids/1',
      'desktop_ids/2',
      'extra',
      'message',
    ]);
  });

  it('rejects a body that is not an object', () => {
    expect(checkLogoffRequest(null)[0]?.message).toBe('must be object');
  });
});

describe('ValidationError', () => {
  it('names the field and shows a shortened value', () => {
    let error: unknown;
    try {
      assertLogoffRequest({ desktop_ids: ['x'.repeat(300)] });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ValidationError);
    const message = (error as Error).message;
    expect(message).toMatch(
      /^Invalid request: desktop_ids\/0 must NOT have more than 255 characters \(got "x+\.\.\. \(302 chars\)\)$/,
    );
    expect(message.length).toBeLessThan(160);
  });
});
