import { describe, expect, it } from 'vitest';
import { BACKUP_KEEP, backupId, backupsToPrune, isDailyBackupDue, parseBackupId } from './rotation';
import { backupIdSchema, type BackupEntry } from '../bridge';

describe('backup names and rotation', () => {
  it('round-trips reason and time through the file name', () => {
    const at = new Date(2026, 10, 10, 9, 30, 5, 42);
    const id = backupId('daily', at);
    expect(id).toBe('yishi-backup-daily-20261110-093005-042.json.gz');
    expect(parseBackupId(id)).toEqual({ reason: 'daily', createdAt: at.toISOString() });
    expect(backupIdSchema.safeParse(id).success).toBe(true);
    // Backups written before compression keep their names and stay listed.
    expect(parseBackupId('yishi-backup-daily-20261110-093005-042.json')).toEqual({
      reason: 'daily',
      createdAt: at.toISOString(),
    });
  });
  it('ignores names that are not ours, including traversal attempts', () => {
    for (const id of [
      '../yishi-backup-daily-20261110-093005-042.json',
      'notes.txt',
      'yishi-backup-daily-20261110-093005-042.json/..',
      'yishi-backup-daily-20261110-093005-042.json.gz.exe',
      'yishi-backup-daily-20261110-093005-042.gz',
    ])
      expect(parseBackupId(id)).toBeNull();
  });
  it('keeps the newest of each kind', () => {
    const entries: BackupEntry[] = Array.from({ length: 20 }, (_, i) => ({
      id: `d${i}`,
      reason: 'daily',
      createdAt: new Date(2026, 0, i + 1).toISOString(),
      sizeBytes: 1,
    }));
    entries.push({ id: 'm', reason: 'manual', createdAt: new Date(2020, 0, 1).toISOString(), sizeBytes: 1 });
    const pruned = backupsToPrune(entries);
    expect(pruned.length).toBe(20 - BACKUP_KEEP.daily);
    expect(pruned).toContain('d0');
    expect(pruned).not.toContain('d19');
    expect(pruned).not.toContain('m');
  });
  it('is due once per day', () => {
    expect(isDailyBackupDue(undefined, '2026-11-10')).toBe(true);
    expect(isDailyBackupDue('2026-11-10', '2026-11-10')).toBe(false);
    expect(isDailyBackupDue('2026-11-09', '2026-11-10')).toBe(true);
  });
});
