// Which desktops go into each call, given what earlier calls showed: pure (no HTTP, no clock), so it can be tested
// against a simulated cloud. A call answers one bit, "all accepted" or "failed" (with the error of its first bad
// desktop), so the work is group testing:
// - fresh IDs go out in groups sized from the failure density seen so far (Hwang's generalized binary splitting:
//   2^⌊log2(1/p − 1)⌋, at most a chunk), which keeps the number of calls near log2 C(n, d);
// - a failed group is known to hold a bad desktop: one half is tested; if it fails, the search goes on in it and the
//   untested half goes back to the pool; if it passes, the other half is known to fail, with no call spent;
// - a known-bad single desktop fails with the error of the call that showed it (its own, or its group's when the
//   rest of the group passed: that error can only have been its own);
// - when an error names desktops of the group, the split is the named ones against the rest, so the name is
//   verified by the rest passing, never trusted blindly.
// Every call but the first one of each chunk of fresh IDs spends the isolation budget. Without budget, fresh IDs
// go in whole chunks, and what a failed call left unresolved fails as `unisolated`.
/** A call the strategy wants made: these IDs, in one request. */
export interface Call {
  readonly ids: readonly string[];
  /** Spent from the isolation budget (not the first call of a chunk of fresh IDs). */
  readonly isolation: boolean;
}

/** Desktops settled by an answer; `F` is the failure as the caller describes it (e.g. the error). */
export interface Settlement<F> {
  succeeded: readonly string[];
  failed: { ids: readonly string[]; failure: F; isolated: boolean; unisolated?: true }[];
}

export interface IsolationOptions {
  /** IDs per call at most. */
  chunkSize: number;
  /** Isolation calls allowed in all; or, with `perId`, earned by each ID added. */
  budget: { total: number } | { perId: number };
}

/** IDs of a failed call about which nothing is known any more, with that call's failure. */
interface Suspects<F> {
  ids: readonly string[];
  failure: F;
}

/** A group known to hold at least one bad desktop, with the failure that showed it. */
interface Search<F> extends Suspects<F> {
  /** IDs the failure named: the first test sends the others. */
  named: readonly string[];
  /** The half waiting for the answer about the other one. */
  parked?: readonly string[];
}

export class IsolationStrategy<F> {
  readonly #chunkSize: number;
  readonly #perId: number;
  #budget: number;
  /** Suspects go out before fresh IDs, so searches end soon. */
  #suspects: Suspects<F>[] = [];
  /** Fresh IDs, in input order, from `#freshStart` on. */
  #fresh: string[] = [];
  #freshStart = 0;
  #searches: Search<F>[] = [];
  readonly #pending = new Map<Call, Search<F> | undefined>();
  /** Settled by this strategy, for the density estimate. */
  #good = 0;
  #bad = 0;

  constructor(options: IsolationOptions) {
    this.#chunkSize = options.chunkSize;
    this.#perId = 'perId' in options.budget ? options.budget.perId : 0;
    this.#budget = 'total' in options.budget ? options.budget.total : 0;
  }

  /** Fresh IDs to log off (valid, distinct). */
  add(ids: readonly string[]): void {
    for (const id of ids) {
      this.#fresh.push(id);
    }
    this.#budget += this.#perId * ids.length;
  }

  /** IDs waiting to be sent (not in flight). */
  get waiting(): number {
    // Stryker disable next-line ArrowFunction: it only sets how far ahead of the calls the input is read.
    const searched = this.#searches.reduce((n, s) => (s.parked ? n : n + s.ids.length), 0);
    return this.#freshLeft() + this.#suspectCount() + searched;
  }

  /** Each ID added earns budget (so more input can unblock what waits for it). */
  get earnsBudget(): boolean {
    return this.#perId > 0;
  }

  /** Work waits for budget: more input (when it earns budget) or `exhaust()` unblocks it. */
  get starved(): boolean {
    return this.#budget < 1 && (this.#suspects.length > 0 || this.#searches.some((s) => !s.parked));
  }

