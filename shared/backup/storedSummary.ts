import { storedBackupSummarySchema, type StoredBackupSummary } from '../bridge';
import { TABLE_NAMES, type TableName } from '../store/schema';
import type { BackupSummary } from './document';

/** The summary kept with a backup: what its writer counted, in the form the bridge stores. */
export function storedSummaryOf(summary: BackupSummary): StoredBackupSummary {
  return { ...summary, counts: { ...summary.counts } };
}

/**
 * A kept summary as the restore question can show it, or null when it cannot be trusted to
 * say what the file holds: malformed, or naming a table this version does not have (a newer
 * version's backup), which only the full check can judge.
 */
export function summaryToShow(stored: unknown): BackupSummary | null {
  const parsed = storedBackupSummarySchema.safeParse(stored);
  if (!parsed.success) return null;
  const known = new Set<string>(TABLE_NAMES);
  if (Object.keys(parsed.data.counts).some((table) => !known.has(table))) return null;
  const counts = Object.fromEntries(TABLE_NAMES.map((t) => [t, parsed.data.counts[t] ?? 0])) as Record<
    TableName,
    number
  >;
  const { appVersion, createdAt, schemaVersion } = parsed.data;
  return { appVersion, createdAt, schemaVersion, counts };
}

/** The same backup: its time, versions and every table's count. */
export function sameBackup(a: BackupSummary, b: BackupSummary): boolean {
  return (
    a.createdAt === b.createdAt &&
    a.appVersion === b.appVersion &&
    a.schemaVersion === b.schemaVersion &&
    TABLE_NAMES.every((t) => a.counts[t] === b.counts[t])
  );
}
