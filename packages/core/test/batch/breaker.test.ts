// The breaker: systemic failures in a row stop the batch; anything that shows the cloud is there resets the count.
import { describe, expect, it } from 'vitest';
import { Breaker } from '../../src/batch/breaker.js';

describe('Breaker', () => {
  it('trips on the third systemic failure in a row, and tries one call at a time from the first', () => {
    const breaker = new Breaker(3);
    expect([breaker.failing, breaker.tripped]).toEqual([false, false]);
    breaker.record(true);
    breaker.record(true);
    expect([breaker.failing, breaker.tripped]).toEqual([true, false]);
    breaker.record(true);
    expect(breaker.tripped).toBe(true);
  });

  it('starts over after any other answer', () => {
    const breaker = new Breaker(3);
    for (const systemic of [true, true, false, true, true]) {
      breaker.record(systemic);
    }
    expect(breaker.tripped).toBe(false);
    breaker.record(false);
    expect(breaker.failing).toBe(false);
  });
});
