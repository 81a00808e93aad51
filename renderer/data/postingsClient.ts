import { DB_NAME } from '../../shared/store/schema';
import type { YishiDb } from './db';
import { workerAsker, type WorkerAsker, type WorkerLike, type WorkerReply } from './workerAsker';

/** Build the posting lists to the end (postingsWorker.ts); the reply comes when they are built. */
export type PostingsRequest = { id: number };
export type PostingsReply = WorkerReply<true>;

const builders = new WeakMap<YishiDb, WorkerAsker<PostingsRequest, true>>();

/**
 * Builds the search index's posting lists in their worker, off the window's thread. False where
 * the window must build them itself: no worker can run here (tests), it failed to start, or it
 * could not finish (its connection was refused or closed under it).
 */
export async function postingsBuiltInWorker(db: YishiDb): Promise<boolean> {
  let builder = builders.get(db);
  if (!builder) {
    // Only for the app's own database: the worker opens it by name.
    const canStart = typeof Worker !== 'undefined' && db.name === DB_NAME;
    builder = workerAsker<PostingsRequest, true>(
      canStart
        ? () =>
            new Worker(new URL('./postingsWorker.ts', import.meta.url), {
              type: 'module',
              name: 'yishi-postings',
            }) as unknown as WorkerLike<PostingsRequest, PostingsReply>
        : null,
    );
    builders.set(db, builder);
  }
  return (await builder.ask((id) => ({ id }))) !== null;
}
