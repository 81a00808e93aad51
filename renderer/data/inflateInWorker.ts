import { GzipDataError, gunzipPieces } from '../../shared/backup/gzip';
import { isGzip } from '../../shared/backup/isGzip';
import type { ReadNextPiece } from '../../shared/backup/restoreStream';
import { concatBytes } from '../../shared/bytes';
import { ackWindow } from './ackWindow';
import { oneStepAtATime } from './workerSteps';

/**
 * A restore's decompression in a worker (issue 14). The restore reads, checks and writes inside
 * one IndexedDB transaction in the window, where only fflate can inflate (the platform's stream
 * resolves its steps outside the transaction's zone, see replaceFromBackup): 2.7 s of the
 * window's 23 s when restoring ten years over the same data (CDP profile, session 37). Here a
 * worker inflates with the platform's own gzip, on the other core, and the window takes the text
 * as if the file were plain JSON.
 */

export type ToInflateWorker =
  /** The next compressed bytes of the file. */
  | { kind: 'bytes'; bytes: Uint8Array }
  | { kind: 'end' }
  /** An inflated piece handed over was taken: room for another. */
  | { kind: 'ack' };
export type FromInflateWorker =
  /** The next inflated bytes, and how many of the file's bytes had gone in by then. */
  | { kind: 'bytes'; bytes: Uint8Array; read: number }
  /** Compressed bytes handed over are in the decompression: room for more. */
  | { kind: 'taken' }
  | { kind: 'ended' }
  /** The compressed data is damaged (the file's problem). */
  | { kind: 'damaged'; message: string }
  /** Anything else went wrong in the worker. */
  | { kind: 'failed'; message: string };

export interface InflateWorkerLike {
  postMessage(message: ToInflateWorker, transfer?: Transferable[]): void;
  onmessage: ((event: { data: FromInflateWorker }) => void) | null;
  onerror: ((event: unknown) => void) | null;
  terminate(): void;
}

/** Pieces of the file handed over and not yet in the decompression. */
export const COMPRESSED_IN_FLIGHT = 4;
/** Inflated pieces (a quarter-megabyte or more each) handed over and not yet taken. */
export const INFLATED_IN_FLIGHT = 8;
/** Compressed bytes put in at a time, so `read` follows the output closely. */
const INPUT_SLICE = 1 << 16;

/** The worker did not load, or failed for a reason other than the file's data. */
export class InflateWorkerUnavailable extends Error {
  override name = 'InflateWorkerUnavailable';
}

/** The worker's side: inflates what comes, hands the output on in order, a few pieces ahead. */
export function serveInflate(
  post: (message: FromInflateWorker, transfer?: Transferable[]) => void,
): (message: ToInflateWorker) => void {
  const room = ackWindow(INFLATED_IN_FLIGHT);
  let read = 0;
  // Each piece is a fresh array (gzip.ts gathers the stream's chunks into one): safe to move.
  const gunzip = gunzipPieces(async (bytes) => {
    post({ kind: 'bytes', bytes, read }, [bytes.buffer as ArrayBuffer]);
    await room.sent();
  });
  const step = oneStepAtATime((error) => {
    const message = error instanceof Error ? error.message : String(error);
    post(error instanceof GzipDataError ? { kind: 'damaged', message } : { kind: 'failed', message });
  });
  return (message) => {
    if (message.kind === 'ack') room.acked();
    else if (message.kind === 'bytes')
      step(async () => {
        const { bytes } = message;
        for (let at = 0; at < bytes.length; at += INPUT_SLICE) {
          const slice = bytes.subarray(at, at + INPUT_SLICE);
          await gunzip.push(slice);
          read += slice.length;
        }
        post({ kind: 'taken' });
      });
    else
      step(async () => {
        await gunzip.end();
        post({ kind: 'ended' });
      });
  };
}

