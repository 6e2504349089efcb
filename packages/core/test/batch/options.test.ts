import { describe, expect, it } from 'vitest';
import { BATCH_DEFAULTS, checkBatchOptions } from '../../src/index.js';

describe('batch options', () => {
  it('has the documented defaults', () => {
    expect(BATCH_DEFAULTS).toEqual({
      chunkSize: 100,
      concurrency: 4,
      ratePerSecond: 1.5,
      maxRequeues: 3,
      isolationBudgetPerId: 0.5,
      systemicFailuresToStop: 3,
    });
  });

  it('accepts the defaults and any valid choice', () => {
    expect(checkBatchOptions({})).toEqual([]);
    expect(checkBatchOptions({ chunkSize: 1, concurrency: 16, ratePerSecond: 0.2, maxRequeues: 0 })).toEqual(
      [],
    );
  });

  it.each([
    [{ chunkSize: 101 }, 'chunkSize', 'must be an integer from 1 to 100'],
    [{ chunkSize: 2.5 }, 'chunkSize', 'must be an integer from 1 to 100'],
    [{ concurrency: 0 }, 'concurrency', 'must be a positive integer'],
    [{ ratePerSecond: 0 }, 'ratePerSecond', 'must be a positive number'],
    [{ ratePerSecond: Number.POSITIVE_INFINITY }, 'ratePerSecond', 'must be a positive number'],
    [{ isolationBudget: -1 }, 'isolationBudget', 'must be a non-negative integer'],
    [{ maxRequeues: 1.5 }, 'maxRequeues', 'must be a non-negative integer'],
    [
      { message: '🙂'.repeat(200) },
      'message',
      'must NOT have more than 255 UTF-16 code units (an emoji counts 2)',
    ],
  ])('%j: %s %s', (options, field, message) => {
    expect(checkBatchOptions(options)).toEqual([expect.objectContaining({ field, message })]);
  });
});
