// The archive search off the window's thread (issue 13). Read in the window, a first page's
// ~8 ms of IndexedDB reading took 15–30 ms: each answer waited behind the screen's own rendering
// of the same moment. Here it waits for nothing. The worker opens its own connection to the
// app's database at the version on disk (Dexie's dynamic mode: it never creates or upgrades
// one) and only reads.
import { searchArchive } from './repos/searchRepo';
import type { SearchRequest, SearchReply } from './searchClient';
import { workerConnection } from './workerConnection';
import { today as todayOf } from '../../shared/dates';
import { searchWarmer, WARM_UP_QUERY } from './searchWarmUp';

const connection = workerConnection();
const warmUp = searchWarmer(
  () => connection.opened(),
  (db) => searchArchive(db, WARM_UP_QUERY, {}, 30, todayOf()),
);

const scope = globalThis as unknown as {
  onmessage: ((event: { data: SearchRequest }) => void) | null;
  postMessage(reply: SearchReply): void;
};

scope.onmessage = ({ data }) => {
  if (data.warm) return warmUp();
  const { id, query, filters, limit, today } = data;
  const started = performance.now();
  connection
    .opened()
    .then((db) => searchArchive(db, query, filters, limit, today))
    .then(
      (answer) => scope.postMessage({ id, answer, tookMs: performance.now() - started }),
      (error: unknown) => {
        connection.reset();
        scope.postMessage({ id, failed: String(error) });
      },
    );
};
