import type { DBCore, DBCoreTransaction } from 'dexie';
import {
  changedOffsets,
  postingChanges,
  type KeyedTerms,
  type PostingId,
  type PostingRow,
} from '../../shared/search/postingLists';
import type { SearchTerms } from '../../shared/search/entries';

/**
 * The archive index's posting lists (shared/search/postingLists.ts), kept from the entries' terms
 * (searchTerms). They cover the entries up to a mark in key order, newest first: built in the
 * background after the entries (searchBackfill.ts), and from there on kept by every write in its
 * own transaction (searchIndex.ts). Invariant: the lists hold exactly the terms of the covered
 * entries, so a search never finds a record by words it no longer holds.
 */

export const POSTINGS = 'postings';

const PUTS_AT_ONCE = 2_000;

export interface PostingsState {
  kind: typeof POSTINGS;
  /** The last entry key the build has added so far (entry keys ascending: newest first). */
  after?: number;
  /**
   * Writes keep the lists for keys up to here: the end of the block being built. So a record
   * written while its block's rows are written, a few hundred at a time in their own
   * transactions, is kept by the write itself (see postingsPiece in indexBuild.ts).
   */
  upTo?: number;
  complete?: true;
  /**
   * The archive is small: a search reads every entry's terms instead of lists (see SCAN_AT_MOST).
   * Kept while the lists of an archive grown past it are built, so searches stay whole meanwhile;
   * the build's end drops it.
   */
  scan?: true;
}

/**
 * Entries a search reads whole rather than through lists. Below this the lists cost more than
 * they save: the demo community's 759 entries made 12,179 rows of three keys each, ~7 s of the
 * machine's two cores right after it was loaded (IndexedDB takes ~0.2 ms a row here), and every
 * save kept dozens of rows. Reading all 759 entries' terms takes 30–60 ms in the search worker
 * (the lists 2–30 ms), so a little over a year of a community is read, and then lists are built.
 */
export const SCAN_AT_MOST = 1_000;

/** Whether a search finds every record: through complete lists, or by reading every entry. */
export function answersWhole(state: PostingsState | undefined): boolean {
  return !!state && (state.complete === true || state.scan === true);
}

/** Dexie's range of every key (its AnyRange), as Table.clear() empties a table with. */
const EVERY_KEY = { type: 3, lower: -Infinity, lowerOpen: false, upper: [[]], upperOpen: false } as const;

/** Whether a write keeps the lists for this key (see PostingsState.upTo). */
export function coversKey(state: PostingsState | undefined, key: number): boolean {
  if (!state) return false;
  if (state.complete === true && state.scan !== true) return true;
  const bound = Math.max(state.after ?? -Infinity, state.upTo ?? -Infinity);
  return key <= bound;
}

export async function postingsStateOf(core: DBCore, trans: DBCoreTransaction): Promise<PostingsState | undefined> {
  return (await core.table('searchState').get({ trans, key: POSTINGS })) as PostingsState | undefined;
}

/** The terms stored under these entry keys (where there are any). */
export async function termsOfKeys(core: DBCore, trans: DBCoreTransaction, keys: number[]): Promise<KeyedTerms[]> {
  if (keys.length === 0) return [];
  const rows = (await core.table('searchTerms').getMany({ trans, keys })) as (SearchTerms | undefined)[];
  return rows.filter((r): r is SearchTerms => !!r).map((r) => ({ key: r.id, terms: r.terms }));
}

/** Applies term changes of entries to the posting rows: read, merged, written (or deleted when empty). */
export async function applyPostingChanges(
  core: DBCore,
  trans: DBCoreTransaction,
  before: KeyedTerms[],
  after: KeyedTerms[],
): Promise<void> {
  const changes = postingChanges(before, after);
  if (changes.length === 0) return;
  const table = core.table('searchPostings');
  const ids = changes.map((c): PostingId => [c.term, c.block]);
  const rows = (await table.getMany({ trans, keys: ids })) as (PostingRow | undefined)[];
  const puts: PostingRow[] = [];
  const deletes: PostingId[] = [];
  changes.forEach((c, i) => {
    const keys = changedOffsets(rows[i]?.keys, c.block, c.add, c.remove);
    if (keys.length) puts.push({ term: c.term, block: c.block, keys });
    else if (rows[i]) deletes.push(ids[i]!);
  });
  if (deletes.length) await table.mutate({ type: 'delete', trans, keys: deletes });
  // A block's build writes thousands of rows: a few thousand at a time, each batch's copying a
  // short task of the window's.
  for (let i = 0; i < puts.length; i += PUTS_AT_ONCE)
    await table.mutate({ type: 'put', trans, values: puts.slice(i, i + PUTS_AT_ONCE) });
}

