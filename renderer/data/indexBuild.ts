import type Dexie from 'dexie';
import type { DBCoreTransaction } from 'dexie';
import { BLOCK_SPAN, blockOfKey, type KeyedTerms } from '../../shared/search/postingLists';
import { SEARCH_TABLES, type SearchTerms } from '../../shared/search/entries';
import { SEARCH_KINDS, type SearchKind } from '../../shared/search/types';
import { replaceEntries, SEARCH_STORES, zoned, type SearchState } from './searchIndex';
import {
  addToBlock,
  applyPostingChanges,
  clearTouched,
  POSTINGS,
  SCAN_AT_MOST,
  termsOfKeys,
  touchedKeys,
  type BlockLists,
  type PostingsState,
} from './searchPostings';

/**
 * The background build of the archive's search index (see searchBackfill.ts): the entries of the
 * records it does not cover yet, then the posting lists (searchPostings.ts) from the entries'
 * terms. Written against any connection to the app's database, so it runs in the indexing worker
 * (searchIndexWorker.ts): at ×1 the build's garbage made the window's collector stop the window
 * for 100–155 ms every ~20 s. Where no worker can run, the window builds.
 */
export type IndexDb = Pick<Dexie, 'table' | 'transaction' | 'core'>;

export type Pause = () => Promise<void>;

export function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** The DBCore transaction under a Dexie one: the index's own code writes below Dexie's tables. */
export function coreTrans(tx: unknown): DBCoreTransaction {
  return (tx as { idbtrans: DBCoreTransaction }).idbtrans;
}

/** Work per piece (one transaction) is kept near this, so a save never queues long behind one. */
const PIECE_BUDGET_MS = 30;
const FIRST_PIECE = 50;
const MAX_PIECE = 2_000;

/** One piece of a kind: true when the kind is now wholly indexed. */
export async function indexPiece(db: IndexDb, kind: SearchKind, limit: number): Promise<boolean> {
  const { table, key } = SEARCH_TABLES[kind];
  return db.transaction('rw', [table, 'meetings', ...SEARCH_STORES], async (tx) => {
    const state = ((await db.table('searchState').get(kind)) ?? { kind }) as SearchState;
    if (state.complete) return true;
    const source = db.table(table);
    const rows = await (state.after === undefined ? source.orderBy(':id') : source.where(':id').above(state.after))
      .limit(limit)
      .toArray();
    const trans = coreTrans(tx);
    await replaceEntries(zoned(db.core), trans, kind, rows);
    const last = rows[rows.length - 1] as Record<string, unknown> | undefined;
    const complete = rows.length < limit;
    const next: SearchState = complete ? { kind, complete: true } : { kind, after: String(last![key]) };
    await db.table('searchState').put(next);
    return complete;
  });
}

/** Runs pieces until done, each near the budget: grown while quick, shrunk when one took long. */
async function inPieces(piece: (limit: number) => Promise<boolean>, pause: () => Promise<void>): Promise<void> {
  let limit = FIRST_PIECE;
  for (;;) {
    const started = performance.now();
    const complete = await piece(limit);
    if (complete) return;
    const spent = performance.now() - started;
    // Minutes of 50,000 characters make a piece slow; meetings' titles quick.
    limit =
      spent < PIECE_BUDGET_MS / 2
        ? Math.min(MAX_PIECE, limit * 2)
        : spent > PIECE_BUDGET_MS
          ? Math.max(5, Math.floor(limit / 2))
          : limit;
    await pause();
  }
}

/**
 * Indexes what the index does not cover yet: the entries of each kind, then the posting lists,
 * unless the archive is small enough for searches to read every entry (`scanAtMost` entries).
 */
export async function indexArchive(
  db: IndexDb,
  pause: Pause = nextTask,
  scanAtMost: number = SCAN_AT_MOST,
): Promise<void> {
  // Read first, without a write transaction: at each start the index is mostly complete, and
  // nine write transactions over the index's tables queued the first search behind them.
  const states = (await db.table('searchState').bulkGet([...SEARCH_KINDS, POSTINGS])) as (
    { complete?: true } | undefined
  )[];
  for (const [i, kind] of SEARCH_KINDS.entries())
    if (!states[i]?.complete) await inPieces((limit) => indexPiece(db, kind, limit), pause);
  if (states.at(-1)?.complete) return;
  if (await postingsWanted(db, scanAtMost)) await buildPostings(db, pause);
}

