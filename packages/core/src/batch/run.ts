// logoffMany(): any number of desktop IDs, from any (async) iterable, through one LogoffClient. Chunks of at
// most 100, bounded concurrency, client-side pacing that backs off on throttling, bisection to isolate the
// desktops a failure belongs to, an early stop when credentials or permissions are wrong, and a report that
// settles every distinct ID exactly once.
import type { AttemptEvent, LogoffResult } from '../client/attempts.js';
import type { LogoffClient } from '../client/create-client.js';
import { ValidationError, WksError, WorkspaceApiError } from '../errors/classes.js';
import { halves } from './chunk.js';
import { invalidReason } from './input.js';
import { isIsolatable, isThrottled, stopReason } from './classify.js';
import { BATCH_DEFAULTS, type BatchOptions, checkBatchOptions } from './options.js';
import { Pacer } from './pace.js';
import { type LogoffReport, ReportBuilder, type StopInfo } from './report.js';

interface QueuedChunk {
  ids: string[];
  requeues: number;
  /** A half of a failed chunk, sent to find the desktops that failed it. */
  isolation: boolean;
}

function iteratorOf(ids: Iterable<string> | AsyncIterable<string>): AsyncIterator<string> | Iterator<string> {
  return Symbol.asyncIterator in ids
    ? ids[Symbol.asyncIterator]()
    : (ids as Iterable<string>)[Symbol.iterator]();
}

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
  const maxRequeues = options.maxRequeues ?? BATCH_DEFAULTS.maxRequeues;
  const pacer = new Pacer({ ratePerSecond: options.ratePerSecond ?? BATCH_DEFAULTS.ratePerSecond });
  const { message, signal } = options;
  const report = new ReportBuilder(client.projectId, message);
  const total = options.total ?? (Array.isArray(ids) ? new Set(ids).size : undefined);

  const seen = new Set<string>();
  const queue: QueuedChunk[] = [];
  let buffer: string[] = [];
  let budget = options.isolationBudget ?? 0;
  const dynamicBudget = options.isolationBudget === undefined;
  let stop: StopInfo | undefined;
  let inFlight = 0;
  const iterator = iteratorOf(ids);
  let exhausted = false;
  let reading: Promise<void> | undefined;

  const halted = () => stop !== undefined || signal?.aborted === true;

  function accept(id: string) {
    report.input++;
    if (seen.has(id)) {
      report.duplicates++;
      return;
    }
    seen.add(id);
    const reason = invalidReason(id);
    if (reason) {
      report.skip([id], 'invalid', reason);
      return;
    }
    buffer.push(id);
    if (buffer.length === chunkSize) {
      flush();
    }
  }

  function flush() {
    if (buffer.length === 0) {
      return;
    }
    queue.push({ ids: buffer, requeues: 0, isolation: false });
    buffer = [];
    if (dynamicBudget) {
      budget += BATCH_DEFAULTS.isolationBudgetPerChunk;
    }
  }

  /** Reads input until enough chunks are queued (or it ends); one reader at a time. */
  function fill(all = false): Promise<void> {
    reading ??= (async () => {
      while (!exhausted && (all || queue.length < concurrency * 2)) {
        const next = await iterator.next();
        if (next.done) {
          exhausted = true;
          flush();
        } else {
          accept(String(next.value));
        }
      }
    })().finally(() => {
      reading = undefined;
    });
    return reading;
  }

  function progress() {
    options.onProgress?.({
      done: report.settled,
      total,
      succeeded: report.succeeded.length,
      failed: report.failed.length,
      skipped: report.skipped.length,
      requests: report.requests.total,
      retries: report.requests.retries,
      inFlight,
      ratePerSecond: pacer.rate,
    });
  }

  function skipForHalt(chunkIds: readonly string[]) {
    if (stop && stop.reason !== 'cancelled') {
      report.skip(chunkIds, 'stopped', `not sent: the batch stopped after ${stop.message ?? stop.reason}`);
    } else {
      report.skip(chunkIds, 'cancelled', 'not sent: the batch was cancelled');
    }
  }

  async function send(entry: QueuedChunk): Promise<void> {
    const { ids: chunkIds, isolation } = entry;
    if (halted()) {
      return skipForHalt(chunkIds);
    }
    try {
      await pacer.acquire(signal);
    } catch {
      return skipForHalt(chunkIds);
    }
    if (halted()) {
      return skipForHalt(chunkIds);
    }
    if (isolation) {
      report.requests.isolation++;
    }
    let attempts = 0;
    const countAttempt = (event: AttemptEvent) => {
      attempts = event.attempt;
      report.requests.total++;
      if (event.attempt > 1) {
        report.requests.retries++;
      }
    };
    const body = { desktop_ids: chunkIds, ...(message !== undefined ? { message } : {}) };
    inFlight++;
    let outcome: { result: LogoffResult } | { error: WksError };
    try {
      outcome = { result: await client.logoff(body, { onAttempt: countAttempt }) };
    } catch (caught) {
      if (!(caught instanceof WksError)) {
        throw caught;
      }
      outcome = { error: caught };
    } finally {
      inFlight--;
    }
    if ('result' in outcome) {
      const { result } = outcome;
      pacer.onSuccess();
      report.succeed(chunkIds, result.requestId, result.uncertain);
      report.calls.push({
        size: chunkIds.length,
        outcome: 'succeeded',
        status: result.status,
        ...(result.requestId ? { requestId: result.requestId } : {}),
        attempts,
        isolation,
      });
    } else {
      const { error } = outcome;
      const apiError = error instanceof WorkspaceApiError ? error : undefined;
      report.calls.push({
        size: chunkIds.length,
        outcome: 'failed',
        ...(apiError ? { status: apiError.status } : {}),
        ...(apiError?.errorCode ? { errorCode: apiError.errorCode } : {}),
        ...(apiError?.requestId ? { requestId: apiError.requestId } : {}),
        attempts,
        isolation,
      });
      await settleFailure(error, chunkIds, entry);
    }
    progress();
  }

  async function settleFailure(error: WksError, chunkIds: string[], entry: QueuedChunk) {
    const reason = stopReason(error);
    if (reason) {
      const apiError = error instanceof WorkspaceApiError ? error : undefined;
      stop ??= {
        reason,
        ...(apiError ? { status: apiError.status } : {}),
        ...(apiError?.errorCode ? { errorCode: apiError.errorCode } : {}),
        message: error.message,
        ...(apiError?.hint ? { hint: apiError.hint } : {}),
      };
      report.fail(chunkIds, error);
      return;
    }
    if (isThrottled(error)) {
      pacer.onThrottled();
      // Isolation calls too: a valid desktop must never fail only because its half was throttled.
      if (entry.requeues < maxRequeues && !halted()) {
        entry.requeues++;
        report.requests.requeued++;
        queue.unshift(entry);
        return;
      }
      report.fail(chunkIds, error);
      return;
    }
    if (chunkIds.length > 1 && isIsolatable(error, chunkIds) && budget >= 2) {
      budget -= 2;
      const [first, second] = halves(chunkIds);
      await send({ ids: first, requeues: 0, isolation: true });
      await send({ ids: second, requeues: 0, isolation: true });
      return;
    }
    report.fail(chunkIds, error, chunkIds.length === 1 && isIsolatable(error, chunkIds));
  }

  async function worker() {
    for (;;) {
      if (halted()) {
        return;
      }
      if (queue.length === 0 && !exhausted) {
        await fill();
      }
      const entry = queue.shift();
      if (!entry) {
        if (exhausted) {
          return;
        }
        continue;
      }
      await send(entry);
    }
  }

  await Promise.all(Array.from({ length: concurrency }, () => worker()));

  if (halted()) {
    if (!stop) {
      stop = { reason: 'cancelled', message: 'the batch was cancelled' };
    }
    // Every ID given must be reported: read the rest of the input and skip what was not sent.
    await fill(true);
    flush();
    for (const entry of queue.splice(0)) {
      skipForHalt(entry.ids);
    }
    progress();
  }
  report.stopped = stop;
  return report.build();
}
