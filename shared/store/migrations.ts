import { SCHEMA_VERSION } from './tables';
import { migrateMatterV1 } from '../domain/matterMigration';
import { withOpenFlag } from '../domain/matter';
import { migrateDecisionStatus } from '../followup/state';
import { withRosterKeys } from '../roster/rosterKeys';
import type { Person } from '../domain/person';

/** Rows of every table, as a backup holds them or an upgrade sees them. */
export type RawTables = Record<string, unknown[]>;

/** Turns one row of a table from the previous schema version into this one. */
export type RowMigration = (row: unknown) => unknown;

/**
 * One step per schema version: MIGRATIONS[n] turns version n-1 rows into version n rows, table
 * by table and row by row, so a restore can migrate a ten-year backup as it streams past. The
 * same functions run inside Dexie's upgrade and when an older backup is restored, so both paths
 * agree. (A future step that needs several rows at once, such as splitting a table, needs a
 * whole-table pass in both places.) Version 1 is the first shipped schema: nothing to migrate.
 */
export const MIGRATIONS: Record<number, Partial<Record<string, RowMigration>>> = {
  2: {
    // The matters register (issue #12): free-text raiser, channel code and status → v2 shape.
    matters: migrateMatterV1,
    // 督办: a decision's status open/done/overdue/rated becomes a follow-up state (shared/followup/state.ts).
    decisions: migrateDecisionStatus,
  },
  5: {
    // The 工作台 reads open matters by [open+path+orgUnitId]: the flag is derived from closedAt/mergedInto.
    matters: withOpenFlag,
    // The paged and searched roster reads each person's roster keys.
    people: (row) => withRosterKeys(row as Person),
  },
};

export function migrateRow(table: string, row: unknown, fromVersion: number, toVersion = SCHEMA_VERSION): unknown {
  let current = row;
  for (let v = fromVersion + 1; v <= toVersion; v++) {
    const step = MIGRATIONS[v]?.[table];
    if (step) current = step(current);
  }
  return current;
}

/** The tables with a row migration between `fromVersion` and `toVersion`. */
export function tablesToMigrate(fromVersion: number, toVersion = SCHEMA_VERSION): string[] {
  const tables = new Set<string>();
  for (let v = fromVersion + 1; v <= toVersion; v++)
    for (const table of Object.keys(MIGRATIONS[v] ?? {})) tables.add(table);
  return [...tables];
}

export type OpenDecision =
  { action: 'create' } | { action: 'open' } | { action: 'upgrade'; from: number } | { action: 'refuse'; found: number };

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
