// logoffMany(): any number of desktop IDs through one LogoffClient. This is the scheduler, and only that: it
// launches the calls the isolation strategy asks for (bounded concurrency, paced; one at a time while the cloud
// seems down), reads the input ahead of them, waits for answers (the settler turns each into what the batch knows),
// and stops when an answer says so or the caller cancels. Every distinct ID ends up succeeded, failed or skipped,
// exactly once.
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

const CANCELLED: StopInfo = { reason: 'cancelled', message: 'the batch was cancelled' };

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
  const batch = new Batch(client, ids, options);
  const onAbort = () => batch.halt();
  options.signal?.addEventListener('abort', onAbort);
  if (options.signal?.aborted) {
    batch.halt();
  }
  try {
    await batch.launchAndWait();
    await batch.end();
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
  }
  return batch.report.build();
}

/**
 * The pace when the caller sets none: the cloud's, unless the client talks to the wks-logoff proxy (bearer), which
 * paces every caller against the quota it holds; there the calls are bounded by the concurrency, and the proxy's
 * 429s say when to come back (Retry-After).
 */
function defaultRate(client: LogoffClient): number {
  return client.authScheme === 'bearer' ? Number.POSITIVE_INFINITY : BATCH_DEFAULTS.ratePerSecond;
}

/** One batch: its parts, made from its options, and the loop that launches its calls. */
class Batch {
  readonly report: ReportBuilder;
  readonly #reader: IdReader;
  readonly #strategy: IsolationStrategy<WksError>;
  readonly #pacer: Pacer;
  readonly #breaker = new Breaker(BATCH_DEFAULTS.systemicFailuresToStop);
  readonly #settler: Settler;
  readonly #context: SendContext;
  readonly #concurrency: number;
  /** IDs read ahead of the calls: enough for every call that may start. */
  readonly #readAhead: number;
  readonly #total: number | undefined;
  readonly #onProgress: BatchOptions['onProgress'];
  // Aborted on cancellation or a stop: calls still waiting for the pacer are not sent; those in flight finish.
  readonly #halt = new AbortController();
  readonly #running = new Map<Call, Promise<void>>();

  constructor(client: LogoffClient, ids: Iterable<string> | AsyncIterable<string>, options: BatchOptions) {
    const chunkSize = options.chunkSize ?? BATCH_DEFAULTS.chunkSize;
    this.#concurrency = options.concurrency ?? BATCH_DEFAULTS.concurrency;
    this.#readAhead = this.#concurrency * chunkSize;
    this.#total = options.total ?? (Array.isArray(ids) ? new Set(ids).size : undefined);
    this.#onProgress = options.onProgress;
    this.report = new ReportBuilder(client.projectId, options.message, options.target);
    this.#reader = new IdReader(ids, this.report);
    this.#strategy = new IsolationStrategy<WksError>({
      chunkSize,
      budget:
        options.isolationBudget === undefined
          ? { perId: BATCH_DEFAULTS.isolationBudgetPerId }
          : { total: options.isolationBudget },
    });
    this.#pacer = new Pacer({ ratePerSecond: options.ratePerSecond ?? defaultRate(client) });
    this.#settler = new Settler(
      this.report,
      this.#strategy,
      this.#pacer,
      this.#breaker,
      options.maxRequeues ?? BATCH_DEFAULTS.maxRequeues,
    );
    // Each call waiting for the pacer listens to the halt: as many as the calls that may be in flight.
    setMaxListeners(this.#concurrency + 10, this.#halt.signal);
    const signal = this.#halt.signal;
    this.#context = { client, message: options.message, pacer: this.#pacer, signal, report: this.report };
  }

  /** Nothing more is launched: the batch was cancelled, or an answer stopped it. */
  halt(): void {
    this.#halt.abort();
  }

  /** Launches what the strategy asks for, reading the input ahead of it, until all is settled or the batch halts. */
  async launchAndWait(): Promise<void> {
    const strategy = this.#strategy;
    const reader = this.#reader;
    const running = this.#running;
    while (!this.#halt.signal.aborted) {
      // Enough IDs waiting for every call that may start; more input also earns budget for a search waiting on it.
      const earn = strategy.starved && strategy.earnsBudget;
      if (!reader.done && (strategy.waiting < this.#readAhead || earn)) {
        strategy.add(await reader.read(this.#readAhead));
        continue;
      }
      // Starved with nothing more to earn (input read whole, or a fixed budget): fail what waits, unisolated.
      if (strategy.starved) {
        this.#settler.recordFailures(strategy.exhaust());
        continue;
      }
      const slots = this.#breaker.failing ? Number(running.size === 0) : this.#concurrency - running.size;
      const call = slots > 0 ? (this.#settler.nextRequeued() ?? strategy.next(!reader.done)) : undefined;
      if (call) {
        this.#launch(call);
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
  }

  /** Once nothing runs: a batch that halted reports what it did not send, and the input it did not read, as skipped. */
  async end(): Promise<void> {
    if (!this.#halt.signal.aborted) {
      const unreachable = this.#settler.unreachableAtEnd();
      if (unreachable) {
        this.report.stop(unreachable, []);
      }
      return;
    }
    const notSent = [...this.#settler.takeUnsent(), ...(await this.#reader.readAll())];
    this.report.stop(this.#settler.stop ?? CANCELLED, notSent);
    this.#progress();
  }

  #launch(call: Call): void {
    const task = (async () => {
      const answer = await sendCall(call, this.#context);
      if (!answer) {
        this.#settler.notSent(call);
        return;
      }
      this.#settler.settle(call, answer);
      if (this.#settler.stop) {
        this.halt();
      }
      this.#progress();
    })().finally(() => this.#running.delete(call));
    this.#running.set(call, task);
  }

  #progress(): void {
    const { report } = this;
    this.#onProgress?.({
      done: report.settled,
      total: this.#total,
      succeeded: report.succeeded.length,
      failed: report.failed.length,
      skipped: report.skipped.length,
      requests: report.requests.total,
      retries: report.requests.retries,
      inFlight: this.#running.size,
      ratePerSecond: this.#pacer.rate,
    });
  }
}
