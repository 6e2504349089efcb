import { describe, expect, it } from 'vitest';
import { sleep } from '../../src/retry/sleep.js';

describe('sleep', () => {
  it('rejects at once with the abort reason', async () => {
    const controller = new AbortController();
    const waiting = sleep(60_000, controller.signal);
    controller.abort(new Error('stop'));
    await expect(waiting).rejects.toThrow('stop');
  });
});
