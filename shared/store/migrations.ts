import { SCHEMA_VERSION } from './schema';

/** Rows of every table, as a backup holds them or an upgrade sees them. */
export type RawTables = Record<string, unknown[]>;

/**
 * One pure step per schema version: MIGRATIONS[n] turns version n-1 rows into version n rows.
 * The same functions run inside Dexie's upgrade and when an older backup is restored, so both
 * paths agree. Version 1 is the first shipped schema: there is nothing to migrate yet.
 */
export const MIGRATIONS: Record<number, (tables: RawTables) => RawTables> = {};

export function migrateTables(tables: RawTables, fromVersion: number, toVersion = SCHEMA_VERSION): RawTables {
  let current = tables;
  for (let v = fromVersion + 1; v <= toVersion; v++) {
    const step = MIGRATIONS[v];
    if (step) current = step(current);
  }
  return current;
}

export type OpenDecision =
  | { action: 'create' }
  | { action: 'open' }
  | { action: 'upgrade'; from: number }
  | { action: 'refuse'; found: number };

/**
 * What to do with the database found on disk (its schema version, 0 when none exists):
 * a newer one is refused, never deleted or downgraded; an older one is backed up first.
 */
export function decideOpen(foundVersion: number, appVersion = SCHEMA_VERSION): OpenDecision {
  if (foundVersion === 0) return { action: 'create' };
  if (foundVersion > appVersion) return { action: 'refuse', found: foundVersion };
  if (foundVersion < appVersion) return { action: 'upgrade', from: foundVersion };
  return { action: 'open' };
}
