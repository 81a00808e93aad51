import { z } from 'zod';
import {
  SCHEMA_VERSION,
  STORE_TABLES,
  TABLE_NAMES,
  primaryKeyOf,
  type TableName,
  type TableRows,
} from '../store/schema';
import { migrateRow } from '../store/migrations';
import { BackupJsonError, BackupJsonReader, type BackupJsonEvent } from './jsonStream';
import { firstIssueMessage } from '../validation/messages';
import { fastCheckOf } from '../validation/fastCheck';
import { RepeatedKeys } from './repeatedKeys';

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

/** The fields before "tables"; a backup names what it is before it brings its rows. */
const headSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.number().int().min(1),
  schemaVersion: z.number().int().min(1),
  appVersion: z.string(),
  createdAt: z.string(),
});
type Head = z.infer<typeof headSchema>;

const countsSchema = z.record(z.string(), z.number());

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
  | { code: 'rowTooLarge' }
  /** The file read for the restore differs from the one checked and shown in the question. */
  | { code: 'changedSinceCheck' }
  /** A stored backup whose file holds other counts, time or versions than its kept summary showed. */
  | { code: 'notAsListed' }
  | { code: 'newerFormat'; formatVersion: number }
  | { code: 'newerSchema'; schemaVersion: number }
  | { code: 'countMismatch'; table: string; expected: number; found: number }
  /** `field`: the path of keys (for logs); `message`: a Chinese sentence naming the field in words. */
  | { code: 'badRow'; table: string; row: number; field: string; message: string }
  | { code: 'duplicateId'; table: string; id: string };

export type BackupReading = { ok: true; document: BackupDocument } | { ok: false; problem: BackupProblem };

/** What a checked backup holds, for the confirmation before it replaces everything. */
export interface BackupSummary {
  appVersion: string;
  createdAt: string;
  /** The schema its rows were written in (they are migrated to the current one as they are read). */
  schemaVersion: number;
  counts: Record<TableName, number>;
}

/** Thrown by BackupChecker; nothing may be written from a backup that throws it. */
export class BackupRefused extends Error {
  override name = 'BackupRefused';
  constructor(readonly problem: BackupProblem) {
    super(problem.code);
  }
}

const MAX_REPORTED_PATH = 3;
const KNOWN_TABLES = new Set<string>(TABLE_NAMES);

/** The problem a fault of the JSON reader means, or the error itself when it is none of them. */
export function problemOf(error: unknown): BackupProblem {
  if (error instanceof BackupRefused) return error.problem;
  if (error instanceof BackupJsonError)
    return error.fault === 'valueTooLarge' ? { code: 'rowTooLarge' } : { code: error.fault };
  throw error;
}

/**
 * The row migrated to the current schema and validated, or the refusal naming what is wrong
 * with it. A row of an older backup too damaged to migrate (a person without roles has no
 * roster keys to work out) is checked as it is, so the refusal names its bad field rather than
 * the migration's own error.
 */
function checkedRow(table: TableName, index: number, value: unknown, fromVersion: number): unknown {
  let migrated: unknown;
  let migrates = true;
  try {
    migrated = migrateRow(table, value, fromVersion);
  } catch {
    migrated = value;
    migrates = false;
  }
  const schema = STORE_TABLES[table].row;
  // Most rows: a quick yes (zod would accept them and give back the same); zod judges the rest.
  if (migrates && fastCheckOf(schema)(migrated)) return migrated;
  const result = schema.safeParse(migrated);
  if (result.success && migrates) return result.data;
  const issue = result.success ? undefined : result.error.issues[0];
  throw new BackupRefused({
    code: 'badRow',
    table,
    row: index + 1,
    field: (issue?.path ?? []).slice(0, MAX_REPORTED_PATH).join('.'),
    message: result.success
      ? UNMIGRATABLE_ROW
      : firstIssueMessage(result.error, { root: { kind: 'row', table }, input: migrated }),
  });
}

/** A row valid as it stands whose migration still failed: nothing names a field. */
const UNMIGRATABLE_ROW = '无法转换为当前版本的格式';

