// The batch's input: read lazily, repeats counted once, invalid IDs reported and never handed on.
import { describe, expect, it } from 'vitest';
import { IdReader } from '../../src/batch/reader.js';
import { ReportBuilder } from '../../src/batch/report.js';

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
