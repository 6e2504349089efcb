// The fair queue's order on its own: tags by weight, ties by arrival, the count of requests ahead of a new one
// (which the refusal's wait is computed from), a request taken out, and what a drain hands back.
import { describe, expect, it } from 'vitest';
import { FairQueue, tagCost } from '../../src/budget/fair-queue.js';

describe('FairQueue', () => {
  it('serves by finish tag: a weight of 2 goes twice as often as a weight of 1, ties in order of arrival', () => {
    const queue = new FairQueue<string>();
    for (let i = 0; i < 4; i++) {
      queue.push(`h${i}`, 'heavy', 2);
      queue.push(`l${i}`, 'light', 1);
    }
    const order = Array.from({ length: 8 }, () => queue.shift());
    expect(order).toEqual(['h0', 'l0', 'h1', 'h2', 'l1', 'h3', 'l2', 'l3']);
  });

  it('between equal tags, the request that came first goes first, whichever caller waited longest', () => {
    const queue = new FairQueue<string>();
    queue.push('a0', 'a', 1);
    queue.push('b0', 'b', 1);
    expect(queue.shift()).toBe('a0');
    // a had nothing left waiting, so it comes back behind b among the callers; its next request still came first.
    queue.push('a1', 'a', 1);
    queue.push('b1', 'b', 1);
    expect([queue.shift(), queue.shift(), queue.shift()]).toEqual(['b0', 'a1', 'b1']);
  });

  it('an empty queue has nothing to serve, and serves again once a request arrives', () => {
    const queue = new FairQueue<string>();
    expect(queue.shift()).toBeUndefined();
    queue.push('a', 'a', 1);
    expect(queue.shift()).toBe('a');
    expect(queue.size).toBe(0);
  });

  it('counts the requests a new one would wait behind', () => {
    const queue = new FairQueue<string>();
    for (let i = 0; i < 5; i++) {
      queue.push(`busy${i}`, 'busy', 1);
    }
    // A caller with nothing waiting starts at the virtual time: only busy's first is ahead of it (a tie).
    expect(queue.ahead(queue.finishFor('light', 1))).toBe(1);
    expect(queue.ahead(queue.finishFor('busy', 1))).toBe(5);
  });

  it('a request taken out leaves the order of the others as it was; one not waiting is refused', () => {
    const queue = new FairQueue<string>();
    const entries = ['a', 'b', 'c'].map((item) => queue.push(item, item, 1));
    expect(queue.remove(entries[1] as (typeof entries)[number])).toBe(true);
    expect(queue.remove(entries[1] as (typeof entries)[number])).toBe(false);
    expect(queue.size).toBe(2);
    expect(queue.drain()).toEqual(['a', 'c']);
    expect(queue.size).toBe(0);
  });

  it("a request taken out twice leaves its caller's other requests waiting; the first of a caller can be taken out", () => {
    const queue = new FairQueue<string>();
    const [first, second] = ['a0', 'a1'].map((item) => queue.push(item, 'a', 1)) as [
      ReturnType<typeof queue.push>,
      ReturnType<typeof queue.push>,
    ];
    queue.push('b0', 'b', 1);
    expect(queue.remove(first)).toBe(true);
    expect(queue.remove(first)).toBe(false);
    expect(queue.size).toBe(2);
    expect(queue.drain()).toEqual(['a1', 'b0']);
    expect(queue.remove(second)).toBe(false);
  });

  it('a drain hands back every waiting request in order of arrival, across callers', () => {
    const queue = new FairQueue<string>();
    queue.push('a0', 'a', 1);
    queue.push('b0', 'b', 1);
    queue.push('a1', 'a', 1);
    queue.push('c0', 'c', 2);
    expect(queue.drain()).toEqual(['a0', 'b0', 'a1', 'c0']);
    expect(queue.shift()).toBeUndefined();
  });

  it('tag costs are whole numbers, a weight of 1000 still costs something', () => {
    expect(tagCost(1)).toBe(1_000_000);
    expect(tagCost(3)).toBe(333_333);
    expect(tagCost(0.5)).toBe(2_000_000);
    expect(tagCost(1e9)).toBe(1);
  });

  it('a weight that is not positive counts as 1, never as an endless tag that would leave its caller unserved', () => {
    expect(tagCost(0)).toBe(tagCost(1));
    expect(tagCost(-2)).toBe(tagCost(1));
  });
});
