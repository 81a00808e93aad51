import { z } from 'zod';
import { SCHEMA_VERSION, STORE_TABLES, TABLE_NAMES, primaryKeyOf, type TableRows } from '../store/schema';
import { migrateTables, type RawTables } from '../store/migrations';

export const BACKUP_FORMAT = 'yishi-backup';
export const BACKUP_FORMAT_VERSION = 1;

/** The whole database in one JSON file. */
export interface BackupDocument {
  format: typeof BACKUP_FORMAT;
  formatVersion: number;
  schemaVersion: number;
  appVersion: string;
  createdAt: string;
  counts: Record<string, number>;
  tables: TableRows;
}

const envelopeSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.number().int().min(1),
  schemaVersion: z.number().int().min(1),
  appVersion: z.string(),
  createdAt: z.string(),
  counts: z.record(z.string(), z.number()).optional(),
  tables: z.record(z.string(), z.array(z.unknown())),
});

export function makeBackupDocument(tables: TableRows, appVersion: string, createdAt: Date): BackupDocument {
  const counts = Object.fromEntries(TABLE_NAMES.map((t) => [t, tables[t].length]));
  return {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    schemaVersion: SCHEMA_VERSION,
    appVersion,
    createdAt: createdAt.toISOString(),
    counts,
    tables,
  };
}

/** Why a backup file cannot be restored; every variant has a message in the UI. */
export type BackupProblem =
  | { code: 'notJson' }
  | { code: 'notABackup' }
  | { code: 'newerFormat'; formatVersion: number }
  | { code: 'newerSchema'; schemaVersion: number }
  | { code: 'countMismatch'; table: string; expected: number; found: number }
  | { code: 'badRow'; table: string; row: number; field: string; message: string }
  | { code: 'duplicateId'; table: string; id: string };

export type BackupReading = { ok: true; document: BackupDocument } | { ok: false; problem: BackupProblem };

const MAX_REPORTED_PATH = 3;

/**
 * The one restore step every backup passes: parse, check the envelope, migrate older schemas,
 * then validate every row. Nothing is written by this function; the caller writes all or nothing.
 */
export function readBackupDocument(text: string): BackupReading {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, problem: { code: 'notJson' } };
  }
  const envelope = envelopeSchema.safeParse(raw);
  if (!envelope.success) return { ok: false, problem: { code: 'notABackup' } };
  const env = envelope.data;
  if (env.formatVersion > BACKUP_FORMAT_VERSION)
    return { ok: false, problem: { code: 'newerFormat', formatVersion: env.formatVersion } };
  if (env.schemaVersion > SCHEMA_VERSION)
    return { ok: false, problem: { code: 'newerSchema', schemaVersion: env.schemaVersion } };

  for (const [table, expected] of Object.entries(env.counts ?? {})) {
    const found = env.tables[table]?.length ?? 0;
    if (found !== expected) return { ok: false, problem: { code: 'countMismatch', table, expected, found } };
  }

  const migrated: RawTables = migrateTables(env.tables, env.schemaVersion);
  const tables = {} as Record<string, unknown[]>;
  for (const table of TABLE_NAMES) {
    const rows = migrated[table] ?? [];
    const schema = STORE_TABLES[table].row;
    const keyField = primaryKeyOf(table);
    const seen = new Set<string>();
    const parsedRows: unknown[] = [];
    for (let i = 0; i < rows.length; i++) {
      const result = schema.safeParse(rows[i]);
      if (!result.success) {
        const issue = result.error.issues[0];
        return {
          ok: false,
          problem: {
            code: 'badRow',
            table,
            row: i + 1,
            field: (issue?.path ?? []).slice(0, MAX_REPORTED_PATH).join('.'),
            message: issue?.message ?? '',
          },
        };
      }
      const key = String((result.data as Record<string, unknown>)[keyField]);
      if (seen.has(key)) return { ok: false, problem: { code: 'duplicateId', table, id: key.slice(0, 40) } };
      seen.add(key);
      parsedRows.push(result.data);
    }
    tables[table] = parsedRows;
  }
  const counts = Object.fromEntries(TABLE_NAMES.map((t) => [t, tables[t]?.length ?? 0]));
  return {
    ok: true,
    document: {
      format: BACKUP_FORMAT,
      formatVersion: BACKUP_FORMAT_VERSION,
      schemaVersion: SCHEMA_VERSION,
      appVersion: env.appVersion,
      createdAt: env.createdAt,
      counts,
      tables: tables as TableRows,
    },
  };
}
