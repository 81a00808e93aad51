import type { CalendarDate } from '../../shared/dates';
import type { SearchFilters, SearchResult } from '../../shared/search/types';
import { today as todayOf } from '../../shared/dates';
import { DB_NAME } from '../../shared/store/schema';
import type { YishiDb } from './db';
import { searchArchive } from './repos/searchRepo';
import { workerAsker, type WorkerLike, type WorkerReply } from './workerAsker';

/** A search asked of the worker (searchWorker.ts), or `warm` to open its connection early. */
export type SearchRequest =
  | { warm: true; id?: never; query?: never; filters?: never; limit?: never; today?: never }
  | { warm?: false; id: number; query: string; filters: SearchFilters; limit: number; today: CalendarDate };

export type SearchReply = WorkerReply<SearchResult>;

export interface ArchiveSearcher {
  search(query: string, filters: SearchFilters, limit: number, today?: CalendarDate): Promise<SearchResult>;
  /** Starts the worker and opens its connection, so the first search does not wait for them. */
  warm(): void;
}

/**
 * The archive search, in a worker where the platform has them, else in the window. Whatever
 * the worker cannot answer (it failed to start, its connection was refused, a search threw) is
 * searched again in the window, so a search never fails for the worker's sake — and a real
 * error comes from the window's own reading, with its real type.
 */
export function archiveSearcher(
  db: YishiDb,
  startWorker: (() => WorkerLike<SearchRequest, SearchReply>) | null,
): ArchiveSearcher {
  const worker = workerAsker<SearchRequest, SearchResult>(startWorker);
  return {
    warm: () => worker.tell({ warm: true }),
    async search(query, filters, limit, today = todayOf()) {
      const reply = await worker.ask((id) => ({ id, query, filters, limit, today }));
      if (!reply) return searchArchive(db, query, filters, limit, today);
      // The worker's own reading, for the benchmark (bench/browser/search.ts).
      globalThis.performance?.measure?.('yishi:search-worker-read', { start: 0, duration: reply.tookMs });
      return reply.answer;
    },
  };
}

const searchers = new WeakMap<YishiDb, ArchiveSearcher>();

/**
 * The app's searcher for its database: one worker for the window's life. Only for the app's own
 * database (the worker opens it by name); another (tests) is searched in the window.
 */
export function searcherFor(db: YishiDb): ArchiveSearcher {
  let searcher = searchers.get(db);
  if (!searcher) {
    const canStart = typeof Worker !== 'undefined' && db.name === DB_NAME;
    searcher = archiveSearcher(
      db,
      canStart
        ? () =>
            new Worker(new URL('./searchWorker.ts', import.meta.url), {
              type: 'module',
              name: 'yishi-search',
            }) as unknown as WorkerLike<SearchRequest, SearchReply>
        : null,
    );
    searchers.set(db, searcher);
  }
  return searcher;
}
