import { describe, expect, it } from 'vitest';
import { Rng } from '../demo/builders';
import { dayKeyBase, DAY_SPAN } from './entries';
import { BLOCK_SPAN, blockOfKey, changedOffsets, keysOfRow, postingChanges, type KeyedTerms } from './postingLists';

/** Applies changes to posting lists kept as a map of term → block → offsets. */
function apply(lists: Map<string, Uint32Array>, changes: ReturnType<typeof postingChanges>) {
  for (const c of changes) {
    const id = `${c.term}@${c.block}`;
    const next = changedOffsets(lists.get(id), c.block, c.add, c.remove);
    if (next.length) lists.set(id, next);
    else lists.delete(id);
  }
}

/** The posting lists built from scratch from the records' terms. */
function built(records: Map<number, string[]>): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const [key, terms] of records)
    for (const term of new Set(terms)) {
      const id = `${term}@${blockOfKey(key)}`;
      out.set(
        id,
        [...(out.get(id) ?? []), key].sort((a, b) => a - b),
      );
    }
  return out;
}

describe('posting lists', () => {
  it('fits a block of keys in 32 bits and orders the days newest first', () => {
    expect(BLOCK_SPAN).toBeLessThanOrEqual(2 ** 32);
    const key = dayKeyBase('2026-11-20') + 5;
    const block = blockOfKey(key);
    expect(keysOfRow({ block, keys: Uint32Array.of(key - block * BLOCK_SPAN) })).toEqual([key]);
    // A later day's block is lower or the same; a day's keys share one block.
    expect(blockOfKey(dayKeyBase('2026-12-31'))).toBeLessThan(blockOfKey(dayKeyBase('2026-11-20')));
    expect(blockOfKey(dayKeyBase('2026-11-20') + DAY_SPAN - 1)).toBe(blockOfKey(dayKeyBase('2026-11-20')));
  });

  it('merges, takes out and never repeats offsets', () => {
    const base = 7 * BLOCK_SPAN;
    const row = changedOffsets(Uint32Array.of(1, 5, 9), 7, [base + 3, base + 5, base + 3, base + 12], [base + 9]);
    expect([...row]).toEqual([1, 3, 5, 12]);
    expect(changedOffsets(row, 7, [], [base + 1, base + 3, base + 5, base + 12]).length).toBe(0);
    // A key both added and taken out in one change is out.
    expect([...changedOffsets(undefined, 7, [base + 2], [base + 2])]).toEqual([]);
  });

  it('keeps lists equal to lists built afresh through random writes, moves and deletes', () => {
    const rng = new Rng(5);
    const vocabulary = Array.from({ length: 30 }, (_, i) => `词${i}`);
    const days = ['2026-11-20', '2026-11-02', '2026-10-01', '2025-01-15', ''] as const;
    const records = new Map<number, string[]>();
    const lists = new Map<string, Uint32Array>();
    const termsOf = () => Array.from({ length: rng.int(0, 8) }, () => vocabulary[rng.int(0, vocabulary.length - 1)]!);
    for (let step = 0; step < 2_000; step++) {
      const keys = [...records.keys()];
      // Adds twice as often as the rest, so the archive grows.
      const op = Math.max(0, rng.int(-2, 3));
      const before: KeyedTerms[] = [];
      const after: KeyedTerms[] = [];
      const key = keys[rng.int(0, Math.max(0, keys.length - 1))];
      if (op === 0 || key === undefined) {
        const fresh = dayKeyBase(days[rng.int(0, days.length - 1)]!) + rng.int(0, DAY_SPAN - 1);
        if (records.has(fresh)) continue;
        after.push({ key: fresh, terms: termsOf() });
      } else if (op === 1) {
        before.push({ key, terms: records.get(key)! });
        after.push({ key, terms: termsOf() });
      } else if (op === 2) {
        // Moved to another day: its key changes.
        const moved = dayKeyBase(days[rng.int(0, days.length - 1)]!) + rng.int(0, DAY_SPAN - 1);
        if (records.has(moved)) continue;
        before.push({ key, terms: records.get(key)! });
        after.push({ key: moved, terms: records.get(key)! });
      } else before.push({ key, terms: records.get(key)! });
      apply(lists, postingChanges(before, after));
      for (const b of before) records.delete(b.key);
      for (const a of after) records.set(a.key, [...a.terms]);
    }
    const expected = built(records);
    const actual = new Map(
      [...lists].map(([id, offsets]) => [id, keysOfRow({ block: Number(id.split('@')[1]), keys: offsets })]),
    );
    expect(records.size).toBeGreaterThan(50);
    expect(actual).toEqual(expected);
  });
});
