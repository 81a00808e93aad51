import Dexie from 'dexie';
import { SEARCH_TABLES } from '../../shared/search/entries';
import { SEARCH_KINDS, type IndexProgress } from '../../shared/search/types';
import type { YishiDb } from './db';
import { answersWhole, POSTINGS, SCAN_AT_MOST, type PostingsState } from './searchPostings';
import { indexArchive, nextTask } from './indexBuild';
import { indexedInWorker } from './searchIndexClient';

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
 * (indexBuild.ts). Both run in the indexing worker (searchIndexWorker.ts) where one can run: in
 * the window, the build's garbage made the collector stop the window for 100–155 ms at ten years.
 */

const running = new WeakMap<YishiDb, Promise<void>>();
/** Asked for while a round ran: another round, with the lowest SCAN_AT_MOST asked for. */
const wanted = new WeakMap<YishiDb, number>();

/**
 * Starts the background indexing unless it runs already (then it goes round once more). Stops
 * quietly when the database is closed; resumes at the next start. `scanAtMost`: see SCAN_AT_MOST.
 */
export function startSearchIndexing(
  db: YishiDb,
  pause: () => Promise<void> = nextTask,
  scanAtMost = SCAN_AT_MOST,
): Promise<void> {
  const current = running.get(db);
  if (current) {
    wanted.set(db, Math.min(scanAtMost, wanted.get(db) ?? scanAtMost));
    return current;
  }
  const run = (async () => {
    try {
      for (let limit: number | undefined = scanAtMost; limit !== undefined; limit = wanted.get(db)) {
        wanted.delete(db);
        // In the indexing worker; in the window where none can run or it could not finish.
        if (!(await indexedInWorker(db))) await indexArchive(db, pause, limit);
      }
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
 * posting lists, two halves of the work, each counted half. Nothing is counted once the index is
 * complete: at ten years the counts go through ~1.4 million rows, and the search screen asked for
 * them as it opened, so its first search queued behind them (1.8–1.9 s instead of ~0.2 s).
 */
export async function searchIndexProgress(db: YishiDb): Promise<IndexProgress> {
  const read = (await db.searchState.bulkGet([...SEARCH_KINDS, POSTINGS])) as ({ complete?: boolean } | undefined)[];
  const states = read.slice(0, SEARCH_KINDS.length);
  const postings = read.at(-1) as PostingsState | undefined;
  if (states.every((state) => state?.complete === true) && answersWhole(postings)) return { complete: true };
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
    const listed = answersWhole(postings)
      ? await db.searchEntries.count()
      : postings?.after !== undefined
        ? await db.searchEntries.where(':id').belowOrEqual(postings.after).count()
        : 0;
    return { indexed: Math.floor((indexed + listed) / 2), total, complete: complete && answersWhole(postings) };
  });
}
