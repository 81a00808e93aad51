import type Dexie from 'dexie';
import type { ReadPage } from '../../shared/backup/stream';
import { withoutRosterKeys } from '../../shared/roster/rosterKeys';

/**
 * Rows as a backup holds them: a person's roster keys are derived from the row (and would be
 * most of the roster's bytes), so they stay out and are worked out again when restored.
 */
export function backedUp(table: string, rows: unknown[]): unknown[] {
  return table === 'people' ? rows.map((r) => withoutRosterKeys(r as object)) : rows;
}

/**
 * Reads a table a page at a time by primary key, each page in its own short transaction: the
 * minutes' autosave never waits behind a backup of ten years (IndexedDB holds writers back
 * while an overlapping read runs). A row changed during the backup is saved as it was read.
 */
export function pageReader(db: Dexie): ReadPage {
  return async (name, after, limit) => {
    const table = db.tables.find((t) => t.name === name);
    if (!table) return { rows: [], lastKey: undefined };
    const rows = await (after === undefined ? table.orderBy(':id') : table.where(':id').above(after))
      .limit(limit)
      .toArray();
    const keyPath = table.schema.primKey.keyPath;
    const lastKey =
      rows.length > 0 && typeof keyPath === 'string'
        ? (rows[rows.length - 1] as Record<string, unknown>)[keyPath]
        : undefined;
    // Without the key of the last row the next page would be this one again, forever.
    if (rows.length > 0 && lastKey === undefined) throw new Error(`backup: the rows of ${name} do not carry their key`);
    return { rows: backedUp(name, rows), lastKey };
  };
}
