import { DB_NAME, POINTER_DB_NAME, generationOf, databaseNameOf, staleDatabaseNames } from '../../shared/store/dbName';

/**
 * The pointer to the database holding the app's data (see POINTER_DB_NAME): a small database of
 * its own with one row. Written only at the end of a restore, with strict durability, so once a
 * restore reports done the pointer survives a crash or a power cut.
 */
const POINTER_STORE = 'pointer';
const POINTER_KEY = 'current';

export class PointerUnreadable extends Error {}

function done<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });
}

/**
 * The name of the database holding the app's data: DB_NAME until a restore has pointed elsewhere.
 * Reading never creates the pointer. A pointer that exists but cannot be read is an error, never
 * taken as DB_NAME: opening the data from before a restore would show it as current.
 */
export function readCurrentDatabaseName(factory: IDBFactory = indexedDB): Promise<string> {
  return new Promise((resolve, reject) => {
    let created = false;
    const request = factory.open(POINTER_DB_NAME);
    request.onupgradeneeded = () => {
      created = true;
      request.transaction?.abort();
    };
    request.onerror = (event) => {
      if (!created) return reject(new PointerUnreadable(String(request.error)));
      event.preventDefault();
      resolve(DB_NAME);
    };
    request.onsuccess = () => {
      const db = request.result;
      const finish = (name: string | Error) => {
        db.close();
        if (name instanceof Error) reject(name);
        else resolve(name);
      };
      if (!db.objectStoreNames.contains(POINTER_STORE)) return finish(DB_NAME);
      done(db.transaction(POINTER_STORE, 'readonly').objectStore(POINTER_STORE).get(POINTER_KEY)).then(
        (row: unknown) => {
          const name = (row as { name?: unknown } | undefined)?.name;
          if (row === undefined) finish(DB_NAME);
          else if (typeof name === 'string' && generationOf(name) !== null) finish(name);
          else finish(new PointerUnreadable(`pointer holds ${JSON.stringify(row)}`));
        },
        (error: unknown) => finish(new PointerUnreadable(String(error))),
      );
    };
  });
}

let currentName: Promise<string> | null = null;

/** The page's one reading of the pointer (the entry warms the database, main.tsx opens it). */
export function currentDatabaseName(): Promise<string> {
  currentName ??= readCurrentDatabaseName();
  return currentName;
}

/** The database a restore writes into: the generation after the current one. */
export function nextDatabaseName(current: string): string {
  return databaseNameOf((generationOf(current) ?? 1) + 1);
}

/** Points the app at `name`; resolves once the pointer is on disk (strict durability). */
export async function switchCurrentDatabase(name: string, factory: IDBFactory = indexedDB): Promise<void> {
  if (generationOf(name) === null) throw new RangeError(`${name} is not a data database`);
  const open = factory.open(POINTER_DB_NAME, 1);
  open.onupgradeneeded = () => open.result.createObjectStore(POINTER_STORE);
  const db = await done(open);
  try {
    const tx = db.transaction(POINTER_STORE, 'readwrite', { durability: 'strict' });
    tx.objectStore(POINTER_STORE).put({ name, at: new Date().toISOString() }, POINTER_KEY);
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onabort = () => reject(tx.error ?? new Error('the pointer was not written'));
    });
  } finally {
    db.close();
  }
}

/** Deletes a database; resolves when it is gone (or held open elsewhere: it goes once closed). */
export function deleteDatabase(name: string, factory: IDBFactory = indexedDB): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = factory.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onblocked = () => resolve();
    request.onerror = () => reject(request.error ?? new Error(`could not delete ${name}`));
  });
}

/**
 * Deletes the data databases other than the current: the one a restore replaced, and any a
 * restore cut short left behind. Returns their names. `running` is the database this window
 * works on: when the pointer names another (a restore has just switched, the window is about to
 * reload), nothing is deleted. A platform that cannot list its databases keeps them (they take
 * disk space, nothing else).
 */
export async function dropStaleDatabases(running: string, factory: IDBFactory = indexedDB): Promise<string[]> {
  const current = await readCurrentDatabaseName(factory);
  if (current !== running) return [];
  const listed = await factory.databases?.();
  if (!listed) return [];
  const stale = staleDatabaseNames(
    listed.flatMap((d) => (d.name ? [d.name] : [])),
    current,
  );
  for (const name of stale) await deleteDatabase(name, factory);
  return stale;
}
