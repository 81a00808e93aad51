import { describe, expect, it } from 'vitest';
import { gzipSync } from 'fflate';
import { GzipDataError } from '../../shared/backup/gzip';
import { concatBytes } from '../../shared/bytes';
import { piecesOf, readBackupPieces, type ReadNextPiece } from '../../shared/backup/restoreStream';
import { seededRandom } from '../../shared/random';
import {
  COMPRESSED_IN_FLIGHT,
  INFLATED_IN_FLIGHT,
  InflateWorkerUnavailable,
  inflatedThroughWorker,
  serveInflate,
  type FromInflateWorker,
  type InflateWorkerLike,
  type ToInflateWorker,
} from './inflateInWorker';

/** Text that compresses, but not to nothing: a few megabytes of JSON-like lines with noise. */
function sampleText(bytes: number): Uint8Array {
  const random = seededRandom(37);
  let text = '';
  while (text.length < bytes)
    text += `{"id":"r${text.length}","n":${Math.floor(random() * 1e9)},"t":"议事${random()}"},`;
  return new TextEncoder().encode(text);
}

/** The worker in this process: each message crosses a task later; what each side left unread is counted. */
function inflateWorkerHere(options: { loadFails?: boolean; failsAfter?: number } = {}) {
  let compressedUnread = 0;
  let inflatedUnread = 0;
  const most = { compressed: 0, inflated: 0 };
  let bytesIn = 0;
  const worker: InflateWorkerLike & { terminated: boolean } = {
    onmessage: null,
    onerror: null,
    terminated: false,
    postMessage(message: ToInflateWorker) {
      if (worker.terminated) throw new Error('posted to a terminated worker');
      if (message.kind === 'bytes') {
        most.compressed = Math.max(most.compressed, ++compressedUnread);
        bytesIn += message.bytes.length;
      }
      if (message.kind === 'ack') inflatedUnread--;
      setTimeout(() => {
        if (options.loadFails) worker.onerror?.({ message: 'SyntaxError' });
        else if (options.failsAfter !== undefined && bytesIn > options.failsAfter)
          worker.onmessage?.({ data: { kind: 'failed', message: 'out of memory' } });
        else handle(message);
      });
    },
    terminate() {
      worker.terminated = true;
    },
  };
  const handle = serveInflate((reply: FromInflateWorker, transfer?: Transferable[]) => {
    if (reply.kind === 'taken') compressedUnread--;
    if (reply.kind === 'bytes') {
      most.inflated = Math.max(most.inflated, ++inflatedUnread);
      // What comes back is moved, never a view on a buffer the worker keeps.
      expect(transfer?.length).toBe(1);
      expect(transfer?.[0]).toBe(reply.bytes.buffer);
      expect(reply.bytes.byteLength).toBe(reply.bytes.buffer.byteLength);
    }
    setTimeout(() => {
      if (!worker.terminated) worker.onmessage?.({ data: reply });
    });
  });
  return { worker, most };
}

/** Byte for byte (toEqual walks a typed array as a generic object: seconds for a few megabytes). */
function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

async function readAll(next: ReadNextPiece): Promise<Uint8Array> {
  const pieces: Uint8Array[] = [];
  for (let piece = await next(); piece; piece = await next()) pieces.push(piece);
  return concatBytes(pieces);
}

