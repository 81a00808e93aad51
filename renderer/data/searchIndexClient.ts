import { DB_NAME } from '../../shared/store/schema';
import type { YishiDb } from './db';
import { workerAsker, type WorkerAsker, type WorkerLike, type WorkerReply } from './workerAsker';

/** Index what the search index does not cover yet (searchIndexWorker.ts); replied when done. */
export type IndexRequest = { id: number };
export type IndexReply = WorkerReply<true>;

const indexers = new WeakMap<YishiDb, WorkerAsker<IndexRequest, true>>();

/**
 * Builds the archive's search index in the indexing worker, off the window's thread. False where
 * the window must build it itself: no worker can run here (tests), it failed to start, or it
 * could not finish (its connection was refused or closed under it).
 */
export async function indexedInWorker(db: YishiDb): Promise<boolean> {
  let indexer = indexers.get(db);
  if (!indexer) {
    // Only for the app's own database: the worker opens it by name.
    const canStart = typeof Worker !== 'undefined' && db.name === DB_NAME;
    indexer = workerAsker<IndexRequest, true>(
      canStart
        ? () =>
            new Worker(new URL('./searchIndexWorker.ts', import.meta.url), {
              type: 'module',
              name: 'yishi-search-index',
            }) as unknown as WorkerLike<IndexRequest, IndexReply>
        : null,
    );
    indexers.set(db, indexer);
  }
  return (await indexer.ask((id) => ({ id }))) !== null;
}
