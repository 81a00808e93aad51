/**
 * The archive search's posting lists (issue 13): for each term of a query, the keys of the
 * records holding it, read from the `terms` index a prefix at a time — newest first, as the
 * index keys are ordered (entries.ts). Keys are cheap to read (2,000 in ~6 ms) and records dear
 * (~0.1 ms each), so the records read are only those whose keys every term holds.
 */
export interface Posting {
  term: string;
  /** The keys read so far: the first ones of the term, ascending (newest first). */
  keys: number[];
  /** Every key of the term is read. */
  complete: boolean;
  /** The keys as a set, for the membership tests (made once per read). */
  set: Set<number>;
}

export function postingOf(term: string, keys: number[], asked: number): Posting {
  return { term, keys, complete: keys.length < asked, set: new Set(keys) };
}

/** The last key a posting has decided: past it a key may hold the term unread. */
export function reachOf(p: Posting): number {
  return p.complete ? Infinity : (p.keys.at(-1) ?? -Infinity);
}

/**
 * The term whose keys to walk: the one with fewest keys; among terms with more than were read,
 * the one whose last key read is oldest — its records are the sparsest of late, and a first
 * page is of the latest.
 */
export function rarestFirst(a: Posting, b: Posting): number {
  return a.keys.length - b.keys.length || (b.keys.at(-1) ?? 0) - (a.keys.at(-1) ?? 0);
}

/** The key up to which every term has been read (Infinity when all were read whole). */
export function horizonOf(postings: Posting[]): number {
  return Math.min(...postings.map(reachOf));
}

/** The keys in (after, upTo] held by every term, ascending (walking the rarest term's). */
export function sharedKeys(postings: Posting[], after: number, upTo: number): number[] {
  const [base, ...rest] = [...postings].sort(rarestFirst) as [Posting, ...Posting[]];
  return base.keys.filter((k) => k > after && k <= upTo && rest.every((p) => p.set.has(k)));
}

/**
 * How many keys of a posting to ask for so that its reach passes `target`: estimated from how
 * far its keys have spread so far (a term's records are spread about evenly over the years),
 * with a quarter more for luck — at least twice as many as read, at most sixteen times.
 */
export function keysToReach(p: Posting, target: number): number {
  const n = p.keys.length;
  const first = p.keys[0] ?? 0;
  const spread = (p.keys.at(-1) ?? 0) - first;
  const estimate = spread > 0 && Number.isFinite(target) ? Math.ceil((n * (target - first) * 1.25) / spread) : 4 * n;
  return Math.max(2 * n, Math.min(16 * n, estimate), 1);
}

/** Where a posting's reach would be with `count` keys, at the spread of those read. */
function projectedReach(p: Posting, count: number): number {
  const first = p.keys[0] ?? 0;
  return first + (((p.keys.at(-1) ?? 0) - first) * count) / Math.max(1, p.keys.length);
}

/**
 * What to read next when the keys decided so far name fewer records than wanted (`short` more):
 * the rarest term four times further when it is what bounds the horizon; and every other term
 * read short of where the rarest term's next keys lie, as far as that — the rarest term's next
 * `1.25 × short` keys, so they can be decided by the keys alone (a quarter more, as some may not
 * be shared; when many are not, another round reads further).
 * Nothing when every term is read whole or reaches past the rarest.
 */
export function nextReads(postings: Posting[], short: number): { term: string; count: number }[] {
  const base = [...postings].sort(rarestFirst)[0]!;
  const horizon = horizonOf(postings);
  const reads: { term: string; count: number }[] = [];
  let target: number;
  if (!base.complete && reachOf(base) <= horizon) {
    const count = 4 * base.keys.length;
    reads.push({ term: base.term, count });
    target = projectedReach(base, count);
  } else {
    const decided = base.keys.filter((k) => k <= horizon).length;
    target = base.keys[Math.min(base.keys.length - 1, decided + Math.ceil(1.25 * Math.max(1, short)))] ?? -Infinity;
  }
  for (const p of postings)
    if (p !== base && !p.complete && reachOf(p) < target) reads.push({ term: p.term, count: keysToReach(p, target) });
  return reads;
}