/**
 * Whether the posting lists are to be built. A small archive is searched by reading its entries
 * (PostingsState.scan) when nothing of the lists is built yet: a new database, the demo, a restore
 * of a small backup. One grown past `scanAtMost` gets its lists, searched by reading meanwhile.
 */
export async function postingsWanted(db: IndexDb, scanAtMost: number): Promise<boolean> {
  return db.transaction('rw', ['searchTerms', 'searchState'], async () => {
    const state = ((await db.table('searchState').get(POSTINGS)) ?? { kind: POSTINGS }) as PostingsState;
    if (state.complete) return false;
    const started = state.after !== undefined || state.upTo !== undefined;
    if (started) return true;
    const small =
      (
        await db
          .table('searchTerms')
          .limit(scanAtMost + 1)
          .primaryKeys()
      ).length <= scanAtMost;
    if (small && !state.scan) await db.table('searchState').put({ kind: POSTINGS, scan: true } satisfies PostingsState);
    return !small;
  });
}

/**
 * Entries' terms read at once while building the posting lists (minutes hold thousands of terms
 * each), rows and their keys written per transaction, and entries at most per piece.
 */
const TERMS_PER_READ = 100;
const ROWS_PER_WRITE = 300;
const KEYS_PER_WRITE = 30_000;
export const POSTINGS_PIECE = 4_000;

/**
 * A piece's rows in write steps of at most `maxRows` rows and `maxKeys` keys (a row over that
 * alone). Both cost the thread: each row's copy into IndexedDB, each key's merge. At ×1, 500 rows
 * a step, a step with 70,000 keys of common terms was a task of 182 ms in the window.
 */
export function writeSteps(
  lists: readonly [string, number[]][],
  maxRows = ROWS_PER_WRITE,
  maxKeys = KEYS_PER_WRITE,
): [string, number[]][][] {
  const steps: [string, number[]][][] = [];
  let step: [string, number[]][] = [];
  let keys = 0;
  for (const list of lists) {
    if (step.length && (step.length >= maxRows || keys + list[1].length > maxKeys)) {
      steps.push(step);
      step = [];
      keys = 0;
    }
    step.push(list);
    keys += list[1].length;
  }
  if (step.length) steps.push(step);
  return steps;
}

interface BlockRead {
  block: number;
  lists: BlockLists;
  /** The terms read of each entry: the commit takes out those a write changed meanwhile. */
  seen: Map<number, readonly string[]>;
  last: number;
}

/**
 * The next entries of one block of days (up to `limit`), folded into the block's lists as they
 * are read, a hundred at a time, each read its own short transaction. Null when none is left.
 */
async function readBlock(db: IndexDb, after: number | undefined, limit: number, pause: Pause) {
  const lists: BlockLists = new Map();
  const seen = new Map<number, readonly string[]>();
  let block = 0;
  let end = Infinity;
  let last = after;
  while (seen.size < limit) {
    const range =
      last === undefined
        ? db.table<SearchTerms, number>('searchTerms').where(':id').below(end)
        : db.table<SearchTerms, number>('searchTerms').where(':id').between(last, end, false, false);
    const asked = Math.min(TERMS_PER_READ, limit - seen.size);
    const rows = await range.limit(asked).toArray();
    for (const row of rows) {
      if (seen.size === 0) {
        block = blockOfKey(row.id);
        end = (block + 1) * BLOCK_SPAN;
      }
      if (row.id >= end) break;
      seen.set(row.id, row.terms);
      for (const term of new Set(row.terms)) {
        const keys = lists.get(term);
        if (keys) keys.push(row.id);
        else lists.set(term, [row.id]);
      }
      last = row.id;
    }
    if (rows.length < asked || rows.at(-1)!.id >= end) break;
    await pause();
  }
  return seen.size && last !== undefined ? ({ block, lists, seen, last } satisfies BlockRead) : null;
}

