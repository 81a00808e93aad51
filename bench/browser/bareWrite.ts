// The baseline of the restore's writing rate: the same rows written into the same schema with
// nothing of the app around them, measured in the same run, on the same profile. Raw IndexedDB
// `add` in one transaction per table — what Dexie's bulkAdd does underneath, without its layers —
// so the baseline is, if anything, a little faster than a bare Dexie bulkAdd.

export interface BareWrite {
  rows: number;
  ms: number;
}

/**
 * In the page: reads every table of `source` (not timed), then adds its rows to a new database
 * `target` holding the same stores and indexes (timed, one transaction per table), and deletes it.
 * `stores` is Dexie's schema syntax (shared/store/schema.ts dexieStores).
 */
/** What the in-page functions use of IndexedDB (the bench is typed without the DOM's types). */
interface Req<T> {
  result: T;
  error: unknown;
  onsuccess: (() => void) | null;
  onerror: (() => void) | null;
}
interface Store {
  add(row: unknown): unknown;
  get(key: string): Req<unknown>;
  getAll(): Req<unknown[]>;
  createIndex(name: string, keyPath: string | string[], options: { unique: boolean; multiEntry: boolean }): void;
}
interface Tx {
  objectStore(name: string): Store;
  error: unknown;
  oncomplete: (() => void) | null;
  onerror: (() => void) | null;
  onabort: (() => void) | null;
}
interface Db {
  objectStoreNames: { contains(name: string): boolean };
  transaction(stores: string, mode?: string, options?: { durability: string }): Tx;
  createObjectStore(name: string, options: { keyPath?: string | string[]; autoIncrement: boolean }): Store;
  close(): void;
}
interface Factory {
  open(name: string, version?: number): Req<Db> & { onupgradeneeded: (() => void) | null };
  deleteDatabase(name: string): Req<unknown>;
}

export function bareWriteInPage(arg: {
  source: string;
  target: string;
  stores: Record<string, string>;
}): Promise<BareWrite> {
  const { indexedDB, performance } = globalThis as unknown as { indexedDB: Factory; performance: { now(): number } };
  const done = <T>(r: Req<T>) =>
    new Promise<T>((resolve, reject) => {
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
  /** Dexie's index syntax: `&` unique, `*` multiEntry, `++` auto-increment, `[a+b]` compound. */
  const indexOf = (spec: string) => {
    const name = spec.replace(/^(\+\+|&|\*)/, '');
    const keyPath = name.startsWith('[') ? name.slice(1, -1).split('+') : name;
    return {
      name,
      keyPath,
      unique: spec.startsWith('&'),
      multiEntry: spec.startsWith('*'),
      auto: spec.startsWith('++'),
    };
  };
  const create = () =>
    new Promise<Db>((resolve, reject) => {
      const open = indexedDB.open(arg.target, 1);
      open.onupgradeneeded = () => {
        for (const [table, schema] of Object.entries(arg.stores)) {
          const [primary, ...indexes] = schema
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean);
          const key = indexOf(primary ?? '');
          const store = open.result.createObjectStore(table, {
            ...(key.name ? { keyPath: key.keyPath } : {}),
            autoIncrement: key.auto,
          });
          for (const index of indexes.map(indexOf))
            store.createIndex(index.name, index.keyPath, { unique: index.unique, multiEntry: index.multiEntry });
        }
      };
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
  const write = (db: Db, table: string, rows: unknown[]) =>
    new Promise<void>((resolve, reject) => {
      const tx = db.transaction(table, 'readwrite', { durability: 'strict' });
      const store = tx.objectStore(table);
      for (const row of rows) store.add(row);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    });
  return (async () => {
    await done(indexedDB.deleteDatabase(arg.target));
    const source = await done(indexedDB.open(arg.source));
    const target = await create();
    let rows = 0;
    let ms = 0;
    for (const table of Object.keys(arg.stores)) {
      if (!source.objectStoreNames.contains(table)) continue;
      const all = await done(source.transaction(table).objectStore(table).getAll());
      const started = performance.now();
      await write(target, table, all);
      ms += performance.now() - started;
      rows += all.length;
    }
    source.close();
    target.close();
    await done(indexedDB.deleteDatabase(arg.target));
    return { rows, ms };
  })();
}

/** In the page: whether today's automatic backup is done (settings.lastDailyBackupDay is today). */
export function dailyBackupDoneInPage(arg: { db: string }): Promise<boolean> {
  const { indexedDB } = globalThis as unknown as { indexedDB: Factory };
  const pad = (n: number) => String(n).padStart(2, '0');
  const now = new Date();
  const today = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  return new Promise((resolve) => {
    const open = indexedDB.open(arg.db);
    open.onerror = () => resolve(false);
    open.onsuccess = () => {
      const db = open.result;
      const get = db.transaction('settings').objectStore('settings').get('app');
      get.onsuccess = () => {
        db.close();
        resolve((get.result as { lastDailyBackupDay?: string } | undefined)?.lastDailyBackupDay === today);
      };
      get.onerror = () => {
        db.close();
        resolve(false);
      };
    };
  });
}
