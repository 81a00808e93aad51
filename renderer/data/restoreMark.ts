import {
  interruptedRestoreOf,
  restoreMarkOf,
  RESTORE_MARK_KEY,
  type InterruptedRestore,
} from '../../shared/backup/interruptedRestore';
import type { YishiDb } from './db';
import { localHints, restoreHintLeft, RESTORE_HINT_KEY } from './restoreHint';

/**
 * The mark of a restore under way (shared/backup/interruptedRestore.ts), kept twice: in the
 * database's local table, written and removed in transactions of their own (what the next start
 * judges by), and in localStorage, which the next start reads before the database answers, to say
 * why the window waits. localStorage reaches the disk a few seconds late, so it is only a hint.
 */

export async function markRestoreStarted(
  db: YishiDb,
  backupCreatedAt: string | undefined,
  now = new Date(),
  hints = localHints(),
): Promise<void> {
  const startedAt = now.toISOString();
  await db.localMarks.put({ key: RESTORE_MARK_KEY, startedAt, ...(backupCreatedAt ? { backupCreatedAt } : {}) });
  try {
    hints?.setItem(RESTORE_HINT_KEY, startedAt);
  } catch {
    // A full or disabled localStorage: the database's mark is the one that counts.
  }
}

export async function clearRestoreMark(db: YishiDb, hints = localHints()): Promise<void> {
  try {
    hints?.removeItem(RESTORE_HINT_KEY);
  } catch {
    // See markRestoreStarted.
  }
  await db.localMarks.delete(RESTORE_MARK_KEY);
}

/**
 * After the database opened: what became of a restore cut short, once (its mark is removed), or
 * null when none was.
 */
export async function takeInterruptedRestore(db: YishiDb, hints = localHints()): Promise<InterruptedRestore | null> {
  const [stored, last] = await Promise.all([db.localMarks.get(RESTORE_MARK_KEY), db.auditLog.orderBy('seq').last()]);
  const mark = restoreMarkOf(stored);
  if (stored !== undefined || restoreHintLeft(hints)) await clearRestoreMark(db, hints);
  return mark ? interruptedRestoreOf(mark, last) : null;
}
