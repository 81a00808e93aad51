import type { BackupWorkerLike } from './backupInWorker';
import type { CheckWorkerLike } from './checkInWorker';
import type { InflateWorkerLike } from './inflateInWorker';

// The window's backup workers, where the platform has workers (not in the unit tests, which run
// in Node); null where none can start, and the window does the work itself.

/** Reads the pages and writes the backup's JSON (backupInWorker.ts). */
export function startBackupWorker(): BackupWorkerLike | null {
  if (typeof Worker === 'undefined') return null;
  try {
    return new Worker(new URL('./backupWorker.ts', import.meta.url), {
      type: 'module',
      name: 'yishi-backup',
    }) as unknown as BackupWorkerLike;
  } catch (error) {
    console.warn('no backup worker, backing up in the window', error);
    return null;
  }
}

/** Checks a backup's rows while the window reads and inflates it (checkInWorker.ts). */
export function startCheckWorker(): CheckWorkerLike | null {
  if (typeof Worker === 'undefined') return null;
  try {
    return new Worker(new URL('./checkWorker.ts', import.meta.url), {
      type: 'module',
      name: 'yishi-backup-check',
    }) as unknown as CheckWorkerLike;
  } catch (error) {
    console.warn('no check worker, checking in the window', error);
    return null;
  }
}

/** Inflates a backup for the restore's transaction in the window (inflateInWorker.ts). */
export function startInflateWorker(): InflateWorkerLike | null {
  if (typeof Worker === 'undefined') return null;
  try {
    return new Worker(new URL('./inflateWorker.ts', import.meta.url), {
      type: 'module',
      name: 'yishi-restore-inflate',
    }) as unknown as InflateWorkerLike;
  } catch (error) {
    console.warn('no inflate worker, inflating in the window', error);
    return null;
  }
}
