import { instantOf } from '../dates';

/**
 * A restore replaces every table in one IndexedDB transaction. Should the app be closed (or the
 * computer lose power) half-way, the browser undoes that transaction the next time it opens the
 * data, before it answers: on a ten-year archive that took 35 s after 90 s of writing (probe,
 * session 36), a window with nothing in it. So the app notes, in a table of its own outside the
 * restore, that a restore is under way, and removes the note when it ends. A note found at the
 * next start means the restore was cut short: either it had committed (its audit entry, appended
 * inside the restore's transaction, is the log's last and not older than the note) or it was undone.
 */

export const RESTORE_MARK_KEY = 'restoreInProgress';

export interface RestoreMark {
  key: typeof RESTORE_MARK_KEY;
  /** When the restore's transaction was about to start (ISO). */
  startedAt: string;
  /** The backup's own time, for the notice (ISO), when known. */
  backupCreatedAt?: string;
}

export type InterruptedRestore = { outcome: 'restored' | 'undone'; backupCreatedAt?: string };

/** What became of a restore its mark says was cut short, judged by the audit log's last entry. */
export function interruptedRestoreOf(
  mark: RestoreMark,
  lastAuditEntry: { action: string; at: string } | undefined,
): InterruptedRestore {
  const restored = lastAuditEntry?.action === 'restore' && instantOf(lastAuditEntry.at) >= instantOf(mark.startedAt);
  return {
    outcome: restored ? 'restored' : 'undone',
    ...(mark.backupCreatedAt ? { backupCreatedAt: mark.backupCreatedAt } : {}),
  };
}

/** A stored mark as read back: anything else in its place is no mark (and is removed). */
export function restoreMarkOf(row: unknown): RestoreMark | null {
  if (typeof row !== 'object' || row === null) return null;
  const { key, startedAt, backupCreatedAt } = row as Record<string, unknown>;
  if (key !== RESTORE_MARK_KEY || typeof startedAt !== 'string' || Number.isNaN(instantOf(startedAt))) return null;
  return {
    key,
    startedAt,
    ...(typeof backupCreatedAt === 'string' && backupCreatedAt ? { backupCreatedAt } : {}),
  };
}