  /**
   * The next call to make, or undefined when there is nothing to send until an answer (or more input) comes.
   * `canWait`: more input may still come, so a group is not sent short just because fresh IDs ran low.
   */
  next(canWait: boolean): Call | undefined {
    const funded = this.#budget >= 1;
    const search = funded ? this.#searches.find((s) => !s.parked) : undefined;
    if (search) {
      return this.#testHalf(search);
    }
    const wanted = funded ? this.#groupSize() : this.#chunkSize;
    const available = (funded ? this.#suspectCount() : 0) + this.#freshLeft();
    if (available === 0 || (available < wanted && canWait)) {
      return undefined;
    }
    const suspects = funded ? this.#takeSuspects(wanted) : [];
    const fresh = this.#takeFresh(wanted - suspects.length);
    // The first call of a chunk of fresh IDs is free; anything else is isolation.
    const isolation = suspects.length > 0 || wanted < this.#chunkSize;
    return this.#start({ ids: [...suspects, ...fresh], isolation }, undefined);
  }

  /** The call's IDs were logged off. */
  accepted(call: Call): Settlement<F> {
    const search = this.#finish(call);
    this.#good += call.ids.length;
    const settlement: Settlement<F> = { succeeded: call.ids, failed: [] };
    if (search?.parked) {
      // The searched group failed and this part of it passed: the rest holds what failed it.
      this.#known(search.parked, search.failure, settlement);
    }
    return settlement;
  }

  /**
   * The call failed. `isolatable`: one desktop can cause this failure (so the group holds a bad one); `named`:
   * the IDs the error names. A failure that is not isolatable fails the call's IDs as they are.
   */
  failed(call: Call, failure: F, isolatable: boolean, named: readonly string[]): Settlement<F> {
    const search = this.#finish(call);
    const settlement: Settlement<F> = { succeeded: [], failed: [] };
    if (search?.parked) {
      // Nothing is known about the untested half any more: back to the pool, with what made it suspect.
      this.#suspects.push({ ids: search.parked, failure: search.failure });
    }
    if (!isolatable) {
      settlement.failed.push({ ids: call.ids, failure, isolated: false });
      return settlement;
    }
    const inGroup = named.filter((id) => call.ids.includes(id));
    this.#known(call.ids, failure, settlement, inGroup.length < call.ids.length ? inGroup : []);
    return settlement;
  }

  /** Without budget: what waits for it fails as it is (`unisolated`, with the failure that made it suspect). */
  exhaust(): Settlement<F> {
    const settlement: Settlement<F> = { succeeded: [], failed: [] };
    if (this.#budget >= 1) {
      return settlement;
    }
    for (const group of [...this.#takeIdleSearches(), ...this.#suspects.splice(0)]) {
      settlement.failed.push({ ids: group.ids, failure: group.failure, isolated: false, unisolated: true });
    }
    return settlement;
  }

  /** Everything not settled and not in flight (to report as not sent), leaving the strategy empty. */
  drain(): string[] {
    const left = [...this.#suspects.splice(0), ...this.#takeIdleSearches()].flatMap((group) => group.ids);
    left.push(...this.#fresh.slice(this.#freshStart));
    this.#fresh = [];
    this.#freshStart = 0;
    return left;
  }

  /** A call that was not sent after all (e.g. the batch stopped): its IDs, and any half parked with it. */
  abandon(call: Call): readonly string[] {
    const search = this.#finish(call);
    return search?.parked ? [...call.ids, ...search.parked] : call.ids;
  }

  /** Group size for fresh IDs: the chunk while nothing has failed; 2^⌊log2(1/p − 1)⌋ at density p. */
  #groupSize(): number {
    if (this.#bad === 0) {
      return this.#chunkSize;
    }
    const ratio = (this.#good + this.#bad) / this.#bad - 1;
    if (ratio >= this.#chunkSize) {
      return this.#chunkSize;
    }
    return ratio < 2 ? 1 : 2 ** Math.floor(Math.log2(ratio));
  }

  /** A group known to fail: a single desktop is settled, a larger group is searched. */
  #known(ids: readonly string[], failure: F, settlement: Settlement<F>, named: readonly string[] = []): void {
    if (ids.length === 1) {
      this.#bad += 1;
      settlement.failed.push({ ids, failure, isolated: true });
      return;
    }
    this.#searches.push({ ids, failure, named });
  }

  #testHalf(search: Search<F>): Call {
    if (search.named.length > 0) {
      // The error named some: send the others; if they pass, the named ones are known to fail.
      const named = new Set(search.named);
      search.parked = search.named;
      return this.#start({ ids: search.ids.filter((id) => !named.has(id)), isolation: true }, search);
    }
    const [tested, parked] = halves(search.ids);
    search.parked = parked;
    return this.#start({ ids: tested, isolation: true }, search);
  }

  #start(call: Call, search: Search<F> | undefined): Call {
    if (call.isolation) {
      this.#budget -= 1;
    }
    this.#pending.set(call, search);
    return call;
  }

  /** The search the call tested, once it is answered (the search is done: what it learnt is settled anew). */
  #finish(call: Call): Search<F> | undefined {
    if (!this.#pending.has(call)) {
      throw new Error('IsolationStrategy: an answer for a call it did not make (or answered twice)');
    }
    const search = this.#pending.get(call);
    this.#pending.delete(call);
    // A finished search left in the list would stay parked, never read again: removing it keeps the list short.
    // Stryker disable next-line ConditionalExpression,BlockStatement: no answer or call differs without it.
    if (search) {
      this.#searches.splice(this.#searches.indexOf(search), 1);
    }
    return search;
  }

  /** Removes and returns the searches with no test in flight. */
  #takeIdleSearches(): Search<F>[] {
    const idle = this.#searches.filter((s) => !s.parked);
    this.#searches = this.#searches.filter((s) => s.parked);
    return idle;
  }

  #suspectCount(): number {
    return this.#suspects.reduce((n, group) => n + group.ids.length, 0);
  }

  #freshLeft(): number {
    return this.#fresh.length - this.#freshStart;
  }

  /** Up to `count` suspects, whole groups first (a group is split only to fill the call). */
  #takeSuspects(count: number): string[] {
    const ids: string[] = [];
    while (ids.length < count && this.#suspects.length > 0) {
      const group = this.#suspects[0] as Suspects<F>;
      const room = count - ids.length;
      ids.push(...group.ids.slice(0, room));
      // Stryker disable next-line EqualityOperator: a group emptied but left in place is dropped by the next take.
      if (group.ids.length <= room) {
        this.#suspects.shift();
      } else {
        this.#suspects[0] = { ids: group.ids.slice(room), failure: group.failure };
      }
    }
    return ids;
  }

  #takeFresh(count: number): string[] {
    const ids = this.#fresh.slice(this.#freshStart, this.#freshStart + count);
    this.#freshStart += ids.length;
    // Drop what was sent once it is most of the array, so a long batch does not keep every ID it pooled.
    // Stryker disable next-line all: memory only; the IDs handed out are the same either way.
    if (this.#freshStart > 1024 && this.#freshStart * 2 > this.#fresh.length) {
      this.#fresh = this.#fresh.slice(this.#freshStart);
      this.#freshStart = 0;
    }
    return ids;
  }
}

/** Splits a list in two halves (the first one larger by at most one). */
export function halves<T>(items: readonly T[]): [T[], T[]] {
  const middle = Math.ceil(items.length / 2);
  return [items.slice(0, middle), items.slice(middle)];
}
