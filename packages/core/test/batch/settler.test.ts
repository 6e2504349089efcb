// The settler turns each answer into the report, the next step and a stop. Answers here are built as the client
// gives them (typed errors with a status and code); what is checked is what the report and the stop say.
import { describe, expect, it } from 'vitest';
import { Breaker } from '../../src/batch/breaker.js';
import { type Call, IsolationStrategy } from '../../src/batch/isolation.js';
import { BATCH_DEFAULTS } from '../../src/batch/options.js';
import { Pacer } from '../../src/batch/pace.js';
import { ReportBuilder } from '../../src/batch/report.js';
import type { Answer } from '../../src/batch/sender.js';
import { meaningOf, Settler } from '../../src/batch/settler.js';
import { type WksError, WorkspaceApiError, WorkspaceNetworkError } from '../../src/index.js';

function batch(maxRequeues = 3) {
  const report = new ReportBuilder('p', undefined);
  const strategy = new IsolationStrategy<WksError>({ chunkSize: 100, budget: { total: 100 } });
  const pacer = new Pacer({ ratePerSecond: 8 });
  const settler = new Settler(
    report,
    strategy,
    pacer,
    new Breaker(BATCH_DEFAULTS.systemicFailuresToStop),
    maxRequeues,
  );
  /** The next call of `ids`, as the strategy hands it out. */
  const call = (...ids: string[]): Call => {
    strategy.add(ids);
    return strategy.next(false) as Call;
  };
  return { report, pacer, settler, call };
}

const ok: Answer = {
  ok: true,
  result: { requestId: 'r-ok', status: 200, attempts: 1, uncertain: false },
  attempts: 1,
};
const failure = (status: number, errorCode: string, source: 'gateway' | 'service' = 'gateway'): Answer => ({
  ok: false,
  error: new WorkspaceApiError({ status, source, errorCode, requestId: `r-${status}` }),
  attempts: 1,
});
const unreachable: Answer = {
  ok: false,
  error: new WorkspaceNetworkError('connect', 'connect ECONNREFUSED 127.0.0.1'),
  attempts: 3,
};

describe('Settler', () => {
  it('stops after three calls in a row fail because the cloud is unreachable, and says so', () => {
    const { settler, call } = batch();
    settler.settle(call('d-1'), unreachable);
    settler.settle(call('d-2'), unreachable);
    expect(settler.stop).toBeUndefined();
    settler.settle(call('d-3'), unreachable);
    expect(settler.stop).toEqual({
      reason: 'unreachable',
      message: 'the cloud is unreachable: connect ECONNREFUSED 127.0.0.1; nothing more was sent',
    });
  });

  it('a success in between starts the count over: the cloud is there', () => {
    const { settler, call, report } = batch();
    for (const answer of [unreachable, unreachable, ok, unreachable, unreachable]) {
      settler.settle(call(`d-${report.calls.length}`), answer);
    }
    expect(settler.stop).toBeUndefined();
    expect(report.succeeded.map((entry) => entry.id)).toEqual(['d-2']);
  });

  it('a stop on a 401 carries its status and error code', () => {
    const { settler, call, report } = batch();
    settler.settle(call('d-1', 'd-2'), failure(401, 'APIGW.0301'));
    expect(settler.stop).toMatchObject({ reason: 'auth', status: 401, errorCode: 'APIGW.0301' });
    expect(report.failed.map((entry) => [entry.id, entry.status])).toEqual([
      ['d-1', 401],
      ['d-2', 401],
    ]);
  });

  it('a throttled call goes back in the queue up to maxRequeues times, slowing the pacer each time, then fails', () => {
    const { settler, call, report, pacer } = batch(2);
    const throttled = call('d-1', 'd-2');
    settler.settle(throttled, failure(429, 'APIGW.0308'));
    expect(settler.nextRequeued()).toBe(throttled);
    settler.settle(throttled, failure(429, 'APIGW.0308'));
    expect(settler.nextRequeued()).toBe(throttled);
    settler.settle(throttled, failure(429, 'APIGW.0308'));
    expect(settler.nextRequeued()).toBeUndefined();
    expect(pacer.rate).toBe(1);
    expect(report.requests.requeued).toBe(2);
    expect(report.failed.map((entry) => [entry.id, entry.status, entry.isolated, entry.unisolated])).toEqual([
      ['d-1', 429, undefined, undefined],
      ['d-2', 429, undefined, undefined],
    ]);
  });

  it('after a stop, a throttled call is not put back: its desktops fail with the 429', () => {
    const { settler, call, report } = batch();
    settler.settle(call('d-1'), failure(401, 'APIGW.0301'));
    settler.settle(call('d-2'), failure(429, 'APIGW.0308'));
    expect(settler.nextRequeued()).toBeUndefined();
    expect(report.requests.requeued).toBe(0);
    expect(report.failed.map((entry) => [entry.id, entry.status])).toEqual([
      ['d-1', 401],
      ['d-2', 429],
    ]);
  });

  it('records each call in the report: its size and outcome, and the status, code and request ID it got', () => {
    const { settler, call, report } = batch();
    settler.settle(call('d-1', 'd-2'), ok);
    settler.settle(call('d-3'), failure(404, 'WKS.0003', 'service'));
    settler.settle(call('d-4'), unreachable);
    expect(report.calls).toStrictEqual([
      { size: 2, outcome: 'succeeded', status: 200, requestId: 'r-ok', attempts: 1, isolation: false },
      {
        size: 1,
        outcome: 'failed',
        status: 404,
        errorCode: 'WKS.0003',
        requestId: 'r-404',
        attempts: 1,
        isolation: false,
      },
      // After a failure, groups are smaller than a chunk: isolation calls.
      { size: 1, outcome: 'failed', attempts: 3, isolation: true },
    ]);
  });

  it('a desktop shown to fail is marked isolated, never unisolated', () => {
    const { settler, call, report } = batch();
    settler.settle(call('d-1'), failure(404, 'WKS.0003', 'service'));
    expect(report.failed).toEqual([
      expect.objectContaining({ id: 'd-1', status: 404, errorCode: 'WKS.0003', isolated: true }),
    ]);
    expect(report.failed[0]).not.toHaveProperty('unisolated');
  });
});

