import { cmp, type Table, type Transaction } from 'dexie';
import { tableMerge, type TableMerge } from '../../shared/backup/tableMerge';
import { prefetchingReader } from '../../shared/backup/prefetch';
import { jsonEqual } from '../../shared/backup/jsonEqual';
import { BACKUP_PAGE_ROWS, BACKUP_PAGE_SIZE, FIRST_PAGE_ROWS, nextPageRows } from '../../shared/backup/stream';
import { DERIVED_TABLES, TABLE_NAMES, primaryKeyOf, type TableName } from '../../shared/store/schema';
import { backedUp } from './backupPages';
import { nextTask } from './nextTask';

/** What a restore did to the rows (the bench prints it; the audit needs none of it). */
export interface RestoreWritten {
  added: number;
  replaced: number;
  removed: number;
  unchanged: number;
}

/**
 * Rows added, replaced or removed while the derived tables (search index, 督办 tallies) are kept
 * up to date as they are written. Past it the restore empties them, as a restore over other data
 * did before: they are built again in the background, and the rest of the rows are written
 * without indexing each one inside the restore (ten years of records took 400 s to index).
 */
export const KEEP_DERIVED_UP_TO = 2_000;

/** Rows handed to IndexedDB in one call, and slices not yet stored before the reading waits. */
const WRITE_SLICE_ROWS = 100;
const MAX_SLICES_IN_FLIGHT = 8;
/** Work between two pauses while handing rows over (each add serialises its row on this thread). */
const WRITE_BUDGET_MS = 12;

/**
 * Writes rows in small slices within the caller's transaction, pausing when a budget of time is
 * spent (handing over thousands of rows at once froze the window for a fifth of a second), and
 * letting only a few slices wait to be stored, so rows never pile up in memory when the disk is
 * slower than the reading. One slice at a time while the derived tables are kept: their
 * middlewares read and rewrite shared rows (a unit's tally), which two writes in flight would race.
 */
function slicedWriter(tables: TablesOf, keepOpen: KeepOpen, slicesInFlight: () => number) {
  const inFlight: Promise<unknown>[] = [];
  let since = performance.now();
  return {
    async write(table: TableName, rows: unknown[], how: 'add' | 'put'): Promise<void> {
      for (let i = 0; i < rows.length; i += WRITE_SLICE_ROWS) {
        while (inFlight.length >= slicesInFlight()) await inFlight.shift();
        const slice = rows.slice(i, i + WRITE_SLICE_ROWS);
        const stored = how === 'add' ? tables(table).bulkAdd(slice) : tables(table).bulkPut(slice);
        // Marked handled here (Dexie then leaves the transaction to us); every slice is awaited in
        // turn above or in settle, or a refusal aborts the whole transaction.
        stored.catch(() => undefined);
        inFlight.push(stored);
        if (performance.now() - since > WRITE_BUDGET_MS) {
          await keepOpen(nextTask());
          since = performance.now();
        }
      }
    },
    async settle(): Promise<void> {
      for (const stored of inFlight.splice(0)) await stored;
    },
  };
}

/** The restore's transaction's tables, bound to it (Transaction.table): see dexieZone.ts. */
type TablesOf = (name: TableName | string) => Table;
/** Waits for work outside the database with the transaction kept open (Dexie.waitFor in its zone). */
export type KeepOpen = <T>(work: Promise<T>) => Promise<T>;

type Current = { key: IDBValidKey; text: string; row: unknown };

