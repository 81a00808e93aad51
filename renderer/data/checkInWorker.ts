import {
  backupTextChecker,
  checkFailure,
  forEachTextBytes,
  type BackupCheck,
  type ReadNextPiece,
} from '../../shared/backup/restoreStream';
import { ackWindow } from './ackWindow';

/**
 * A backup checked on two threads (issue 14): the window reads the file's pieces and inflates
 * them; a worker decodes the text, reads the JSON and checks every row. Checked in the window
 * alone, a ten-year backup took it 7 s of work, in slices between which it painted. Only the
 * check before the question runs here: the restore's own reading writes inside the window's
 * IndexedDB transaction (data/backup.ts replaceFromBackup) and checks again as it writes.
 */

export type ToCheckWorker =
  /** The next bytes of the backup's text (already inflated). */
  { kind: 'bytes'; bytes: Uint8Array } | { kind: 'end' };
export type FromCheckWorker =
  /** Bytes handed over were read: room for more. */
  { kind: 'taken' } | { kind: 'checked'; check: BackupCheck } | { kind: 'failed'; message: string };

export interface CheckWorkerLike {
  postMessage(message: ToCheckWorker, transfer?: Transferable[]): void;
  onmessage: ((event: { data: FromCheckWorker }) => void) | null;
  onerror: ((event: unknown) => void) | null;
  terminate(): void;
}

/** Inflated pieces (a quarter-megabyte each) handed over and not yet read. */
export const CHUNKS_IN_FLIGHT = 8;

/** The worker could not check (it did not load, or failed): the window checks the file itself. */
export class CheckWorkerUnavailable extends Error {
  override name = 'CheckWorkerUnavailable';
}

/** The worker's side: reads and checks the bytes as they come, answers once after the end. */
export function serveCheck(post: (message: FromCheckWorker) => void): (message: ToCheckWorker) => void {
  const text = backupTextChecker();
  let queue: Promise<unknown> = Promise.resolve();
  let done = false;
  const answer = (check: BackupCheck) => {
    if (done) return;
    done = true;
    post({ kind: 'checked', check });
  };
  const step = (work: () => Promise<void>) => {
    queue = queue.then(async () => {
      if (done) return;
      try {
        await work();
      } catch (error) {
        // A problem of the file is the answer; anything else (a fault of this code) is the
        // window's to deal with.
        let check: BackupCheck;
        try {
          check = checkFailure(error);
        } catch (unexpected) {
          done = true;
          post({ kind: 'failed', message: unexpected instanceof Error ? unexpected.message : String(unexpected) });
          return;
        }
        answer(check);
      }
    });
  };
  return (message) => {
    if (message.kind === 'bytes')
      step(async () => {
        post({ kind: 'taken' });
        await text.take(message.bytes);
      });
    else step(async () => answer({ ok: true, summary: await text.finish() }));
  };
}

/**
 * The window's side: reads the pieces, inflates them and hands them to the worker, a few at a
 * time. Resolves with the worker's answer; rejects with CheckWorkerUnavailable when the worker
 * fails, and with a failure of reading the pieces as it is. The worker is ended either way.
 */
export function checkThroughWorker(
  worker: CheckWorkerLike,
  next: ReadNextPiece,
  progress?: (bytesRead: number) => void,
): Promise<BackupCheck> {
  const room = ackWindow(CHUNKS_IN_FLIGHT);
  let settle: { resolve: (check: BackupCheck) => void; reject: (error: unknown) => void } | null = null;
  let failure: unknown = null;
  const answered = new Promise<BackupCheck>((resolve, reject) => (settle = { resolve, reject }));
  answered.catch(() => undefined);
  const fail = (error: unknown) => {
    if (failure) return;
    failure = error;
    settle?.reject(error);
    // The reading may be waiting for room that will never come.
    for (let i = 0; i < CHUNKS_IN_FLIGHT; i++) room.acked();
  };
  worker.onerror = (event) =>
    fail(new CheckWorkerUnavailable(String((event as { message?: string })?.message ?? 'failed to load')));
  worker.onmessage = ({ data }) => {
    if (data.kind === 'taken') room.acked();
    else if (data.kind === 'checked') settle?.resolve(data.check);
    else fail(new CheckWorkerUnavailable(data.message));
  };
  const handOver = async (bytes: Uint8Array, owned: boolean) => {
    if (failure) throw failure;
    // A piece of the source may be a view on a larger buffer (a file in memory): copied, not moved.
    const own = owned && bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice();
    worker.postMessage({ kind: 'bytes', bytes: own }, [own.buffer as ArrayBuffer]);
    await room.sent();
  };
  const checked = (async (): Promise<BackupCheck> => {
    try {
      await forEachTextBytes(next, handOver, progress ? { progress } : {});
    } catch (error) {
      if (failure) throw failure;
      // Damaged compressed data: the file's problem, answered here; a failed read is thrown on.
      return checkFailure(error);
    }
    if (failure) throw failure;
    worker.postMessage({ kind: 'end' });
    return answered;
  })();
  return checked.finally(() => {
    worker.onmessage = null;
    worker.onerror = null;
    worker.terminate();
  });
}
