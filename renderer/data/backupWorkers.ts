import type { BackupWorkerLike } from './backupInWorker';
import type { CheckWorkerLike } from './checkInWorker';
import type { InflateWorkerLike } from './inflateInWorker';

// The window's backup workers, where the platform has workers (not in the unit tests, which run
// in Node); null where none can start, and the window does the work itself.

function startOrNull<T>(start: () => Worker, withoutIt: string): T | null {
  if (typeof Worker === 'undefined') return null;
  try {
    return start() as unknown as T;
  } catch (error) {
    console.warn(withoutIt, error);
    return null;
  }
}

// Each `new Worker(new URL(…))` is written out in full: that is how Vite finds a worker to build.

/** Reads the pages and writes the backup's JSON (backupInWorker.ts). */
export function startBackupWorker(): BackupWorkerLike | null {
  return startOrNull(
    () => new Worker(new URL('./backupWorker.ts', import.meta.url), { type: 'module', name: 'yishi-backup' }),
    'no backup worker, backing up in the window',
  );
}

/** Checks a backup's rows while the window reads and inflates it (checkInWorker.ts). */
export function startCheckWorker(): CheckWorkerLike | null {
  return startOrNull(
    () => new Worker(new URL('./checkWorker.ts', import.meta.url), { type: 'module', name: 'yishi-backup-check' }),
    'no check worker, checking in the window',
  );
}

/** Inflates a backup for the restore's transaction in the window (inflateInWorker.ts). */
export function startInflateWorker(): InflateWorkerLike | null {
  return startOrNull(
    () => new Worker(new URL('./inflateWorker.ts', import.meta.url), { type: 'module', name: 'yishi-restore-inflate' }),
    'no inflate worker, inflating in the window',
  );
}
