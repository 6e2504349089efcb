// The batch's intake: read lazily, repeats counted once, invalid IDs reported and never handed on; a finite list
// planned whole.
import { describe, expect, it } from 'vitest';
import { IdReader } from '../../src/batch/intake.js';
import { ReportBuilder } from '../../src/batch/report.js';
import { planBatch } from '../../src/index.js';

describe('IdReader', () => {
  it('hands on new valid IDs only, counting repeats and reporting invalid ones', async () => {
    const report = new ReportBuilder('p', undefined);
    const reader = new IdReader(['a', 'b', 'a', 'has space', 'c'], report);
    expect(await reader.read(10)).toEqual(['a', 'b', 'c']);
    expect(reader.done).toBe(true);
    expect([report.input, report.duplicates]).toEqual([5, 1]);
    expect(report.skipped).toEqual([
      { id: 'has space', reason: 'invalid', detail: expect.stringContaining('without spaces') },
    ]);
  });

  it('reads no further than asked, from async sources too', async () => {
    let pulled = 0;
    async function* source() {
      for (let i = 0; i < 1000; i++) {
        pulled++;
        yield `d-${i}`;
      }
    }
    const reader = new IdReader(source(), new ReportBuilder('p', undefined));
    expect(await reader.read(3)).toEqual(['d-0', 'd-1', 'd-2']);
    expect(pulled).toBe(3);
    expect(reader.done).toBe(false);
    expect(await reader.readAll()).toHaveLength(997);
  });

  it('serves concurrent reads one after the other, never the same ID twice', async () => {
    const reader = new IdReader(
      Array.from({ length: 10 }, (_, i) => `d-${i}`),
      new ReportBuilder('p', undefined),
    );
    const [first, second] = await Promise.all([reader.read(4), reader.read(4)]);
    expect([...(first ?? []), ...(second ?? [])]).toEqual(Array.from({ length: 8 }, (_, i) => `d-${i}`));
  });
});

describe('planBatch', () => {
  it('validates everything, collapses repeats, keeps positions of invalid IDs, counts the requests', () => {
    expect(planBatch(['a', 'b', 'a', '', 'bad id', '', 'c'], { chunkSize: 2 })).toEqual({
      ids: ['a', 'b', 'c'],
      invalid: [
        { id: '', index: 3, reason: 'must NOT have fewer than 1 characters' },
        { id: 'bad id', index: 4, reason: 'must be printable ASCII characters without spaces' },
      ],
      duplicates: 2,
      total: 7,
      chunkSize: 2,
      requests: 2,
      estimatedMs: 1000 / 1.5,
    });
  });

  it('chunks to the spec’s 100 by default', () => {
    const ids = Array.from({ length: 250 }, (_, i) => `d-${i}`);
    expect(planBatch(ids)).toMatchObject({ chunkSize: 100, requests: 3 });
  });

  it('estimates the least time the requests take at the rate: the first at once, each next 1/rate later', () => {
    const ids = Array.from({ length: 250 }, (_, i) => `d-${i}`);
    expect(planBatch(ids, { ratePerSecond: 2 }).estimatedMs).toBe(1000);
    expect(planBatch(ids.slice(0, 1), { ratePerSecond: 2 }).estimatedMs).toBe(0);
    expect(planBatch([], { ratePerSecond: 2 }).estimatedMs).toBe(0);
  });
});
