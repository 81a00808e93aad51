// The baseline of the backup's reading: every row of every table read with nothing of the app
// around it — raw IndexedDB getAll, pages of the backup's own sizes (shared/backup/stream.ts),
// each page in its own transaction as the backup reads them — measured in the same run, on the
// same profile. What the backup cannot beat through IndexedDB on this machine.

import type { IdbRequest } from './inpage';

export interface BareRead {
  rows: number;
  ms: number;
}

/** What the in-page function uses of IndexedDB (the bench is typed without the DOM's types). */
type Req<T> = IdbRequest<T>;
interface Store {
  keyPath: string | string[] | null;
  getAll(range?: unknown, count?: number): Req<Record<string, unknown>[]>;
}
interface Db {
  transaction(stores: string, mode?: string): { objectStore(name: string): Store };
  close(): void;
}

/** In the page: reads `tables` of the database `source` page by page, timed. */
export function bareReadInPage(arg: {
  source: string;
  tables: string[];
  pageRows: number;
  pageRowsOf: Record<string, number>;
}): Promise<BareRead> {
  const g = globalThis as unknown as {
    indexedDB: { open(name: string): Req<Db> };
    IDBKeyRange: { lowerBound(key: unknown, open: boolean): unknown };
    performance: { now(): number };
  };
  const done = <T>(r: Req<T>) =>
    new Promise<T>((resolve, reject) => {
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
  return done(g.indexedDB.open(arg.source)).then(async (db) => {
    const start = g.performance.now();
    let rows = 0;
    for (const table of arg.tables) {
      const limit = arg.pageRowsOf[table] ?? arg.pageRows;
      let after: unknown = undefined;
      for (;;) {
        const store = db.transaction(table, 'readonly').objectStore(table);
        const range = after === undefined ? undefined : g.IDBKeyRange.lowerBound(after, true);
        const page = await done(store.getAll(range, limit));
        if (page.length === 0) break;
        rows += page.length;
        after = page[page.length - 1]![store.keyPath as string];
      }
    }
    const ms = g.performance.now() - start;
    db.close();
    return { rows, ms };
  });
}
