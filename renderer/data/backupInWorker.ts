import type Dexie from 'dexie';
import { prefetchingReader } from '../../shared/backup/prefetch';
import { writeBackupPieces } from '../../shared/backup/stream';
import { gzipPieces, type GzipWriter } from '../../shared/backup/gzip';
import type { TableName } from '../../shared/store/schema';
import { pageReader } from './backupPages';
import { refusal } from '../../shared/refusal';
import { ackWindow } from './ackWindow';
import { gzipThroughWorker, type GzipWorkerLike } from './gzipInWorker';

export { PIECES_IN_FLIGHT, ackWindow } from './ackWindow';

/**
 * A backup written in a worker (issue 14): reading the pages, turning them into JSON, encoding
 * and compressing it take a ten-year backup's thread most of its half minute. The worker does
 * all of that and hands the window compressed pieces, which it only passes to the bridge: the
 * window never stands still for the backup. (The compression was the window's until session 23:
 * 6-7 s of it at x1, in long tasks of 50-95 ms every few seconds.)
 * The worker opens the database by name (Dexie's dynamic mode: at the version on disk, never
 * creating or upgrading it), reads only, and closes it when done.
 */

/** What the window asks of the backup worker. */
export interface BackupJob {
  dbName: string;
  appVersion: string;
  /** ISO time: the backup's own time, chosen by the window. */
  createdAt: string;
  /** The schema the rows are in, when not the current one (a backup before an upgrade). */
  schemaVersion?: number;
}

export type ToBackupWorker = { kind: 'start'; job: BackupJob } | { kind: 'ack' };
export type FromBackupWorker =
  /** A piece of the gzip-compressed backup, in order. */
  | { kind: 'bytes'; bytes: Uint8Array }
  | { kind: 'done'; counts: Record<TableName, number> }
  | { kind: 'failed'; message: string };

/** Characters of JSON per piece handed over: about half a megabyte of UTF-8. */
const PIECE_CHARS = 1 << 18;

type Post = (message: FromBackupWorker, transfer?: Transferable[]) => void;

/**
 * The worker's side: writes the whole backup as gzip-compressed pieces of about `pieceBytes`,
 * then its counts, or its failure.
 */
export async function runBackupJob(
  job: BackupJob,
  open: (name: string) => Promise<Dexie>,
  post: Post,
  window: ReturnType<typeof ackWindow>,
  pieceBytes = 1 << 20,
  startGzipWorker: () => GzipWorkerLike | null = () => null,
): Promise<void> {
  let db: Dexie | undefined;
  try {
    db = await open(job.dbName);
    const handOver = async (bytes: Uint8Array) => {
      // Each piece is a fresh array (gzip.ts gathers the chunks into one): safe to hand over.
      post({ kind: 'bytes', bytes }, [bytes.buffer as ArrayBuffer]);
      await window.sent();
    };
    const compressed = compressor(handOver, pieceBytes, startGzipWorker);
    const counts = await writeBackupPieces(prefetchingReader(pageReader(db)), {
      appVersion: job.appVersion,
      createdAt: new Date(job.createdAt),
      ...(job.schemaVersion ? { schemaVersion: job.schemaVersion } : {}),
      pieceChars: PIECE_CHARS,
      write: compressed.write,
    });
    await compressed.end();
    // Closed before the window hears of it: an upgrade that follows a backup (backupOldDatabase)
    // must not find this connection still open.
    db.close();
    post({ kind: 'done', counts });
  } catch (error) {
    post({ kind: 'failed', message: error instanceof Error ? `${error.name}: ${error.message}` : String(error) });
  } finally {
    db?.close();
  }
}

/**
 * Where the JSON is encoded and compressed: a worker of its own where one can start, so this one
 * reads on meanwhile (gzipInWorker.ts); else here.
 */
function compressor(
  handOver: (bytes: Uint8Array) => Promise<void>,
  pieceBytes: number,
  startGzipWorker: () => GzipWorkerLike | null,
): Pick<GzipWriter, 'write' | 'end'> {
  const worker = startGzipWorker();
  if (worker) return gzipThroughWorker(worker, handOver);
  const compressed = gzipPieces(handOver, pieceBytes);
  const encoder = new TextEncoder();
  return {
    write(piece) {
      // encodeInto, not encode: a third less time for Chinese text (4.5 → 3.0 s of a ten-year
      // backup's, probe). A UTF-16 unit never takes more than three bytes.
      const buffer = new Uint8Array(piece.length * 3);
      return compressed.writeBytes(buffer.subarray(0, encoder.encodeInto(piece, buffer).written));
    },
    end: () => compressed.end(),
  };
}

export interface BackupWorkerLike {
  postMessage(message: ToBackupWorker): void;
  onmessage: ((event: { data: FromBackupWorker }) => void) | null;
  onerror: ((event: unknown) => void) | null;
  terminate(): void;
}

/**
 * The worker failed before handing over a byte (it could not load, or not open the database):
 * nothing is written yet, so the window can write the backup itself.
 */
export class BackupWorkerUnavailable extends Error {
  override name = 'BackupWorkerUnavailable';
}

/**
 * The window's side: hands each compressed piece to `writeBytes` in order, one at a time, and
 * tells the worker when it is taken. Resolves with the counts once every piece is taken; the worker is
 * ended either way.
 */
export function backupThroughWorker(
  worker: BackupWorkerLike,
  job: BackupJob,
  writeBytes: (bytes: Uint8Array) => Promise<void>,
): Promise<Record<TableName, number>> {
  return new Promise((resolve, reject) => {
    let taken: Promise<void> = Promise.resolve();
    let anyBytes = false;
    let settled = false;
    const end = () => {
      settled = true;
      worker.onmessage = null;
      worker.onerror = null;
      worker.terminate();
    };
    const fail = (error: unknown) => {
      if (settled) return;
      end();
      reject(error);
    };
    // After its first byte the backup cannot fall back: the user is told in words, the console
    // keeps the worker's own message.
    const failure = (message: string) =>
      anyBytes ? refusal('backupReadFailed', {}, { cause: message }) : new BackupWorkerUnavailable(message);
    worker.onerror = (event) => fail(failure(String((event as { message?: string })?.message ?? 'failed to load')));
    worker.onmessage = ({ data }) => {
      if (settled) return;
      if (data.kind === 'bytes') {
        anyBytes = true;
        taken = taken.then(async () => {
          await writeBytes(data.bytes);
          if (!settled) worker.postMessage({ kind: 'ack' });
        });
        taken.catch(fail);
      } else if (data.kind === 'done') {
        taken.then(() => {
          if (settled) return;
          end();
          resolve(data.counts);
        }, fail);
      } else fail(failure(data.message));
    };
    worker.postMessage({ kind: 'start', job });
  });
}
