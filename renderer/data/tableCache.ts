import Dexie, { type ObservabilitySet } from 'dexie';
import { useEffect, useState } from 'react';
import type { OrgUnit } from '../../shared/domain/org';
import type { YishiDb } from './db';

/**
 * Reads that several screens repeat and that change only when their tables are written — the org
 * units' names, the decisions of meetings not signed yet, the 督办 badge's count — kept until one
 * of their tables is written (in this window or another: Dexie's storagemutated event covers
 * both). Reading the 1,230 org units or the badge's 4,400 due decisions on every page of the
 * board and every route change was most of those screens' time on a ten-year database.
 *
 * A cached read runs OUTSIDE any transaction of its caller (a transaction would end while it
 * waits on another's promise): read it first, then open the transaction.
 */

/** Per database name, per table: how many committed writes have been seen. */
const generations = new Map<string, Map<string, number>>();
let listening = false;

function listen(): void {
  if (listening) return;
  listening = true;
  Dexie.on.storagemutated.subscribe((parts: ObservabilitySet) => {
    for (const part of Object.keys(parts)) {
      // idb://<database>/<table>/<index or ''>
      const match = /^idb:\/\/([^/]+)\/([^/]+)\//.exec(part);
      if (!match) continue;
      const [, name, table] = match as unknown as [string, string, string];
      const tables = generations.get(name) ?? new Map<string, number>();
      generations.set(name, tables);
      tables.set(table, (tables.get(table) ?? 0) + 1);
    }
  });
}

function stamp(db: Dexie, tables: readonly string[]): string {
  const seen = generations.get(db.name);
  return tables.map((t) => seen?.get(t) ?? 0).join(',');
}

interface Entry {
  stamp: string;
  value: Promise<unknown>;
}

const caches = new WeakMap<Dexie, Map<string, Entry>>();

/**
 * `read()`'s result, from the cache while none of `tables` has been written since it was read.
 * The stamp is taken before the read starts, so a write committed during the read makes the
 * next call read again. A failed read is not kept.
 */
export function cachedRead<T>(db: Dexie, key: string, tables: readonly string[], read: () => Promise<T>): Promise<T> {
  listen();
  const cache = caches.get(db) ?? new Map<string, Entry>();
  caches.set(db, cache);
  const now = stamp(db, tables);
  const hit = cache.get(key);
  if (hit && hit.stamp === now) return hit.value as Promise<T>;
  const value = read();
  cache.set(key, { stamp: now, value });
  value.catch(() => {
    if (cache.get(key)?.value === value) cache.delete(key);
  });
  return value;
}

/** Calls `changed` after each committed write to one of `tables` of `db`. Returns the unsubscribe. */
export function watchTables(db: Dexie, tables: readonly string[], changed: () => void): () => void {
  listen();
  const prefixes = tables.map((t) => `idb://${db.name}/${t}/`);
  const listener = (parts: ObservabilitySet) => {
    if (Object.keys(parts).some((part) => prefixes.some((p) => part.startsWith(p)))) changed();
  };
  Dexie.on.storagemutated.subscribe(listener);
  return () => Dexie.on.storagemutated.unsubscribe(listener);
}

/**
 * A cached read for a component: read once (a remount, e.g. on a route change, finds it in the
 * cache and reads nothing), read again after a write to one of `tables`. Undefined until read.
 */
export function useCachedRead<T>(
  db: Dexie,
  key: string,
  tables: readonly string[],
  read: () => Promise<T>,
): T | undefined {
  const [state, setState] = useState<{ key: string; value: T } | undefined>();
  const [version, setVersion] = useState(0);
  const tableList = tables.join(',');
  // Asked for while rendering, not only once the screen is drawn: the read runs while React
  // commits the screen around it (the effect below then finds it in the cache).
  if (state?.key !== key) void cachedRead(db, key, tables, read);
  useEffect(() => watchTables(db, tableList.split(','), () => setVersion((v) => v + 1)), [db, tableList]);
  useEffect(() => {
    let live = true;
    cachedRead(db, key, tableList.split(','), read).then(
      (value) => live && setState({ key, value }),
      (error: unknown) => console.error('cached read failed', key, error),
    );
    return () => {
      live = false;
    };
    // `read` is a new function on every render; the key names what it reads.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [db, key, tableList, version]);
  return state?.key === key ? state.value : undefined;
}

/**
 * Every org unit (a district has about 1,230): the names and scopes of the 工作台, the 督办 board
 * and its badge. Read again only after a unit is added, renamed or removed. Callers must not
 * change the rows.
 */
// The same key and tables as useOrgUnits (useTables.ts): screens and reads share one entry.
export function cachedOrgUnits(db: YishiDb): Promise<readonly OrgUnit[]> {
  return cachedRead(db, 'orgUnits', ['orgUnits'], () => db.orgUnits.toArray());
}
