// The backup part's figures with the targets of issue 14 (backup.ts measures them).
import type { BenchFigure } from '../measure';
import type { BackupFigures, EmptyRestoreFigures, RestoreFigures } from './backup';
import type { BareRead } from './bareRead';

/** The figures of 立即备份 itself, and the bare read of the same rows beside it. */
export function backupNowFigures(backup: BackupFigures, bareRead: BareRead): BenchFigure[] {
  return [
    {
      name: '立即备份 (back up now), ten-year DB → done (the daily backup does the same)',
      value: backup.ms,
      unit: 'ms',
      target: '≤ 10 s',
      ok: backup.ms <= 10_000,
    },
    { name: 'backup size, ten-year DB', value: backup.bytes / 1e6, unit: 'MB' },
    {
      name: 'while backing up: longest time the window stood still (gap between frames)',
      value: backup.longestFrameGapMs,
      unit: 'ms',
      target: '≤ 50 ms',
      ok: backup.longestFrameGapMs <= 50,
    },
    {
      name: "bare read of the same rows (raw IndexedDB getAll, the backup's pages, app not running)",
      value: bareRead.ms,
      unit: 'ms',
    },
    { name: '立即备份 vs the bare read (ratio)', value: backup.ms / bareRead.ms, unit: '×' },
  ];
}

/** Every figure of the backup part, with the targets of issue 14. */
export function backupFigures(
  backup: BackupFigures & { bytes: number; restore: RestoreFigures; intoEmpty: EmptyRestoreFigures },
  bareRead: BareRead,
  rateRatio: number,
  rowsPerSecond: number,
  barePerSecond: number,
): BenchFigure[] {
  const restored = backup.restore;
  return [
    ...backupNowFigures(backup, bareRead),
    {
      name: '恢复 (restore) that backup: click → question shown (the counts the backup kept; the current ones fill in)',
      value: restored.questionMs,
      unit: 'ms',
      target: '≤ 3 s',
      ok: restored.questionMs <= 3_000,
    },
    {
      name: '恢复: click → the question\'s "now" column counted (behind the question)',
      value: restored.countedMs,
      unit: 'ms',
    },
    {
      name: '恢复: click → every row checked (behind the question; confirming waits for it)',
      value: restored.checkMs,
      unit: 'ms',
      target: '≤ 3 s',
      ok: restored.checkMs <= 3_000,
    },
    {
      name: '恢复 over the same data (a mistake undone): confirm → done (safety backup + every row compared, what differs written, one transaction)',
      value: restored.restoreMs,
      unit: 'ms',
      target: '≤ 60 s',
      ok: restored.restoreMs <= 60_000,
    },
    { name: '恢复 over the same data: of which the safety backup', value: restored.safetyBackupMs, unit: 'ms' },
    { name: '恢复 over the same data: of which the rows', value: restored.rowsMs, unit: 'ms' },
    {
      name: '恢复 over the same data: rows added + replaced + removed',
      value: restored.written ? restored.written.added + restored.written.replaced + restored.written.removed : NaN,
      unit: 'rows',
    },
    {
      name: '恢复 into an empty database (a new computer): confirm → meeting list (every row written)',
      value: backup.intoEmpty.restoreMs,
      unit: 'ms',
      target: '≤ 60 s',
      ok: backup.intoEmpty.restoreMs <= 60_000,
    },
    { name: '恢复 into an empty database: of which the rows', value: backup.intoEmpty.rowsMs, unit: 'ms' },
    { name: '恢复 into an empty database: rows written per second', value: rowsPerSecond, unit: 'rows/s' },
    {
      name: 'bare write of the same rows into the same schema (raw IndexedDB add), rows per second',
      value: barePerSecond,
      unit: 'rows/s',
    },
    {
      name: '恢复 into an empty database: writing rate vs the bare write',
      value: rateRatio,
      unit: '×',
      target: '≥ 0.8×',
      ok: rateRatio >= 0.8,
    },
    {
      name: 'while restoring: longest time the window stood still (gap between frames)',
      value: restored.longestFrameGapMs,
      unit: 'ms',
      target: '< 200 ms',
      ok: restored.longestFrameGapMs < 200,
    },
    // Before reading in pieces: 1.25 GB (the whole backup as one string, then as objects).
    {
      name: 'while restoring: JS heap peak (sampled every frame, garbage included)',
      value: restored.peakHeapMB,
      unit: 'MB',
    },
  ];
}
