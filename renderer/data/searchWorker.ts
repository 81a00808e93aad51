// The archive search off the window's thread (issue 13). Read in the window, a first page's
// ~8 ms of IndexedDB reading took 15–30 ms: each answer waited behind the screen's own rendering
// of the same moment. Here it waits for nothing. The worker opens its own connection to the
// app's database at the version on disk (Dexie's dynamic mode: it never creates or upgrades
// one) and only reads.
import Dexie from 'dexie';
import { DB_NAME, SCHEMA_VERSION } from '../../shared/store/schema';
import { searchArchive } from './repos/searchRepo';
import type { SearchRequest, SearchReply } from './searchClient';

let connection: Dexie | null = null;

async function opened(): Promise<Dexie> {
  if (connection?.isOpen()) return connection;
  const db = new Dexie(DB_NAME);
  await db.open();
  // Another schema than this code's (an upgrade pending in the window): the window searches.
  if (db.verno !== SCHEMA_VERSION) {
    db.close();
    throw new Error(`schema ${db.verno}, not ${SCHEMA_VERSION}`);
  }
  connection = db;
  return db;
}

const scope = globalThis as unknown as {
  onmessage: ((event: { data: SearchRequest }) => void) | null;
  postMessage(reply: SearchReply): void;
};

scope.onmessage = ({ data }) => {
  if (data.warm) {
    opened().catch(() => undefined);
    return;
  }
  const { id, query, filters, limit, today } = data;
  const started = performance.now();
  opened()
    .then((db) => searchArchive(db, query, filters, limit, today))
    .then(
      (result) => scope.postMessage({ id, result, tookMs: performance.now() - started }),
      (error: unknown) => {
        // The next search opens afresh (the database may have been closed under it).
        connection?.close();
        connection = null;
        scope.postMessage({ id, failed: String(error) });
      },
    );
};