describe('inflatedThroughWorker', () => {
  it('gives the text of a gzip file, a few pieces in flight each way, and reads the file to its last byte', async () => {
    const text = sampleText(3_000_000);
    const file = gzipSync(text);
    const { worker, most } = inflateWorkerHere();
    const read: number[] = [];
    const pieces = inflatedThroughWorker(worker, piecesOf(file, 50_000), (bytes) => read.push(bytes));
    expect(sameBytes(await readAll(pieces.next), text)).toBe(true);
    expect(worker.terminated).toBe(true);
    expect(most.compressed).toBeLessThanOrEqual(COMPRESSED_IN_FLIGHT);
    expect(most.inflated).toBeLessThanOrEqual(INFLATED_IN_FLIGHT);
    // Progress is of the file's own bytes, never past them, ending at all of them.
    expect(read.at(-1)).toBe(file.length);
    expect(Math.max(...read)).toBe(file.length);
    expect(read).toEqual([...read].sort((a, b) => a - b));
  });

  it('passes a plain file through as it is, without the worker', async () => {
    const text = sampleText(200_000);
    const { worker } = inflateWorkerHere();
    const read: number[] = [];
    const pieces = inflatedThroughWorker(worker, piecesOf(text, 1), (bytes) => read.push(bytes));
    expect(sameBytes(await readAll(pieces.next), text)).toBe(true);
    expect(worker.terminated).toBe(true);
    expect(read.at(-1)).toBe(text.length);
  });

  it('says damaged data is damaged (GzipDataError), as the window’s own inflating does', async () => {
    const file = gzipSync(sampleText(1_000_000));
    const damaged = file.slice();
    for (let i = 2_000; i < 2_400; i++) damaged[i] = 0xff;
    const { worker } = inflateWorkerHere();
    const pieces = inflatedThroughWorker(worker, piecesOf(damaged, 10_000));
    await expect(readAll(pieces.next)).rejects.toBeInstanceOf(GzipDataError);
    expect(worker.terminated).toBe(true);
    // Read by the restore, that is the answer "not a backup", not a crash.
    const again = inflatedThroughWorker(inflateWorkerHere().worker, piecesOf(damaged, 10_000));
    expect(await readBackupPieces(again.next)).toEqual({ ok: false, problem: { code: 'notJson' } });
  });

  it('says a cut-off file is damaged', async () => {
    const file = gzipSync(sampleText(500_000));
    const { worker } = inflateWorkerHere();
    const pieces = inflatedThroughWorker(worker, piecesOf(file.subarray(0, file.length - 100), 10_000));
    await expect(readAll(pieces.next)).rejects.toBeInstanceOf(GzipDataError);
  });

  it('throws a failed read as it is', async () => {
    const file = gzipSync(sampleText(500_000));
    const inner = piecesOf(file, 10_000);
    let reads = 0;
    const failing: ReadNextPiece = async () => {
      if (++reads === 5) throw new Error('disk gone');
      return inner();
    };
    const { worker } = inflateWorkerHere();
    const pieces = inflatedThroughWorker(worker, failing);
    await expect(readAll(pieces.next)).rejects.toThrow('disk gone');
    expect(worker.terminated).toBe(true);
  });

  it('tells a worker that did not load, or failed on its own, from a problem of the file', async () => {
    const file = gzipSync(sampleText(500_000));
    const notLoaded = inflatedThroughWorker(inflateWorkerHere({ loadFails: true }).worker, piecesOf(file, 10_000));
    await expect(readAll(notLoaded.next)).rejects.toBeInstanceOf(InflateWorkerUnavailable);
    const failing = inflateWorkerHere({ failsAfter: 100_000 }).worker;
    const failed = inflatedThroughWorker(failing, piecesOf(file, 10_000));
    await expect(readAll(failed.next)).rejects.toBeInstanceOf(InflateWorkerUnavailable);
    expect(failing.terminated).toBe(true);
  });

  it('ends the worker when the reader stops early, and reads no further', async () => {
    const file = gzipSync(sampleText(3_000_000));
    const inner = piecesOf(file, 20_000);
    let reads = 0;
    const counted: ReadNextPiece = () => {
      reads++;
      return inner();
    };
    const { worker } = inflateWorkerHere();
    const pieces = inflatedThroughWorker(worker, counted);
    expect((await pieces.next())?.length).toBeGreaterThan(0);
    pieces.stop();
    const readsAtStop = reads;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(worker.terminated).toBe(true);
    expect(reads).toBeLessThanOrEqual(readsAtStop + 1);
    expect(await pieces.next()).toBeNull();
  });
});
