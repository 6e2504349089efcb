// logoffMany(): any number of desktop IDs through one LogoffClient. This is the scheduler: it feeds the isolation
// strategy from the reader, launches the calls the strategy asks for (bounded concurrency, paced; one at a time
// while the cloud seems down), hands each answer to the settler, and when the batch stops or is cancelled reports
// everything not sent as skipped. Every distinct ID ends up succeeded, failed or skipped, exactly once.
import { setMaxListeners } from 'node:events';
import type { LogoffClient } from '../client/create-client.js';
import { ValidationError, type WksError } from '../errors/classes.js';
import { Breaker } from './breaker.js';
import { IdReader } from './intake.js';
import { type Call, IsolationStrategy } from './isolation.js';
import { BATCH_DEFAULTS, type BatchOptions, checkBatchOptions } from './options.js';
import { Pacer } from './pace.js';
import { type LogoffReport, ReportBuilder, type StopInfo } from './report.js';
import { type SendContext, sendCall } from './sender.js';
import { Settler } from './settler.js';

export async function logoffMany(
  client: LogoffClient,
  ids: Iterable<string> | AsyncIterable<string>,
  options: BatchOptions = {},
): Promise<LogoffReport> {
  // Refused before anything is read or sent (a bad message would fail every chunk alike).
  const issues = checkBatchOptions(options);
  if (issues.length > 0) {
    throw new ValidationError(issues, 'Invalid batch options');
  }
  const chunkSize = options.chunkSize ?? BATCH_DEFAULTS.chunkSize;
  const concurrency = options.concurrency ?? BATCH_DEFAULTS.concurrency;
  const report = new ReportBuilder(client.projectId, options.message, options.target);
  const total = options.total ?? (Array.isArray(ids) ? new Set(ids).size : undefined);
  const reader = new IdReader(ids, report);
  const strategy = new IsolationStrategy<WksError>({
    chunkSize,
    budget:
      options.isolationBudget === undefined
        ? { perId: BATCH_DEFAULTS.isolationBudgetPerId }
        : { total: options.isolationBudget },
  });
  const pacer = new Pacer({ ratePerSecond: options.ratePerSecond ?? BATCH_DEFAULTS.ratePerSecond });
  const breaker = new Breaker(BATCH_DEFAULTS.systemicFailuresToStop);
  const settler = new Settler(
    report,
    strategy,
    pacer,
    breaker,
    options.maxRequeues ?? BATCH_DEFAULTS.maxRequeues,
  );

  // Aborted on cancellation or a stop: calls still waiting for the pacer are not sent; those in flight finish.
  const halt = new AbortController();
  // Each call waiting for the pacer listens to it: as many as the calls that may be in flight.
  setMaxListeners(concurrency + 10, halt.signal);
  const onAbort = () => halt.abort();
  options.signal?.addEventListener('abort', onAbort);
  if (options.signal?.aborted) {
    halt.abort();
  }
  const context: SendContext = { client, message: options.message, pacer, signal: halt.signal, report };
  const running = new Map<Call, Promise<void>>();
  const requeued: Call[] = [];
  const requeues = new Map<Call, number>();
  const notSent: string[] = [];

  const progress = () =>
    options.onProgress?.({
      done: report.settled,
      total,
      succeeded: report.succeeded.length,
      failed: report.failed.length,
      skipped: report.skipped.length,
      requests: report.requests.total,
      retries: report.requests.retries,
      inFlight: running.size,
      ratePerSecond: pacer.rate,
    });

  const launch = (call: Call) => {
    const task = (async () => {
      const answer = await sendCall(call, context);
      if (!answer) {
        notSent.push(...strategy.abandon(call));
        return;
      }
      const times = requeues.get(call) ?? 0;
      requeues.delete(call);
      if (settler.settle(call, answer, times) === 'requeue') {
        requeues.set(call, times + 1);
        requeued.push(call);
      }
      if (settler.stop) {
        halt.abort();
      }
      progress();
    })().finally(() => running.delete(call));
    running.set(call, task);
  };

  while (!halt.signal.aborted) {
    // Enough IDs waiting for every call that may start; more input also earns budget for a search waiting on it.
    const earn = strategy.starved && strategy.earnsBudget;
    if (!reader.done && (strategy.waiting < concurrency * chunkSize || earn)) {
      strategy.add(await reader.read(concurrency * chunkSize));
      continue;
    }
    // Starved with nothing more to earn (input read whole, or a fixed budget): fail what waits, unisolated.
    if (strategy.starved) {
      settler.recordFailures(strategy.exhaust());
      continue;
    }
    const slots = breaker.failing ? Number(running.size === 0) : concurrency - running.size;
    const call = slots > 0 ? (requeued.shift() ?? strategy.next(!reader.done)) : undefined;
    if (call) {
      launch(call);
      continue;
    }
    // Nothing to send now. The input is read ahead of every call that may start, so with nothing in flight
    // either, it has all been read and settled.
    if (running.size === 0) {
      break;
    }
    await Promise.race(running.values());
  }
  await Promise.all(running.values());

  if (halt.signal.aborted) {
    const stop: StopInfo = settler.stop ?? { reason: 'cancelled', message: 'the batch was cancelled' };
    // Every ID given must be reported: what was not sent, what waited, and the rest of the input.
    const left = [
      ...notSent,
      ...requeued.splice(0).flatMap((call) => strategy.abandon(call)),
      ...strategy.drain(),
      ...(await reader.readAll()),
    ];
    if (stop.reason === 'cancelled') {
      report.skip(left, 'cancelled', 'not sent: the batch was cancelled');
    } else {
      report.skip(left, 'stopped', `not sent: the batch stopped after ${stop.message ?? stop.reason}`);
    }
    report.stopped = stop;
    progress();
  } else {
    report.stopped = settler.unreachableAtEnd();
  }
  options.signal?.removeEventListener('abort', onAbort);
  return report.build();
}
