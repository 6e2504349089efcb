// The batch's intake: desktop IDs read lazily from any (async) iterable by the scheduler (IdReader), or a finite
// list planned before anything is sent (planBatch, the CLI's default and its --dry-run). Each ID is counted, a
// repeat is collapsed (counted as a duplicate), and one the spec's DesktopId schema refuses is set aside with the
// reason (never sent).
import { checkDesktopId } from '../spec/validate.js';
import { BATCH_DEFAULTS, type BatchOptions } from './options.js';
import { pacedMs } from './pace.js';
import type { ReportBuilder } from './report.js';

export interface InvalidId {
  id: string;
  /** 0-based position in the input. */
  index: number;
  reason: string;
}

/** Why an ID is not a valid desktop ID, or undefined when it is. */
export function invalidReason(id: unknown): string | undefined {
  return checkDesktopId(id)[0]?.message;
}

export class IdReader {
  readonly #iterator: AsyncIterator<string> | Iterator<string>;
  readonly #seen = new Set<string>();
  #done = false;
  #reading: Promise<string[]> | undefined;

  constructor(
    ids: Iterable<string> | AsyncIterable<string>,
    private readonly report: ReportBuilder,
  ) {
    this.#iterator =
      Symbol.asyncIterator in ids
        ? ids[Symbol.asyncIterator]()
        : (ids as Iterable<string>)[Symbol.iterator]();
  }

  /** The input has ended. */
  get done(): boolean {
    return this.#done;
  }

  /** Up to `count` new valid IDs (fewer when the input ends). */
  read(count: number): Promise<string[]> {
    const previous = this.#reading ?? Promise.resolve();
    const reading = previous.then(() => this.#read(count));
    this.#reading = reading;
    return reading;
  }

  /** Every valid ID left. */
  readAll(): Promise<string[]> {
    return this.read(Number.POSITIVE_INFINITY);
  }

  async #read(count: number): Promise<string[]> {
    const fresh: string[] = [];
    while (!this.#done && fresh.length < count) {
      const next = await this.#iterator.next();
      if (next.done) {
        this.#done = true;
        break;
      }
      const id = String(next.value);
      this.report.input++;
      if (this.#seen.has(id)) {
        this.report.duplicates++;
        continue;
      }
      this.#seen.add(id);
      const reason = invalidReason(id);
      if (reason) {
        this.report.skip([id], 'invalid', reason);
        continue;
      }
      fresh.push(id);
    }
    return fresh;
  }
}

export interface BatchPlan {
  /** Valid, distinct IDs in input order. */
  ids: string[];
  invalid: InvalidId[];
  /** Repeated occurrences (of valid or invalid IDs), collapsed. */
  duplicates: number;
  /** IDs read, repeated occurrences included. */
  total: number;
  chunkSize: number;
  /** Requests the valid IDs take at least (isolating failures takes more). */
  requests: number;
  /**
   * The least time those requests take at the rate (`ratePerSecond`, default 1.5), in ms; retries, isolation and
   * throttling take longer.
   */
  estimatedMs: number;
}

export function planBatch(
  ids: Iterable<string>,
  options: Pick<BatchOptions, 'chunkSize' | 'ratePerSecond'> = {},
): BatchPlan {
  const chunkSize = options.chunkSize ?? BATCH_DEFAULTS.chunkSize;
  const seen = new Set<string>();
  const plan: BatchPlan = {
    ids: [],
    invalid: [],
    duplicates: 0,
    total: 0,
    chunkSize,
    requests: 0,
    estimatedMs: 0,
  };
  for (const id of ids) {
    const index = plan.total++;
    if (seen.has(id)) {
      plan.duplicates++;
      continue;
    }
    seen.add(id);
    const reason = invalidReason(id);
    if (reason) {
      plan.invalid.push({ id, index, reason });
    } else {
      plan.ids.push(id);
    }
  }
  plan.requests = Math.ceil(plan.ids.length / chunkSize);
  plan.estimatedMs = pacedMs(plan.requests, options.ratePerSecond ?? BATCH_DEFAULTS.ratePerSecond);
  return plan;
}