/** One table's merge over the current rows, read a page at a time within the restore's transaction. */
function mergeOver(tables: TablesOf, table: TableName): TableMerge<unknown, IDBValidKey> {
  const keyPath = primaryKeyOf(table);
  const keyOf = (row: unknown) => (row as Record<string, unknown>)[keyPath] as IDBValidKey;
  const most = BACKUP_PAGE_ROWS[table] ?? BACKUP_PAGE_SIZE;
  let limit = Math.min(most, FIRST_PAGE_ROWS);
  const after = (key: IDBValidKey | undefined) =>
    key === undefined ? tables(table).orderBy(':id') : tables(table).where(':id').above(key);
  // The next page is asked for as soon as one arrives, so the database reads it while this thread
  // compares (x1: the rows step of a restore over the same data was 24.5 s). The merge's writes are
  // all at keys up to the last one read, so a page read ahead is never stale.
  const read = prefetchingReader(async (_table, key, n) => {
    const rows = await after(key as IDBValidKey | undefined)
      .limit(n)
      .toArray();
    return { rows, lastKey: rows.length > 0 ? keyOf(rows[rows.length - 1]) : undefined };
  });
  return tableMerge<Current, unknown, IDBValidKey>({
    async readAfter(key, n) {
      const { rows } = await read(table, key, n);
      let chars = 0;
      // Compared as the backup holds them (without what the app works out again on writing).
      const page = backedUp(table, rows).map((row): Current => {
        const text = JSON.stringify(row);
        chars += text.length;
        return { key: keyOf(row), text, row };
      });
      limit = nextPageRows(n, chars, most);
      return page;
    },
    readKeysAfter: (key, n) => after(key).limit(n).primaryKeys() as Promise<IDBValidKey[]>,
    currentKey: (current) => current.key,
    keyOf,
    compare: cmp,
    // The backup's text of a row is JSON.stringify of the row as stored (backupPages.ts); a row
    // read back from it gives the same text again, so equal text is an equal row. Otherwise the
    // keys may only be in another order (a row that went through its zod schema): compared as
    // values. The backup's row is taken as the backup would hold it: what the app works out on
    // writing (a person's roster keys) is worked out again anyway, whatever a file says of it.
    same: (current, row) => {
      const incoming = backedUp(table, [row])[0];
      return current.text === JSON.stringify(incoming) || jsonEqual(current.row, incoming);
    },
    pageRows: () => limit,
  });
}

/**
 * Turns the current tables into the backup's, table by table as its rows come, inside the
 * caller's transaction: rows the same are left, others added, replaced or removed. A table the
 * backup holds no rows of is emptied. Only inside replaceFromBackup's transaction: every call goes
 * to its tables, since the merge's own awaits leave Dexie's zone.
 */
export function mergingWriter(transaction: Transaction, keepOpen: KeepOpen) {
  const tables: TablesOf = (name) => transaction.table(name);
  const merges = new Map<TableName, TableMerge<unknown, IDBValidKey>>();
  const written: RestoreWritten = { added: 0, replaced: 0, removed: 0, unchanged: 0 };
  let derivedKept = true;
  const sliced = slicedWriter(tables, keepOpen, () => (derivedKept ? 1 : MAX_SLICES_IN_FLIGHT));
  const mergeOf = (table: TableName) => {
    let merge = merges.get(table);
    if (!merge) merges.set(table, (merge = mergeOver(tables, table)));
    return merge;
  };
  const remove = async (table: TableName, keys: IDBValidKey[]) => {
    if (keys.length === 0) return;
    // Removals go before this batch's writes: a row out of key order may take a removed key.
    await sliced.settle();
    await tables(table).bulkDelete(keys);
    written.removed += keys.length;
  };
  /** Before writing `coming` more rows: a batch that would pass the limit is not indexed row by row first. */
  const forgetDerivedWhenMany = async (coming = 0) => {
    if (!derivedKept || written.added + written.replaced + written.removed + coming <= KEEP_DERIVED_UP_TO) return;
    await sliced.settle();
    // The search index and the tallies are emptied whole: searchState and decisionTallyState go
    // with them, so both are built again in the background from the restored rows.
    for (const t of Object.keys(DERIVED_TABLES)) await tables(t).clear();
    derivedKept = false;
  };
  return {
    async write(table: TableName, rows: unknown[]): Promise<void> {
      const writes = await mergeOf(table).take(rows);
      written.unchanged += writes.unchanged;
      await forgetDerivedWhenMany(writes.remove.length + writes.add.length + writes.replace.length);
      await remove(table, writes.remove);
      await sliced.write(table, writes.add, 'add');
      await sliced.write(table, writes.replace, 'put');
      written.added += writes.add.length;
      written.replaced += writes.replace.length;
    },
    /** After the backup's last row: the current rows it did not hold are removed. */
    async finish(): Promise<RestoreWritten> {
      for (const table of TABLE_NAMES) {
        if (!merges.has(table)) {
          // None of the backup's rows: emptied in one step when there is anything to empty.
          const rows = await tables(table).count();
          if (rows === 0) continue;
          await forgetDerivedWhenMany(rows);
          await sliced.settle();
          await tables(table).clear();
          written.removed += rows;
          continue;
        }
        await mergeOf(table).rest(async (keys) => {
          await forgetDerivedWhenMany(keys.length);
          await remove(table, keys);
        });
      }
      await sliced.settle();
      return written;
    },
  };
}