/**
 * The one check every restored backup passes, fed the reader's events one at a time: the
 * envelope before the tables, then every row of a known table migrated to the current schema,
 * validated and its key checked for repeats, and at the end the counts the backup declares.
 * It never writes; the caller writes only rows it returned, and throws all of them away when it
 * throws.
 */
export class BackupChecker {
  // No prototype: a field named "__proto__" stays a field, as in JSON.parse, and never lends
  // the envelope inherited properties.
  private readonly head: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  private envelope: Head | null = null;
  private declared: Record<string, number> | null = null;
  private readonly found = new Map<string, number>();
  private keys: RepeatedKeys | null = null;

  /** The row to write for a row of a known table; null for every other event. */
  accept(event: BackupJsonEvent): { table: TableName; row: unknown } | null {
    if (event.kind === 'field') {
      if (event.name === 'counts') {
        const counts = countsSchema.safeParse(event.value);
        if (!counts.success) throw new BackupRefused({ code: 'notABackup' });
        this.declared = counts.data;
      } else this.head[event.name] = event.value;
      return null;
    }
    if (event.kind === 'tables') {
      this.envelope = this.checkHead();
      return null;
    }
    if (event.kind === 'table') {
      this.found.set(event.name, 0);
      this.keys = new RepeatedKeys();
      return null;
    }
    const index = this.found.get(event.table) ?? 0;
    this.found.set(event.table, index + 1);
    if (!KNOWN_TABLES.has(event.table)) return null;
    const table = event.table as TableName;
    const envelope = this.envelope as Head;
    const row = checkedRow(table, index, event.value, envelope.schemaVersion);
    const key = String((row as Record<string, unknown>)[primaryKeyOf(table)]);
    if (this.keys?.repeats(key)) throw new BackupRefused({ code: 'duplicateId', table, id: key.slice(0, 40) });
    return { table, row };
  }

  /** After the last event: the counts agree, and the backup had its tables. */
  finish(): BackupSummary {
    if (!this.envelope) {
      this.checkHead();
      throw new BackupRefused({ code: 'notABackup' });
    }
    for (const [table, expected] of Object.entries(this.declared ?? {})) {
      const found = this.found.get(table) ?? 0;
      if (found !== expected) throw new BackupRefused({ code: 'countMismatch', table, expected, found });
    }
    const counts = Object.fromEntries(TABLE_NAMES.map((t) => [t, this.found.get(t) ?? 0])) as Record<TableName, number>;
    const { appVersion, createdAt, schemaVersion } = this.envelope;
    return { appVersion, createdAt, schemaVersion, counts };
  }

  private checkHead(): Head {
    const head = headSchema.safeParse(this.head);
    if (!head.success) throw new BackupRefused({ code: 'notABackup' });
    if (head.data.formatVersion > BACKUP_FORMAT_VERSION)
      throw new BackupRefused({ code: 'newerFormat', formatVersion: head.data.formatVersion });
    if (head.data.schemaVersion > SCHEMA_VERSION)
      throw new BackupRefused({ code: 'newerSchema', schemaVersion: head.data.schemaVersion });
    return head.data;
  }
}

/**
 * A whole backup already in memory (small backups, tests): the same reader and checker a
 * streamed restore uses, so both accept and refuse exactly the same files.
 */
export function readBackupDocument(text: string): BackupReading {
  const tables = Object.fromEntries(TABLE_NAMES.map((t) => [t, [] as unknown[]])) as Record<TableName, unknown[]>;
  try {
    const reader = new BackupJsonReader();
    const checker = new BackupChecker();
    for (const event of [...reader.push(text), ...reader.end()]) {
      const accepted = checker.accept(event);
      if (accepted) tables[accepted.table].push(accepted.row);
    }
    const summary = checker.finish();
    return {
      ok: true,
      document: {
        format: BACKUP_FORMAT,
        formatVersion: BACKUP_FORMAT_VERSION,
        schemaVersion: SCHEMA_VERSION,
        appVersion: summary.appVersion,
        createdAt: summary.createdAt,
        counts: summary.counts,
        tables: tables as TableRows,
      },
    };
  } catch (error) {
    return { ok: false, problem: problemOf(error) };
  }
}
