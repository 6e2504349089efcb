// The fair queue's order on its own: tags by weight, the count of requests ahead of a new one (which the
// refusal's wait is computed from), and a request taken out.
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

  it('tag costs are whole numbers, a weight of 1000 still costs something', () => {
    expect(tagCost(1)).toBe(1_000_000);
    expect(tagCost(3)).toBe(333_333);
    expect(tagCost(0.5)).toBe(2_000_000);
    expect(tagCost(1e9)).toBe(1);
  });
});
