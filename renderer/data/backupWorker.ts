// The backup's reading and JSON off the window's thread (issue 14, see backupInWorker.ts).
import Dexie from 'dexie';
import { ackWindow, runBackupJob, type FromBackupWorker, type ToBackupWorker } from './backupInWorker';
import type { GzipWorkerLike } from './gzipInWorker';

const scope = globalThis as unknown as {
  onmessage: ((event: { data: ToBackupWorker }) => void) | null;
  postMessage(message: FromBackupWorker, transfer?: Transferable[]): void;
};

async function openByName(name: string): Promise<Dexie> {
  const db = new Dexie(name);
  await db.open();
  return db;
}

/** The compressing worker, started from this one; null where a worker cannot start one. */
function startGzipWorker(): GzipWorkerLike | null {
  if (typeof Worker === 'undefined') return null;
  try {
    return new Worker(new URL('./gzipWorker.ts', import.meta.url), {
      type: 'module',
      name: 'yishi-backup-gzip',
    }) as unknown as GzipWorkerLike;
  } catch {
    return null;
  }
}

const pieces = ackWindow();
scope.onmessage = ({ data }) => {
  if (data.kind === 'ack') pieces.acked();
  else
    void runBackupJob(
      data.job,
      openByName,
      (message, transfer) => scope.postMessage(message, transfer ?? []),
      pieces,
      undefined,
      startGzipWorker,
    );
};
