import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { deadline } from '../../src/client/deadline.js';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('deadline', () => {
  it('aborts with a TimeoutError after its time, not before', () => {
    const { signal } = deadline(10);
    vi.advanceTimersByTime(9);
    expect(signal.aborted).toBe(false);
    vi.advanceTimersByTime(1);
    expect(signal.reason).toMatchObject({ name: 'TimeoutError', message: 'timed out after 10 ms' });
  });

  it('follows the signals it is given, with their reason', () => {
    const caller = new AbortController();
    const { signal } = deadline(60_000, [caller.signal]);
    caller.abort(new Error('stop'));
    expect(signal.reason).toMatchObject({ message: 'stop' });
  });

  it('is aborted at once when a given signal already is', () => {
    expect(deadline(60_000, [AbortSignal.abort('gone')]).signal.reason).toBe('gone');
  });

  it('once cleared, neither its timer nor the given signals abort it', () => {
    const caller = new AbortController();
    const d = deadline(5, [caller.signal]);
    d.clear();
    caller.abort();
    vi.advanceTimersByTime(10);
    expect(d.signal.aborted).toBe(false);
  });
});
