// The batch's intake, where the input rule is stated once: every ID read counts, a repeat is collapsed (a
// duplicate), and an ID the spec's DesktopId schema refuses is set aside with the reason, never sent. The scheduler
// applies it lazily, as IDs come from any (async) iterable (IdReader); planBatch applies it to a finite list before
// anything is sent (the CLI's default, and its --dry-run).
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

/** What an ID read is: new and valid (`fresh`), seen before (`repeat`), or refused by the spec, and why. */
type Verdict = 'fresh' | 'repeat' | { invalid: string };

/** The input rule, one ID at a time, over everything read so far. */
function intake(): (id: string) => Verdict {
  const seen = new Set<string>();
  return (id) => {
    if (seen.has(id)) {
      return 'repeat';
    }
    seen.add(id);
    const issue = checkDesktopId(id)[0];
    return issue ? { invalid: issue.message } : 'fresh';
  };
}

/** The scheduler's input: read as the batch goes, one read at a time; what it reads is counted in the report. */
export class IdReader {
  readonly #iterator: AsyncIterator<string> | Iterator<string>;
  readonly #judge = intake();
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
      const verdict = this.#judge(id);
      this.report.countInput(verdict === 'repeat');
      if (verdict === 'fresh') {
        fresh.push(id);
      } else if (verdict !== 'repeat') {
        this.report.skip([id], 'invalid', verdict.invalid);
      }
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

/** A finite list checked whole before anything is sent, with the requests its chunks take at least. */
export function planBatch(
  ids: Iterable<string>,
  options: Pick<BatchOptions, 'chunkSize' | 'ratePerSecond'> = {},
): BatchPlan {
  const chunkSize = options.chunkSize ?? BATCH_DEFAULTS.chunkSize;
  const judge = intake();
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
    const verdict = judge(id);
    if (verdict === 'fresh') {
      plan.ids.push(id);
    } else if (verdict === 'repeat') {
      plan.duplicates++;
    } else {
      plan.invalid.push({ id, index, reason: verdict.invalid });
    }
  }
  plan.requests = Math.ceil(plan.ids.length / chunkSize);
  plan.estimatedMs = pacedMs(plan.requests, options.ratePerSecond ?? BATCH_DEFAULTS.ratePerSecond);
  return plan;
}
