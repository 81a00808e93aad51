// The backup's reading and JSON off the window's thread (issue 14, see backupInWorker.ts).
import Dexie from 'dexie';
import { ackWindow, runBackupJob, type FromBackupWorker, type ToBackupWorker } from './backupInWorker';

const scope = globalThis as unknown as {
  onmessage: ((event: { data: ToBackupWorker }) => void) | null;
  postMessage(message: FromBackupWorker, transfer?: Transferable[]): void;
};

async function openByName(name: string): Promise<Dexie> {
  const db = new Dexie(name);
  await db.open();
  return db;
}

const pieces = ackWindow();
scope.onmessage = ({ data }) => {
  if (data.kind === 'ack') pieces.acked();
  else
    void runBackupJob(data.job, openByName, (message, transfer) => scope.postMessage(message, transfer ?? []), pieces);
};
