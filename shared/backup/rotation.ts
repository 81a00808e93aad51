import { BACKUP_ID_PATTERN, type BackupEntry, type BackupReason } from '../bridge';

/** How many backups of each kind are kept; older ones are removed after a new one is written. */
export const BACKUP_KEEP: Record<BackupReason, number> = {
  daily: 14,
  manual: 20,
  preUpgrade: 5,
  preRestore: 5,
};

function stamp(date: Date): string {
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return (
    `${date.getFullYear()}${p(date.getMonth() + 1)}${p(date.getDate())}-` +
    `${p(date.getHours())}${p(date.getMinutes())}${p(date.getSeconds())}-${p(date.getMilliseconds(), 3)}`
  );
}

export function backupId(reason: BackupReason, at: Date): string {
  return `yishi-backup-${reason}-${stamp(at)}.json.gz`;
}

/** Reads reason and time back from a backup file name; null for files that are not ours. */
export function parseBackupId(id: string): { reason: BackupReason; createdAt: string } | null {
  const m = BACKUP_ID_PATTERN.exec(id);
  if (!m) return null;
  const s = m[2] as string;
  const iso = `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}T${s.slice(9, 11)}:${s.slice(11, 13)}:${s.slice(13, 15)}.${s.slice(16, 19)}`;
  return { reason: m[1] as BackupReason, createdAt: new Date(iso).toISOString() };
}

/** The ids to delete so that at most BACKUP_KEEP[reason] of each kind remain, newest kept. */
export function backupsToPrune(entries: readonly BackupEntry[]): string[] {
  const prune: string[] = [];
  for (const reason of Object.keys(BACKUP_KEEP) as BackupReason[]) {
    const ofReason = entries
      .filter((e) => e.reason === reason)
      .sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
    prune.push(...ofReason.slice(BACKUP_KEEP[reason]).map((e) => e.id));
  }
  return prune;
}

/** A daily backup is due when none was written on this local calendar day. */
export function isDailyBackupDue(lastDailyBackupDay: string | undefined, today: string): boolean {
  return lastDailyBackupDay !== today;
}