/** New keys of one block's lists, by term (each term's keys ascending). */
export type BlockLists = Map<string, number[]>;

/** Adds keys of one block to its rows (keys already there are kept once). */
export async function addToBlock(
  core: DBCore,
  trans: DBCoreTransaction,
  block: number,
  lists: [string, number[]][],
): Promise<void> {
  const table = core.table('searchPostings');
  const ids = lists.map(([term]): PostingId => [term, block]);
  const rows = (await table.getMany({ trans, keys: ids })) as (PostingRow | undefined)[];
  const values = lists.map(([term, keys], i): PostingRow => ({
    term,
    block,
    keys: changedOffsets(rows[i]?.keys, block, keys, []),
  }));
  await table.mutate({ type: 'put', trans, values });
}

/**
 * Marks of the entries written in the block being built, after the build read them (one row each
 * in searchState, so writes in one transaction never overwrite each other's): the build's last
 * step reads those entries again instead of all it read (see postingsPiece in indexBuild.ts).
 */
export const TOUCHED = 'postings-touched:';
const TOUCHED_RANGE = {
  type: 2,
  lower: TOUCHED,
  lowerOpen: false,
  upper: `${TOUCHED}\uffff`,
  upperOpen: false,
} as const;

export interface TouchedMark {
  kind: `${typeof TOUCHED}${number}`;
}

/** The entry keys marked as written while their block was built. */
export async function touchedKeys(core: DBCore, trans: DBCoreTransaction): Promise<number[]> {
  const table = core.table('searchState');
  const found = await table.query({
    trans,
    query: { index: table.schema.primaryKey, range: TOUCHED_RANGE },
    values: false,
  });
  return (found.result as string[]).map((mark) => Number(mark.slice(TOUCHED.length)));
}

/** Takes out every mark of entries written while their block was built. */
export async function clearTouched(core: DBCore, trans: DBCoreTransaction): Promise<void> {
  await core.table('searchState').mutate({ type: 'deleteRange', trans, range: TOUCHED_RANGE });
}

/**
 * Keeps the lists for a write: `before` the entries' terms as they were, `after` as they are now;
 * only keys the lists cover (`state`, read in the same transaction) count. An entry of the block
 * being built that the build may have read already is marked (TOUCHED).
 */
export async function keepPostings(
  core: DBCore,
  trans: DBCoreTransaction,
  state: PostingsState | undefined,
  before: KeyedTerms[],
  after: KeyedTerms[],
): Promise<void> {
  if (!coversAny(state)) return;
  const covered = (t: KeyedTerms) => coversKey(state, t.key);
  await applyPostingChanges(core, trans, before.filter(covered), after.filter(covered));
  if (state!.complete || state!.upTo === undefined) return;
  const from = state!.after ?? -Infinity;
  const upTo = state!.upTo;
  const building = new Set([...before, ...after].map((t) => t.key).filter((k) => k > from && k <= upTo));
  if (building.size === 0) return;
  const values = [...building].map((k): TouchedMark => ({ kind: `${TOUCHED}${k}` }));
  await core.table('searchState').mutate({ type: 'put', trans, values });
}

/** Whether the lists cover any key: else a write need not read the entries' old terms. */
export function coversAny(state: PostingsState | undefined): boolean {
  if (!state) return false;
  return (state.complete === true && state.scan !== true) || state.after !== undefined || state.upTo !== undefined;
}

/** Empties the lists and marks them as not built (a restore empties the entries). */
export async function forgetPostings(core: DBCore, trans: DBCoreTransaction): Promise<void> {
  await core.table('searchPostings').mutate({ type: 'deleteRange', trans, range: EVERY_KEY });
  await core.table('searchState').mutate({ type: 'put', trans, values: [{ kind: POSTINGS } satisfies PostingsState] });
  await clearTouched(core, trans);
}
