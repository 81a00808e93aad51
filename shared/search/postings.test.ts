import { describe, expect, it } from 'vitest';
import { Rng } from '../demo/builders';
import { horizonOf, keysToReach, nextReads, postingOf, sharedKeys, type Posting } from './postings';

/** A term's keys (ascending) read `count` at a time, as the index gives them. */
function reader(all: Record<string, number[]>) {
  return (term: string, count: number): Posting => postingOf(term, all[term]!.slice(0, count), count);
}

/** What the search does with the postings: read until enough shared keys are decided. */
function search(all: Record<string, number[]>, wanted: number, probe: number) {
  const read = reader(all);
  let postings = Object.keys(all).map((term) => read(term, probe));
  const found: number[] = [];
  let rounds = 0;
  for (let after = -Infinity; ; rounds++) {
    const horizon = horizonOf(postings);
    const keys = sharedKeys(postings, after, horizon);
    const reads = nextReads(postings, Math.max(1, wanted - found.length - keys.length));
    const more = () => {
      postings = postings.map((p) => {
        const r = reads.find((x) => x.term === p.term);
        return r ? read(p.term, r.count) : p;
      });
    };
    if (keys.length < wanted - found.length && reads.length) {
      more();
      continue;
    }
    found.push(...keys);
    if (found.length >= wanted || reads.length === 0) break;
    after = horizon;
    more();
  }
  return { found: found.slice(0, wanted), rounds, keysRead: postings.reduce((n, p) => n + p.keys.length, 0) };
}

function randomKeys(rng: Rng, n: number, span: number): number[] {
  const keys = new Set<number>();
  while (keys.size < n) keys.add(rng.int(0, span));
  return [...keys].sort((a, b) => a - b);
}

describe('posting lists', () => {
  it('find the first keys every term holds, in order, whatever the terms’ sizes', () => {
    const rng = new Rng(3);
    for (let i = 0; i < 300; i++) {
      const span = rng.int(10, 5000);
      const terms = rng.int(1, 3);
      const all: Record<string, number[]> = {};
      for (let t = 0; t < terms; t++) all[`t${t}`] = randomKeys(rng, rng.int(0, Math.min(span, 800)), span);
      const wanted = rng.int(1, 60);
      const everyTerm = Object.values(all).reduce((a, b) => a.filter((k) => b.includes(k)));
      const { found } = search(all, wanted, rng.int(1, 40));
      expect(found).toEqual(everyTerm.slice(0, wanted));
    }
  });

  it('read a common term only as far as a rare one needs', () => {
    const rng = new Rng(9);
    const rare = randomKeys(rng, 100, 1_000_000);
    const common = [...new Set([...rare, ...randomKeys(rng, 20_000, 1_000_000)])].sort((a, b) => a - b);
    const { found, keysRead } = search({ rare, common }, 31, 256);
    expect(found).toEqual(rare.slice(0, 31));
    // The common term's keys about as far as the rare term's 31st (within 2.5 times), not all 20,100.
    const needed = common.indexOf(rare[30]!) + 1;
    expect(keysRead - rare.length).toBeLessThan(2.5 * needed);
    expect(needed).toBeLessThan(common.length / 2);
  });

  it('asks for at least twice the keys read, and estimates the rest from their spread', () => {
    const p = postingOf('t', [0, 10, 20, 30], 4);
    expect(keysToReach(p, 35)).toBe(8);
    expect(keysToReach(p, 300)).toBe(50);
    expect(keysToReach(p, 1e9)).toBe(64);
    expect(keysToReach(postingOf('t', [5], 1), 100)).toBe(4);
  });

  it('reads nothing more once every term is read whole', () => {
    const postings = [postingOf('a', [1, 2, 3], 10), postingOf('b', [2, 3], 10)];
    expect(horizonOf(postings)).toBe(Infinity);
    expect(nextReads(postings, 5)).toEqual([]);
    expect(sharedKeys(postings, -Infinity, Infinity)).toEqual([2, 3]);
    expect(sharedKeys(postings, 2, Infinity)).toEqual([3]);
  });
});
