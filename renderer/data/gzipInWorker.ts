import { gzipPieces, type GzipWriter } from '../../shared/backup/gzip';
import { ackWindow } from './ackWindow';
import { oneStepAtATime } from './workerSteps';

/**
 * A backup's compression in a worker of its own (issue 14): in the backup worker, reading the
 * pages, turning them into JSON, encoding and compressing ran one after the other, 18.7 s of a
 * ten-year backup, of which encoding and compressing took 5.8 s (probe, session 35). Here the
 * backup worker hands over the JSON text and reads on while this worker encodes and compresses,
 * on the other core.
 */

export type ToGzipWorker =
  | { kind: 'text'; text: string }
  | { kind: 'end' }
  /** The compressed piece handed over has been taken. */
  | { kind: 'ack' };
export type FromGzipWorker =
  /** A piece of the gzip stream, in order. */
  | { kind: 'bytes'; bytes: Uint8Array }
  /** A text handed over is encoded and in the compressor: room for another. */
  | { kind: 'taken' }
  | { kind: 'ended' }
  | { kind: 'failed'; message: string };

export interface GzipWorkerLike {
  postMessage(message: ToGzipWorker): void;
  onmessage: ((event: { data: FromGzipWorker }) => void) | null;
  onerror: ((event: unknown) => void) | null;
  terminate(): void;
}

/** Texts handed over and not yet in the compressor: beyond this the writer waits. */
export const TEXTS_IN_FLIGHT = 3;

/**
 * The compressing worker's side: encodes each text, compresses the stream and hands its pieces
 * (about `pieceBytes` each) to `post`, waiting while `PIECES_IN_FLIGHT` of them are untaken.
 */
export function serveGzip(post: (message: FromGzipWorker, transfer?: Transferable[]) => void, pieceBytes = 1 << 20) {
  const pieces = ackWindow();
  const encoder = new TextEncoder();
  const compressed = gzipPieces(async (bytes) => {
    // Each piece is a fresh array (gzip.ts gathers the chunks into one): safe to hand over.
    post({ kind: 'bytes', bytes }, [bytes.buffer as ArrayBuffer]);
    await pieces.sent();
  }, pieceBytes);
  const step = oneStepAtATime((error) =>
    post({ kind: 'failed', message: error instanceof Error ? `${error.name}: ${error.message}` : String(error) }),
  );
  return (message: ToGzipWorker): void => {
    if (message.kind === 'ack') pieces.acked();
    else if (message.kind === 'text')
      step(async () => {
        // encodeInto, not encode: a third less time for Chinese text. A UTF-16 unit never takes
        // more than three bytes.
        const buffer = new Uint8Array(message.text.length * 3);
        const written = encoder.encodeInto(message.text, buffer).written;
        post({ kind: 'taken' });
        await compressed.writeBytes(buffer.subarray(0, written));
      });
    else
      step(async () => {
        await compressed.end();
        post({ kind: 'ended' });
      });
  };
}

/**
 * The backup worker's side: a GzipWriter whose work is done by `worker`. Compressed pieces go to
 * `write` in order, one at a time; `end` resolves once the last is written. Any failure of the
 * worker, or of `write`, fails the next call and ends the worker.
 */
export function gzipThroughWorker(worker: GzipWorkerLike, write: (bytes: Uint8Array) => Promise<void>): GzipWriter {
  const room = ackWindow(TEXTS_IN_FLIGHT);
  let written: Promise<void> = Promise.resolve();
  let failure: unknown = null;
  let ended: (() => void) | null = null;
  let failEnd: ((error: unknown) => void) | null = null;
  const fail = (error: unknown) => {
    if (failure) return;
    failure = error;
    worker.onmessage = null;
    worker.onerror = null;
    worker.terminate();
    failEnd?.(error);
    // A writer waiting for room would wait for ever.
    for (let i = 0; i < TEXTS_IN_FLIGHT; i++) room.acked();
  };
  worker.onerror = (event) =>
    fail(new Error(`gzip worker: ${String((event as { message?: string })?.message ?? 'failed to load')}`));
  worker.onmessage = ({ data }) => {
    if (data.kind === 'taken') room.acked();
    else if (data.kind === 'bytes') {
      written = written.then(async () => {
        if (failure) return;
        await write(data.bytes);
        worker.postMessage({ kind: 'ack' });
      });
      written.catch(fail);
    } else if (data.kind === 'ended')
      written.then(() => {
        worker.terminate();
        ended?.();
      }, fail);
    else fail(new Error(`gzip worker: ${data.message}`));
  };
  const check = () => {
    if (failure) throw failure;
  };
  const send = async (text: string) => {
    check();
    worker.postMessage({ kind: 'text', text });
    await room.sent();
    check();
  };
  return {
    write: send,
    writeBytes: () => Promise.reject(new Error('gzipThroughWorker takes text')),
    async end() {
      check();
      await new Promise<void>((resolve, reject) => {
        ended = resolve;
        failEnd = reject;
        worker.postMessage({ kind: 'end' });
      });
    },
  };
}
