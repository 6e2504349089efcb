// The batch's input: read lazily from any (async) iterable, each ID counted, repeats collapsed (counted as
// duplicates), invalid ones skipped with the reason (never sent). One read at a time.
import { invalidReason } from './input.js';
import type { ReportBuilder } from './report.js';

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