function samePostingsState(a: PostingsState | undefined, b: PostingsState): boolean {
  return !!a && !a.complete && a.after === b.after && a.upTo === b.upTo;
}

/** Marks the block of the next entry as kept by writes (PostingsState.upTo); null when all are in. */
async function markNextBlock(db: IndexDb): Promise<PostingsState | null> {
  return db.transaction('rw', ['searchTerms', 'searchState'], async (tx) => {
    const state = ((await db.table('searchState').get(POSTINGS)) ?? { kind: POSTINGS }) as PostingsState;
    if (state.complete) return null;
    const range =
      state.after === undefined
        ? db.table<SearchTerms, number>('searchTerms').toCollection()
        : db.table<SearchTerms, number>('searchTerms').where(':id').above(state.after);
    const next = (await range.limit(1).primaryKeys())[0] as number | undefined;
    if (next === undefined) {
      await db.table('searchState').put({ kind: POSTINGS, complete: true } satisfies PostingsState);
      await clearTouched(zoned(db.core), coreTrans(tx));
      return null;
    }
    const marked: PostingsState = {
      ...state,
      upTo: Math.max(state.upTo ?? -Infinity, (blockOfKey(next) + 1) * BLOCK_SPAN - 1),
    };
    await db.table('searchState').put(marked);
    return marked;
  });
}

/**
 * One piece of the posting lists: the next entries of one block, their keys added to the block's
 * rows. True when all are in. A piece per block, not per few entries: the rows of common terms
 * hold thousands of keys, and rewritten for every fifty entries, the build at ×1 crawled.
 *
 * Every step is its own short transaction, with a pause between, so a secretary's save never
 * waits behind a piece (one transaction of 4,000 entries held the lists for over a second at ×1,
 * and the live minutes' autosave with them). That is safe because writes keep the lists of the
 * whole block from the first step on (markNextBlock); a write landing between this piece's read
 * and its rows' write leaves, at worst, terms the entry no longer holds: such a write marks the
 * entry (TOUCHED), and the last step reads the marked entries again and takes those terms out
 * before it moves the mark. If a restore emptied the lists meanwhile, the piece stops.
 */
export async function postingsPiece(db: IndexDb, limit = POSTINGS_PIECE, pause: Pause = nextTask): Promise<boolean> {
  const state = await markNextBlock(db);
  if (!state) return true;
  const read = await readBlock(db, state.after, limit, pause);
  if (!read) return false; // the entries were deleted meanwhile: the next piece finds out
  const unchanged = async () =>
    samePostingsState((await db.table('searchState').get(POSTINGS)) as PostingsState, state);
  for (const step of writeSteps([...read.lists])) {
    await pause();
    const written = await db.transaction('rw', ['searchPostings', 'searchState'], async (tx) => {
      if (!(await unchanged())) return false;
      const trans = coreTrans(tx);
      await addToBlock(zoned(db.core), trans, read.block, step);
      return true;
    });
    if (!written) return false;
  }
  await pause();
  await db.transaction('rw', ['searchTerms', 'searchPostings', 'searchState'], async (tx) => {
    if (!(await unchanged())) return;
    const trans = coreTrans(tx);
    const core = zoned(db.core);
    // Only entries written since the build read them can have lost terms: those marked.
    const touched = (await touchedKeys(core, trans)).filter((k) => read.seen.has(k));
    const now = new Map((await termsOfKeys(core, trans, touched)).map((t) => [t.key, new Set(t.terms)]));
    const stale: KeyedTerms[] = [];
    for (const key of touched) {
      const kept = now.get(key);
      const gone = read.seen.get(key)!.filter((t) => !kept?.has(t));
      if (gone.length) stale.push({ key, terms: gone });
    }
    await applyPostingChanges(core, trans, stale, []);
    await clearTouched(core, trans);
    await db.table('searchState').put({ ...state, after: read.last } satisfies PostingsState);
  });
  return false;
}

/** Builds the lists to the end (true), or stops quietly when the database is closed under it. */
export async function buildPostings(db: IndexDb, pause: Pause = nextTask): Promise<void> {
  while (!(await postingsPiece(db, POSTINGS_PIECE, pause))) await pause();
}
