import { DAY_SPAN } from './entries';

/**
 * The archive index's posting lists (issue 13): for each term, one row per block of 32 days
 * holding the keys of that stretch's records whose text holds the term.
 *
 * One row per record and term (a multiEntry index) was ~41 IndexedDB rows per record, ~36 million
 * for the ten-year archive: its build ran at 33 minutes a second and would have taken three hours.
 * A block's row holds all of them at once, 20× fewer rows; and as a later day's keys are lower
 * (entries.ts), a term's rows in key order are its records newest first, a block at a time.
 *
 * A key is stored as its offset in the block: 32 days of DAY_SPAN keys fit 32 bits.
 */
export const BLOCK_DAYS = 32;
export const BLOCK_SPAN = DAY_SPAN * BLOCK_DAYS;

export interface PostingRow {
  term: string;
  block: number;
  /** Offsets in the block (key − block × BLOCK_SPAN), ascending. */
  keys: Uint32Array;
}

/** The primary key of a posting row: [term, block]. */
export type PostingId = [string, number];

export function blockOfKey(key: number): number {
  return Math.floor(key / BLOCK_SPAN);
}

/** A row's entry keys, ascending (newest first). */
export function keysOfRow(row: Pick<PostingRow, 'block' | 'keys'>): number[] {
  const base = row.block * BLOCK_SPAN;
  return Array.from(row.keys, (offset) => base + offset);
}

/** What changes in one posting row: keys to add and keys to take out. */
export interface PostingChange {
  term: string;
  block: number;
  add: number[];
  remove: number[];
}

/** An entry's terms under its key: what a posting list holds of one record. */
export interface KeyedTerms {
  key: number;
  terms: readonly string[];
}

/**
 * The posting rows to change when these entries' terms go from `before` to `after` (the same key
 * in both when a record keeps its key; a key only in `before` is taken out, only in `after` added).
 */
export function postingChanges(before: readonly KeyedTerms[], after: readonly KeyedTerms[]): PostingChange[] {
  const changes = new Map<string, PostingChange>();
  const change = (term: string, key: number) => {
    const block = blockOfKey(key);
    const id = `${block}\u0000${term}`;
    let c = changes.get(id);
    if (!c) changes.set(id, (c = { term, block, add: [], remove: [] }));
    return c;
  };
  const old = new Map(before.map((b) => [b.key, new Set(b.terms)]));
  const now = new Map(after.map((a) => [a.key, new Set(a.terms)]));
  for (const [key, terms] of old) {
    const kept = now.get(key);
    for (const term of terms) if (!kept?.has(term)) change(term, key).remove.push(key);
  }
  for (const [key, terms] of now) {
    const had = old.get(key);
    for (const term of terms) if (!had?.has(term)) change(term, key).add.push(key);
  }
  return [...changes.values()];
}

/**
 * A row's offsets with keys added and taken out, ascending and without repeats; empty when none
 * is left (the row is then deleted).
 */
export function changedOffsets(
  offsets: Uint32Array | undefined,
  block: number,
  add: readonly number[],
  remove: readonly number[],
): Uint32Array {
  const base = block * BLOCK_SPAN;
  // A build adds thousands of keys to a row at once: typed arrays and a numeric sort, no Sets of
  // numbers, so the window's task that merges them stays short (and makes little garbage).
  const removed = remove.length ? new Set(remove.map((k) => k - base)) : null;
  const added = Uint32Array.from(add, (k) => k - base).sort();
  const kept = offsets ?? new Uint32Array(0);
  const out = new Uint32Array(kept.length + added.length);
  let n = 0;
  let i = 0;
  let j = 0;
  // A merge of two ascending lists: the rows of common terms hold thousands of keys.
  while (i < kept.length || j < added.length) {
    const next = j >= added.length || (i < kept.length && kept[i]! <= added[j]!) ? kept[i++]! : added[j++]!;
    if (removed?.has(next) || (n > 0 && out[n - 1] === next)) continue;
    out[n++] = next;
  }
  return n === out.length ? out : out.slice(0, n);
}
