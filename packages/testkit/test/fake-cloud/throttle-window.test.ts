// The fake gateway's throttling: a fixed one-second window, as tests of pacing and 429 handling expect.
import { describe, expect, it } from 'vitest';
import { ThrottleWindow } from '../../src/fake-cloud/throttle-window.js';

describe('ThrottleWindow', () => {
  it('lets `perSecond` requests through per window and refuses the rest until the next one', () => {
    let t = 10_000;
    const window = new ThrottleWindow(2, () => t);
    expect([window.over(), window.over(), window.over()]).toEqual([false, false, true]);
    t += 999;
    expect(window.over()).toBe(true);
    t += 1;
    expect([window.over(), window.over(), window.over()]).toEqual([false, false, true]);
  });

  it('never refuses without a limit', () => {
    const window = new ThrottleWindow(undefined, () => 0);
    expect(Array.from({ length: 1000 }, () => window.over())).not.toContain(true);
  });
});
