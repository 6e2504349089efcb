import { describe, expect, it } from 'vitest';
import {
  CLIENT_DEFAULTS,
  checkClientOptions,
  createLogoffClient,
  tokenAuth,
  ValidationError,
} from '../../src/index.js';

describe('client options', () => {
  it('has the documented defaults', () => {
    expect(CLIENT_DEFAULTS.timeoutMs).toBe(30_000);
    expect(CLIENT_DEFAULTS.retry.maxAttempts).toBe(3);
  });

  it.each([
    [{ timeoutMs: 0 }, 'timeoutMs', 'must be a positive number'],
    [{ totalTimeoutMs: -5 }, 'totalTimeoutMs', 'must be a positive number'],
    [{ retry: { maxAttempts: 0 } }, 'retry/maxAttempts', 'must be a positive integer'],
    [{ retry: { maxDelayMs: Number.NaN } }, 'retry/maxDelayMs', 'must be a non-negative number'],
  ])('%j: %s %s', (options, field, message) => {
    expect(checkClientOptions(options)).toEqual([expect.objectContaining({ field, message })]);
  });

  it('createLogoffClient refuses them before anything is sent', () => {
    const make = () =>
      createLogoffClient({
        endpoint: 'http://127.0.0.1:9',
        projectId: 'p1',
        auth: tokenAuth('t'),
        timeoutMs: -1,
      });
    expect(make).toThrow(ValidationError);
    expect(make).toThrow('Invalid client options: timeoutMs must be a positive number (got -1)');
  });
});
