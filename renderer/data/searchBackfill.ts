import Dexie from 'dexie';
import { SEARCH_TABLES } from '../../shared/search/entries';
import { SEARCH_KINDS, type IndexProgress, type SearchKind } from '../../shared/search/types';
import type { YishiDb } from './db';
import { replaceEntries, SEARCH_STORES, zoned, type SearchState } from './searchIndex';
import { POSTINGS, type PostingsState } from './searchPostings';
import { buildPostings, coreTrans, nextTask } from './postingsBuild';
import { postingsBuiltInWorker } from './postingsClient';

/**
 * Indexes, in the background, the records the search index does not cover yet: all of them after
 * the upgrade that created the index, and everything a restore wrote. Piece by piece in key order,
 * each piece one transaction that also moves the kind's mark on (searchState), so the work
 * resumes where it stopped after the app is closed, and a record written meanwhile is indexed
 * either here or by the write itself (searchIndex.ts), never neither.
 *
 * Then the posting lists (searchPostings.ts) are built from the entries' terms the same way, in
 * the entries' key order: newest first, a block of days after the other, so each piece adds to
 * the rows of one or two blocks, and a search finds the latest records first while it runs
 * (postingsBuild.ts, in its own worker where one can run).
 */

/** Work per piece is kept near this, so the window never stalls on it. */
const PIECE_BUDGET_MS = 30;
const FIRST_PIECE = 50;
const MAX_PIECE = 2_000;

const running = new WeakMap<YishiDb, Promise<void>>();
const wanted = new WeakSet<YishiDb>();

/** One piece of a kind: true when the kind is now wholly indexed. */
export async function indexPiece(db: YishiDb, kind: SearchKind, limit: number): Promise<boolean> {
  const { table, key } = SEARCH_TABLES[kind];
  return db.transaction('rw', [table, 'meetings', ...SEARCH_STORES], async (tx) => {
    const state = ((await db.searchState.get(kind)) ?? { kind }) as SearchState;
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
    await db.searchState.put(next);
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

async function runUntilIndexed(db: YishiDb, pause: () => Promise<void>): Promise<void> {
  for (const kind of SEARCH_KINDS) await inPieces((limit) => indexPiece(db, kind, limit), pause);
  // The lists in their worker; in the window where none can run or it could not finish.
  if (!(await postingsBuiltInWorker(db))) await buildPostings(db, pause);
}

/**
 * Starts the background indexing unless it runs already (then it goes round once more). Stops
 * quietly when the database is closed; resumes at the next start.
 */
export function startSearchIndexing(db: YishiDb, pause: () => Promise<void> = nextTask): Promise<void> {
  const current = running.get(db);
  if (current) {
    wanted.add(db);
    return current;
  }
  const run = (async () => {
    try {
      do {
        wanted.delete(db);
        await runUntilIndexed(db, pause);
      } while (wanted.has(db));
    } catch (error) {
      if (!(error instanceof Dexie.DatabaseClosedError)) console.error('search indexing stopped', error);
    } finally {
      running.delete(db);
    }
  })();
  running.set(db, run);
  return run;
}

/** Called by the index when a table was emptied (a restore): indexing has work again. */
export function searchWorkArrived(db: YishiDb): void {
  // After the emptying transaction: the background work waits for it anyway, but starting now
  // would only queue behind a restore of ten years.
  setTimeout(() => void startSearchIndexing(db), 0);
}

/**
 * How many searchable records are indexed, of all there are: their entries and their keys in the
 * posting lists, two halves of the work, each counted half.
 */
export async function searchIndexProgress(db: YishiDb): Promise<IndexProgress> {
  const tables = [...SEARCH_KINDS.map((k) => SEARCH_TABLES[k].table), 'searchState', 'searchEntries'];
  return db.transaction('r', tables, async () => {
    let indexed = 0;
    let total = 0;
    let complete = true;
    for (const kind of SEARCH_KINDS) {
      const source = db.table(SEARCH_TABLES[kind].table);
      const state = await db.searchState.get(kind);
      const count = await source.count();
      total += count;
      if (state?.complete) indexed += count;
      else {
        complete = false;
        if (state?.after !== undefined) indexed += await source.where(':id').belowOrEqual(state.after).count();
      }
    }
    const postings = (await db.searchState.get(POSTINGS)) as PostingsState | undefined;
    const listed = postings?.complete
      ? await db.searchEntries.count()
      : postings?.after !== undefined
        ? await db.searchEntries.where(':id').belowOrEqual(postings.after).count()
        : 0;
    return { indexed: Math.floor((indexed + listed) / 2), total, complete: complete && postings?.complete === true };
  });
}
