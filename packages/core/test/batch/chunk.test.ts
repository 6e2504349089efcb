import { describe, expect, it } from 'vitest';
import { halves } from '../../src/batch/chunk.js';

describe('halves', () => {
  it('splits with the first half larger by at most one', () => {
    expect(halves([1, 2, 3])).toEqual([[1, 2], [3]]);
    expect(halves([1, 2])).toEqual([[1], [2]]);
  });
});
