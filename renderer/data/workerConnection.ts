// A reading worker's own connection to the app's database, at the version on disk (Dexie's
// dynamic mode: it never creates or upgrades one). Only reads go through it.
import Dexie from 'dexie';
import { DB_NAME, SCHEMA_VERSION } from '../../shared/store/schema';

export interface WorkerConnection {
  opened(): Promise<Dexie>;
  /** After a failure: the next request opens afresh (the database may have been closed under it). */
  reset(): void;
}

export function workerConnection(): WorkerConnection {
  let connection: Dexie | null = null;
  return {
    async opened() {
      if (connection?.isOpen()) return connection;
      const db = new Dexie(DB_NAME);
      await db.open();
      // Another schema than this code's (an upgrade pending in the window): the window reads.
      // Floored, as openDatabase.ts reads it: a schema Dexie repaired (native 111) is still 11.
      if (Math.floor(db.verno) !== SCHEMA_VERSION) {
        db.close();
        throw new Error(`schema ${db.verno}, not ${SCHEMA_VERSION}`);
      }
      connection = db;
      return db;
    },
    reset() {
      connection?.close();
      connection = null;
    },
  };
}
