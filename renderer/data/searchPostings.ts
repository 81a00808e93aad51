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
  /** The last entry key covered so far (entry keys ascending: newest first). */
  after?: number;
  complete?: true;
}

/** Dexie's range of every key (its AnyRange), as Table.clear() empties a table with. */
const EVERY_KEY = { type: 3, lower: -Infinity, lowerOpen: false, upper: [[]], upperOpen: false } as const;

export function coversKey(state: PostingsState | undefined, key: number): boolean {
  return !!state && (state.complete === true || (state.after !== undefined && key <= state.after));
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

/**
 * Keeps the lists for a write: `before` the entries' terms as they were, `after` as they are now;
 * only keys the lists cover (`state`, read in the same transaction) count.
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
}

/** Whether the lists cover any key: else a write need not read the entries' old terms. */
export function coversAny(state: PostingsState | undefined): boolean {
  return !!state && (state.complete === true || state.after !== undefined);
}

/** Empties the lists and marks them as not built (a restore empties the entries). */
export async function forgetPostings(core: DBCore, trans: DBCoreTransaction): Promise<void> {
  await core.table('searchPostings').mutate({ type: 'deleteRange', trans, range: EVERY_KEY });
  await core.table('searchState').mutate({ type: 'put', trans, values: [{ kind: POSTINGS } satisfies PostingsState] });
}
