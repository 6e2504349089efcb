// Weighted fair queueing of waiting requests among callers (self-clocked fair queueing): each request gets a
// virtual finish tag, its caller's previous tag (or the virtual time, if it had nothing waiting) plus
// 1 / weight; the smallest tag goes first, and the virtual time becomes that tag. A caller with many requests
// waiting has tags far ahead, so a caller with one is served next; only callers with requests waiting hold tags,
// so an idle caller's share goes to the others and comes back with no credit saved up.

/** Virtual cost of one request for a caller of this weight (whole numbers: the same tags in Lua and here). */
export function tagCost(weight: number): number {
  return Math.max(1, Math.round(1_000_000 / (weight > 0 ? weight : 1)));
}

export interface FairEntry<T> {
  readonly item: T;
  readonly callerId: string;
  readonly finish: number;
  /** Arrival order, which breaks ties. */
  readonly seq: number;
}

/** Whether `a` goes before `b`: the smaller finish tag, then the earlier arrival. */
function servedBefore<T>(a: FairEntry<T>, b: FairEntry<T>): boolean {
  if (a.finish !== b.finish) {
    // Stryker disable next-line EqualityOperator: the tags differ here, so < and <= agree.
    return a.finish < b.finish;
  }
  // Stryker disable next-line EqualityOperator: arrival numbers are never equal, so < and <= agree.
  return a.seq < b.seq;
}

export class FairQueue<T> {
  private virtualTime = 0;
  private seq = 0;
  private count = 0;
  /** Each caller with requests waiting, in tag order (tags only grow within a caller). */
  private readonly waiting = new Map<string, FairEntry<T>[]>();

  get size(): number {
    return this.count;
  }

  /** The finish tag a request of this caller would get now. */
  finishFor(callerId: string, weight: number): number {
    const own = this.waiting.get(callerId);
    const last = own ? (own[own.length - 1] as FairEntry<T>).finish : this.virtualTime;
    return Math.max(this.virtualTime, last) + tagCost(weight);
  }

  /** Requests that would be served before one with this finish tag. */
  ahead(finish: number): number {
    let count = 0;
    for (const entries of this.waiting.values()) {
      let low = 0;
      let high = entries.length;
      while (low < high) {
        const middle = (low + high) >>> 1;
        if ((entries[middle] as FairEntry<T>).finish <= finish) {
          low = middle + 1;
        } else {
          high = middle;
        }
      }
      count += low;
    }
    return count;
  }

  push(item: T, callerId: string, weight: number): FairEntry<T> {
    const entry = { item, callerId, finish: this.finishFor(callerId, weight), seq: this.seq++ };
    const own = this.waiting.get(callerId);
    if (own) {
      own.push(entry);
    } else {
      this.waiting.set(callerId, [entry]);
    }
    this.count++;
    return entry;
  }

  /** The next to serve, left in place. */
  peek(): FairEntry<T> | undefined {
    let best: FairEntry<T> | undefined;
    for (const entries of this.waiting.values()) {
      const head = entries[0] as FairEntry<T>;
      if (!best || servedBefore(head, best)) {
        best = head;
      }
    }
    return best;
  }

  /** Takes the next to serve; the virtual time moves to its tag. */
  shift(): T | undefined {
    const next = this.peek();
    if (!next) {
      return undefined;
    }
    this.remove(next);
    this.virtualTime = next.finish;
    return next.item;
  }

  /** Takes an entry out (a request cancelled or out of time); false when it was not waiting. */
  remove(entry: FairEntry<T>): boolean {
    const own = this.waiting.get(entry.callerId);
    if (!own) {
      return false;
    }
    const index = own.indexOf(entry);
    if (index < 0) {
      return false;
    }
    own.splice(index, 1);
    if (own.length === 0) {
      this.waiting.delete(entry.callerId);
    }
    this.count--;
    return true;
  }

  /** Everything waiting, in arrival order, leaving the queue empty (kept tags are meaningless elsewhere). */
  drain(): T[] {
    const all = [...this.waiting.values()].flat().sort((a, b) => a.seq - b.seq);
    this.waiting.clear();
    this.count = 0;
    return all.map((entry) => entry.item);
  }
}
