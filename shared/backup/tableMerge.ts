/**
 * A restore over data that is mostly the backup's already (the usual case: yesterday's backup
 * restored after a mistake today) need not write ten years again. The backup's rows of a table
 * come in key order, as the backup wrote them (stream.ts); walking the table's current rows
 * alongside, in the same order, tells for each row whether to add it, replace it, or leave it,
 * and which current rows the backup no longer holds. Issue 14: writing every row again is
 * 166–181 s at ten years on an old laptop; comparing them is a read.
 *
 * The effects (reading the current rows, comparing keys and rows) come from the caller, so the
 * rule is tested here without a database. Whatever `same` answers, the outcome is the backup's
 * rows: `same` only decides whether an equal row is written again.
 */

export interface TableMergeEffects<Current, Row, Key> {
  /** The current rows with keys after `after` (all of them when undefined), in key order, at most `limit`. */
  readAfter(after: Key | undefined, limit: number): Promise<Current[]>;
  currentKey(current: Current): Key;
  /** The key of a row of the backup. */
  keyOf(row: Row): Key;
  /** Key order, as the database orders keys (indexedDB.cmp). */
  compare(a: Key, b: Key): number;
  /** Whether the current row already is the backup's row. */
  same(current: Current, incoming: Row): boolean;
  /** Rows per read; may change as rows turn out large. */
  pageRows(): number;
  /** The keys alone, as readAfter would give their rows: enough for rows that are only removed. */
  readKeysAfter(after: Key | undefined, limit: number): Promise<Key[]>;
}

/** What one batch of the backup's rows asks of the table; removals go first. */
export interface TableMergeWrites<Row, Key> {
  remove: Key[];
  add: Row[];
  replace: Row[];
  unchanged: number;
}

export interface TableMerge<Row, Key> {
  /** The next rows of the backup, for this table. */
  take(rows: readonly Row[]): Promise<TableMergeWrites<Row, Key>>;
  /** The keys of the current rows the backup's rows went past or never reached: to be removed. */
  rest(each: (keys: Key[]) => Promise<void>): Promise<void>;
}

export function tableMerge<Current, Row, Key>(effects: TableMergeEffects<Current, Row, Key>): TableMerge<Row, Key> {
  const { keyOf, currentKey, compare } = effects;
  let page: Current[] = [];
  let at = 0;
  let exhausted = false;
  let lastRead: Key | undefined;
  let lastIncoming: Key | undefined;

  /** The next current row not yet gone past; reads are always after every key read before. */
  const peek = async (): Promise<Current | undefined> => {
    if (at < page.length) return page[at];
    if (exhausted) return undefined;
    const limit = Math.max(1, effects.pageRows());
    page = await effects.readAfter(lastRead, limit);
    at = 0;
    if (page.length < limit) exhausted = true;
    if (page.length > 0) lastRead = currentKey(page[page.length - 1]!);
    return page[0];
  };

  return {
    async take(rows) {
      const writes: TableMergeWrites<Row, Key> = { remove: [], add: [], replace: [], unchanged: 0 };
      for (const row of rows) {
        const key = keyOf(row);
        // Out of order (not what this app writes, but a file may be anything the checker lets
        // through): written over whatever is there. Its key is behind every current row still
        // to come, so no later read meets it, and a current row of that key was either removed
        // in passing (removals are applied first) or never there.
        if (lastIncoming !== undefined && compare(key, lastIncoming) <= 0) {
          writes.replace.push(row);
          continue;
        }
        lastIncoming = key;
        for (;;) {
          const current = await peek();
          const order = current === undefined ? 1 : compare(currentKey(current), key);
          if (order < 0) {
            writes.remove.push(currentKey(current!));
            at++;
            continue;
          }
          if (order === 0) {
            at++;
            if (effects.same(current!, row)) writes.unchanged++;
            else writes.replace.push(row);
          } else writes.add.push(row);
          break;
        }
      }
      return writes;
    },
    async rest(each) {
      if (at < page.length) {
        const keys = page.slice(at).map(currentKey);
        at = page.length;
        await each(keys);
      }
      // Every key written so far is behind the last one read, unless the table was read to its
      // end: the keys read from here on are all current rows the backup does not hold.
      while (!exhausted) {
        const limit = Math.max(1, effects.pageRows());
        const keys = await effects.readKeysAfter(lastRead, limit);
        if (keys.length < limit) exhausted = true;
        if (keys.length === 0) return;
        lastRead = keys[keys.length - 1];
        await each(keys);
      }
    },
  };
}