export interface InflatedPieces {
  /** The file's text in order: inflated by the worker, or the file's own bytes when it is not gzip. */
  next: ReadNextPiece;
  /** Ends the worker; called by `next` after the last piece, by the caller when it stops early. */
  stop(): void;
}

/**
 * The window's side. A gzip file's pieces go to `worker` as `next` asks for text; `progress`
 * hears how much of the file is read (its compressed bytes) as the text is taken. Damaged data
 * rejects `next` with GzipDataError, a failed read with its own error, and a failure of the
 * worker with InflateWorkerUnavailable.
 */
export function inflatedThroughWorker(
  worker: InflateWorkerLike,
  source: ReadNextPiece,
  progress?: (bytesRead: number) => void,
): InflatedPieces {
  const room = ackWindow(COMPRESSED_IN_FLIGHT);
  const inflated: Array<{ bytes: Uint8Array; read: number }> = [];
  let ended = false;
  let stopped = false;
  let failure: unknown = null;
  let wake: (() => void) | null = null;
  const woken = () => {
    const resume = wake;
    wake = null;
    resume?.();
  };
  const stop = () => {
    if (stopped) return;
    stopped = true;
    worker.onmessage = null;
    worker.onerror = null;
    worker.terminate();
    // The reading may be waiting for room that will never come.
    for (let i = 0; i < COMPRESSED_IN_FLIGHT; i++) room.acked();
    woken();
  };
  const fail = (error: unknown) => {
    failure ??= error;
    stop();
  };
  worker.onerror = (event) =>
    fail(new InflateWorkerUnavailable(String((event as { message?: string })?.message ?? 'failed to load')));
  worker.onmessage = ({ data }) => {
    if (data.kind === 'taken') room.acked();
    else if (data.kind === 'bytes') inflated.push(data);
    else if (data.kind === 'ended') ended = true;
    else if (data.kind === 'damaged') fail(new GzipDataError(data.message));
    else fail(new InflateWorkerUnavailable(data.message));
    woken();
  };

  let read = 0;
  const readPiece = async () => {
    const piece = await source();
    if (piece) read += piece.byteLength;
    return piece;
  };
  const handOver = async (first: Uint8Array) => {
    for (let piece: Uint8Array | null = first; piece && !stopped; piece = await readPiece()) {
      // Copied, not moved: a piece may be a view on the caller's own bytes (a file in memory).
      worker.postMessage({ kind: 'bytes', bytes: piece });
      await room.sent();
    }
    if (!stopped) worker.postMessage({ kind: 'end' });
  };

  /** The first bytes, to tell gzip from plain JSON; then the rest as the file is. */
  let plain: ReadNextPiece | null = null;
  let started = false;
  const start = async (): Promise<Uint8Array | null> => {
    started = true;
    let head: Uint8Array = new Uint8Array(0);
    for (let piece = await readPiece(); piece; piece = await readPiece()) {
      head = head.length === 0 ? piece : concatBytes([head, piece]);
      if (head.length >= 2) break;
    }
    if (!isGzip(head)) {
      stop();
      let first: Uint8Array | null = head.length > 0 ? head : null;
      plain = async () => {
        const piece = first ?? (await readPiece());
        first = null;
        if (piece) progress?.(read);
        return piece;
      };
      return plain();
    }
    handOver(head).catch(fail);
    return inflatedPiece();
  };
  const inflatedPiece = async (): Promise<Uint8Array | null> => {
    for (;;) {
      const piece = inflated.shift();
      if (piece) {
        if (!stopped) worker.postMessage({ kind: 'ack' });
        progress?.(piece.read);
        return piece.bytes;
      }
      if (failure) throw failure;
      if (ended || stopped) {
        stop();
        if (ended) progress?.(read);
        return null;
      }
      await new Promise<void>((resolve) => (wake = resolve));
    }
  };
  return {
    next: () => (plain ? plain() : started ? inflatedPiece() : start()),
    stop,
  };
}
