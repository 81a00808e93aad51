import Dexie from 'dexie';
import type { DBCoreTransaction } from 'dexie';
import { SEARCH_TABLES } from '../../shared/search/entries';
import { SEARCH_KINDS, type IndexProgress, type SearchKind } from '../../shared/search/types';
import type { YishiDb } from './db';
import { replaceEntries, zoned, type SearchState } from './searchIndex';

/**
 * Indexes, in the background, the records the search index does not cover yet: all of them after
 * the upgrade that created the index, and everything a restore wrote. Piece by piece in key order,
 * each piece one transaction that also moves the kind's mark on (searchState), so the work
 * resumes where it stopped after the app is closed, and a record written meanwhile is indexed
 * either here or by the write itself (searchIndex.ts), never neither.
 */

/** Work per piece is kept near this, so the window never stalls on it. */
const PIECE_BUDGET_MS = 30;
const FIRST_PIECE = 50;
const MAX_PIECE = 2_000;

const running = new WeakMap<YishiDb, Promise<void>>();
const wanted = new WeakSet<YishiDb>();

function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** One piece of a kind: true when the kind is now wholly indexed. */
export async function indexPiece(db: YishiDb, kind: SearchKind, limit: number): Promise<boolean> {
  const { table, key } = SEARCH_TABLES[kind];
  return db.transaction('rw', [table, 'meetings', 'searchEntries', 'searchTerms', 'searchState'], async (tx) => {
    const state: SearchState = (await db.searchState.get(kind)) ?? { kind };
    if (state.complete) return true;
    const source = db.table(table);
    const rows = await (state.after === undefined ? source.orderBy(':id') : source.where(':id').above(state.after))
      .limit(limit)
      .toArray();
    const trans = (tx as unknown as { idbtrans: DBCoreTransaction }).idbtrans;
    await replaceEntries(zoned(db.core), trans, kind, rows);
    const last = rows[rows.length - 1] as Record<string, unknown> | undefined;
    const complete = rows.length < limit;
    const next: SearchState = complete ? { kind, complete: true } : { kind, after: String(last![key]) };
    await db.searchState.put(next);
    return complete;
  });
}

async function runUntilIndexed(db: YishiDb, pause: () => Promise<void>): Promise<void> {
  for (const kind of SEARCH_KINDS) {
    let limit = FIRST_PIECE;
    for (;;) {
      const started = performance.now();
      const complete = await indexPiece(db, kind, limit);
      if (complete) break;
      const spent = performance.now() - started;
      // Grows while pieces are quick, shrinks when one took long (minutes of 50,000 characters).
      limit =
        spent < PIECE_BUDGET_MS / 2
          ? Math.min(MAX_PIECE, limit * 2)
          : spent > PIECE_BUDGET_MS
            ? Math.max(5, Math.floor(limit / 2))
            : limit;
      await pause();
    }
  }
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

/** How many searchable records are indexed, of all there are. */
export async function searchIndexProgress(db: YishiDb): Promise<IndexProgress> {
  return db.transaction('r', [...SEARCH_KINDS.map((k) => SEARCH_TABLES[k].table), 'searchState'], async () => {
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
    return { indexed, total, complete };
  });
}
