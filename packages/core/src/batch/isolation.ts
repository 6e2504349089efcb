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
// Calls beyond whole chunks of fresh IDs spend the isolation budget; without budget a failed group fails whole.

/** A call the strategy wants made: these IDs, in one request. */
export interface Probe {
  readonly ids: readonly string[];
  /** Spent from the isolation budget (a test inside a search, or a group smaller than a chunk). */
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

/** A group known to hold at least one bad desktop, with the failure that showed it. */
interface Search<F> {
  ids: readonly string[];
  failure: F;
  /** IDs the failure named: the first test sends the others. */
  named: readonly string[];
  /** The half waiting for the answer about the other one. */
  parked?: readonly string[];
}

interface Pending<F> {
  probe: Probe;
  search: Search<F> | undefined;
}

export class IsolationStrategy<F> {
  readonly #chunkSize: number;
  readonly #perId: number;
  #budget: number;
  /** IDs a search gave back (nothing known about them any more): sent before fresh ones, so searches end soon. */
  #returned: string[] = [];
  /** Fresh IDs, in input order, from `#freshStart` on. */
  #fresh: string[] = [];
  #freshStart = 0;
  #searches: Search<F>[] = [];
  readonly #pending = new Map<Probe, Pending<F>>();
  /** Settled by this strategy, for the density estimate. */
  #good = 0;
  #bad = 0;
  #isolationCalls = 0;

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
    return this.#poolSize() + this.#searches.reduce((n, s) => n + s.ids.length, 0);
  }

  /** Calls in flight. */
  get inFlight(): number {
    return this.#pending.size;
  }

  /** Isolation calls made so far. */
  get isolationCalls(): number {
    return this.#isolationCalls;
  }

  /** True when a search waits for budget: more input (which earns budget) or `exhaust()` unblocks it. */
  get starved(): boolean {
    return this.#budget < 1 && this.#searches.some((search) => !this.#isBusy(search));
  }

  /**
   * The next call to make, or undefined when there is nothing to send until an answer (or more input) comes.
   * `canWait`: more input may still come, so a group smaller than a chunk is not sent yet just because the pool ran
   * low.
   */
  next(canWait: boolean): Probe | undefined {
    const search = this.#budget >= 1 ? this.#searches.find((s) => !this.#isBusy(s)) : undefined;
    if (search) {
      return this.#testHalf(search);
    }
    const available = this.#poolSize();
    if (available === 0) {
      return undefined;
    }
    const wanted = this.#budget >= 1 ? this.#groupSize() : this.#chunkSize;
    if (available < wanted && canWait) {
      return undefined;
    }
    const size = Math.min(wanted, available);
    const ids = this.#takeFromPool(size);
    // A smaller group than a chunk costs calls a chunk would not: budget, unless the input simply ran out.
    const isolation = size < this.#chunkSize && wanted < this.#chunkSize;
    return this.#start({ ids, isolation }, undefined);
  }

  /** The probe's IDs were logged off. */
  accepted(probe: Probe): Settlement<F> {
    const { search } = this.#finish(probe);
    this.#good += probe.ids.length;
    const settlement: Settlement<F> = { succeeded: probe.ids, failed: [] };
    if (search?.parked) {
      // The searched group failed and this part of it passed: the rest holds what failed it.
      this.#known(search.parked, search.failure, settlement);
    }
    return settlement;
  }

  /**
   * The probe failed. `isolatable`: one desktop can cause this failure (so the group holds a bad one); `named`:
   * the IDs the error names. A failure that is not isolatable fails the probe's IDs as they are.
   */
  failed(probe: Probe, failure: F, isolatable: boolean, named: readonly string[] = []): Settlement<F> {
    const { search } = this.#finish(probe);
    const settlement: Settlement<F> = { succeeded: [], failed: [] };
    if (search?.parked) {
      // Nothing is known about the half that was not tested any more: back to the pool.
      this.#returnToPool(search.parked);
    }
    if (!isolatable) {
      settlement.failed.push({ ids: probe.ids, failure, isolated: false });
      return settlement;
    }
    const inGroup = named.filter((id) => probe.ids.includes(id));
    this.#known(probe.ids, failure, settlement, inGroup.length < probe.ids.length ? inGroup : []);
    return settlement;
  }

  /** No more input: a search still waiting for budget fails as it is (`unisolated`). */
  exhaust(): Settlement<F> {
    const settlement: Settlement<F> = { succeeded: [], failed: [] };
    if (this.#budget >= 1) {
      return settlement;
    }
    for (const search of this.#searches.filter((s) => !this.#isBusy(s))) {
      this.#searches.splice(this.#searches.indexOf(search), 1);
      settlement.failed.push({ ids: search.ids, failure: search.failure, isolated: false, unisolated: true });
    }
    return settlement;
  }

  /** Everything not settled and not in flight (to report as not sent), leaving the strategy empty. */
  drain(): string[] {
    const left = [...this.#returned, ...this.#fresh.slice(this.#freshStart)];
    this.#returned = [];
    this.#fresh = [];
    this.#freshStart = 0;
    for (const search of this.#searches) {
      if (!this.#isBusy(search)) {
        left.push(...search.ids);
      }
    }
    this.#searches = this.#searches.filter((search) => this.#isBusy(search));
    return left;
  }

  /** A probe that was not sent after all (e.g. the batch stopped): its IDs, and any half parked with it. */
  abandon(probe: Probe): readonly string[] {
    const { search } = this.#finish(probe);
    return search?.parked ? [...probe.ids, ...search.parked] : probe.ids;
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

  #testHalf(search: Search<F>): Probe {
    let tested: readonly string[];
    let parked: readonly string[];
    if (search.named.length > 0) {
      // The error named some: send the others; if they pass, the named ones are known to fail.
      const named = new Set(search.named);
      tested = search.ids.filter((id) => !named.has(id));
      parked = search.named;
    } else {
      const middle = Math.ceil(search.ids.length / 2);
      tested = search.ids.slice(0, middle);
      parked = search.ids.slice(middle);
    }
    search.parked = parked;
    return this.#start({ ids: tested, isolation: true }, search);
  }

  #start(probe: Probe, search: Search<F> | undefined): Probe {
    if (probe.isolation) {
      this.#budget -= 1;
      this.#isolationCalls += 1;
    }
    this.#pending.set(probe, { probe, search });
    return probe;
  }

  #finish(probe: Probe): Pending<F> {
    const pending = this.#pending.get(probe);
    if (!pending) {
      throw new Error('IsolationStrategy: an answer for a probe it did not make (or answered twice)');
    }
    this.#pending.delete(probe);
    if (pending.search) {
      this.#searches.splice(this.#searches.indexOf(pending.search), 1);
    }
    return pending;
  }

  #isBusy(search: Search<F>): boolean {
    return search.parked !== undefined;
  }

  #poolSize(): number {
    return this.#returned.length + this.#fresh.length - this.#freshStart;
  }

  #takeFromPool(size: number): string[] {
    const ids = this.#returned.splice(0, size);
    const more = size - ids.length;
    if (more > 0) {
      ids.push(...this.#fresh.slice(this.#freshStart, this.#freshStart + more));
      this.#freshStart += more;
      // Drop what was sent once it is most of the array, so a long batch does not keep every ID it pooled.
      if (this.#freshStart > 1024 && this.#freshStart * 2 > this.#fresh.length) {
        this.#fresh = this.#fresh.slice(this.#freshStart);
        this.#freshStart = 0;
      }
    }
    return ids;
  }

  #returnToPool(ids: readonly string[]): void {
    this.#returned.push(...ids);
  }
}