const api = (status: number, source: 'service' | 'gateway', errorDetail?: string) =>
  new WorkspaceApiError({ status, source, errorCode: 'X', errorDetail });
const ids = ['d-1', 'd-2'];
/** As the batch asks it: with the desktops of the chunk the error names. */
const isolatable = (error: WksError) => meaningOf(error, ids).isolatable;
const stopReason = (error: WksError) => meaningOf(error, ids).stop;
const isSystemic = (error: WksError) => meaningOf(error, ids).systemic;
const isThrottled = (error: WksError) => meaningOf(error, ids).throttled;
const namedIds = (error: WksError, among: readonly string[]) => meaningOf(error, among).named;

describe('what a failed call means', () => {
  it('splits a chunk for the service’s own desktop errors', () => {
    for (const status of [403, 404, 409]) {
      expect(isolatable(api(status, 'service'))).toBe(true);
    }
  });

  it('splits on a 400 only when it names a desktop of the chunk', () => {
    expect(isolatable(api(400, 'service', 'desktop d-2 is invalid'))).toBe(true);
    expect(isolatable(api(400, 'service', 'body is malformed'))).toBe(false);
  });

  it('never splits a gateway error or a network failure: every half would fail alike', () => {
    expect(isolatable(api(404, 'gateway'))).toBe(false);
    // Not even when its text happens to name a desktop of the chunk.
    expect(isolatable(api(404, 'gateway', 'route for d-1 not found'))).toBe(false);
    expect(isolatable(api(503, 'service', 'd-1 could not be reached'))).toBe(false);
    expect(isolatable(new WorkspaceNetworkError('reset', 'reset'))).toBe(false);
  });

  it('stops the batch on a 401 and a gateway 403, not on a service 403', () => {
    expect(stopReason(api(401, 'gateway'))).toBe('auth');
    expect(stopReason(api(403, 'gateway'))).toBe('forbidden');
    expect(stopReason(api(403, 'service'))).toBeUndefined();
  });

  it('finds the desktops an error names, each as a whole word', () => {
    const error = api(404, 'service', 'desktops not found: d-2,d-10');
    expect(namedIds(error, ['d-1', 'd-2', 'd-10', 'd-100'])).toEqual(['d-2', 'd-10']);
    expect(namedIds(new WorkspaceNetworkError('reset', 'd-1'), ['d-1'])).toEqual([]);
    // The message and the detail are read apart: an ID ending one and an ID starting the other are both named.
    const both = new WorkspaceApiError({
      status: 409,
      source: 'service',
      errorMsg: 'busy: d-1',
      errorDetail: 'd-2 is busy too',
    });
    expect(namedIds(both, ['d-1', 'd-2'])).toEqual(['d-1', 'd-2']);
  });

  it('tells a cloud failing every call from one desktop’s error', () => {
    expect(isSystemic(new WorkspaceNetworkError('connect', 'ECONNREFUSED'))).toBe(true);
    expect(isSystemic(api(503, 'gateway'))).toBe(true);
    expect(isSystemic(api(404, 'service'))).toBe(false);
    expect(isSystemic(api(429, 'gateway'))).toBe(false);
    expect(isSystemic(new WorkspaceNetworkError('aborted', 'aborted'))).toBe(false);
  });

  it('knows throttling', () => {
    expect(isThrottled(api(429, 'gateway'))).toBe(true);
    expect(isThrottled(api(503, 'gateway'))).toBe(false);
  });
});
