// A waiting request settles once: the answer it gets first is the one its caller sees, how long it waited is
// counted from its arrival, and what must be undone (its deadline's timer, its signal's listener) is undone once,
// when it settles, with the lane told once.
import { describe, expect, it } from 'vitest';
import type { Admission } from '../../src/budget/admission.js';
import { Waiter } from '../../src/budget/waiter.js';

function waiter(since = 1_000) {
  const settled: (Admission | undefined)[] = [];
  const cleanups: string[] = [];
  const subject = new Waiter({ id: 'team-a' }, since, since + 10_000, (_, admission) =>
    settled.push(admission),
  );
  subject.onDone(() => cleanups.push('timer'));
  subject.onDone(() => cleanups.push('listener'));
  return { subject, settled, cleanups };
}

describe('Waiter', () => {
  it('an admission counts the time waited since arrival, undoes its timer and listener, and tells the lane', async () => {
    const { subject, settled, cleanups } = waiter(1_000);
    expect(subject.done).toBe(false);
    expect(cleanups).toEqual([]);
    subject.admit(1_750);
    expect(subject.done).toBe(true);
    expect(cleanups).toEqual(['timer', 'listener']);
    expect(settled).toEqual([{ ok: true, waitedMs: 750 }]);
    expect(await subject.promise).toEqual({ ok: true, waitedMs: 750 });
  });

  it('a refusal says why, the wait to expect in whole milliseconds, and the time waited', async () => {
    const { subject, settled } = waiter(1_000);
    subject.refuse('queue-full', 2_300.2, 4_000);
    const refusal = { ok: false, reason: 'queue-full', retryAfterMs: 2_301, waitedMs: 3_000 };
    expect(settled).toEqual([refusal]);
    expect(await subject.promise).toEqual(refusal);
  });

  it('the first answer stands: a later refusal or cancellation changes nothing and undoes nothing twice', async () => {
    const { subject, settled, cleanups } = waiter(1_000);
    subject.admit(1_200);
    subject.refuse('caller-rate', 500, 1_300);
    subject.cancel(new Error('the client went away'));
    expect(settled).toEqual([{ ok: true, waitedMs: 200 }]);
    expect(cleanups).toEqual(['timer', 'listener']);
    expect(await subject.promise).toEqual({ ok: true, waitedMs: 200 });
  });

  it('a cancelled request rejects with its reason, and a later admission does not send it', async () => {
    const { subject, settled, cleanups } = waiter();
    const reason = new Error('the client went away');
    subject.cancel(reason);
    subject.admit(2_000);
    expect(settled).toEqual([undefined]);
    expect(cleanups).toEqual(['timer', 'listener']);
    await expect(subject.promise).rejects.toBe(reason);
  });
});
