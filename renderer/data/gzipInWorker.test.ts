import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { PIECES_IN_FLIGHT } from './ackWindow';
import { seededRandom } from '../../shared/random';
import {
  TEXTS_IN_FLIGHT,
  gzipThroughWorker,
  serveGzip,
  type FromGzipWorker,
  type GzipWorkerLike,
  type ToGzipWorker,
} from './gzipInWorker';

/**
 * The compressing worker run in this process behind the worker's interface: each message
 * crosses a task later, as between threads, and what is in flight either way is counted.
 */
function inProcessGzipWorker(options: { failOnText?: number; pieceBytes?: number } = {}) {
  let textsUntaken = 0;
  let mostTextsUntaken = 0;
  let piecesUnacked = 0;
  let mostPiecesUnacked = 0;
  let texts = 0;
  const worker: GzipWorkerLike & { terminated: boolean } = {
    onmessage: null,
    onerror: null,
    terminated: false,
    postMessage(message: ToGzipWorker) {
      if (message.kind === 'text') {
        mostTextsUntaken = Math.max(mostTextsUntaken, ++textsUntaken);
        if (++texts === options.failOnText) {
          setTimeout(() => worker.onerror?.({ message: 'worker crashed' }));
          return;
        }
      }
      if (message.kind === 'ack') piecesUnacked--;
      setTimeout(() => handle(message));
    },
    terminate() {
      worker.terminated = true;
    },
  };
  const handle = serveGzip((reply: FromGzipWorker) => {
    if (worker.terminated) return;
    if (reply.kind === 'taken') textsUntaken--;
    if (reply.kind === 'bytes') mostPiecesUnacked = Math.max(mostPiecesUnacked, ++piecesUnacked);
    setTimeout(() => worker.onmessage?.({ data: reply }));
  }, options.pieceBytes ?? 2_048);
  return { worker, mostTextsUntaken: () => mostTextsUntaken, mostPiecesUnacked: () => mostPiecesUnacked };
}

/** Text that compresses poorly enough to come out in many pieces. */
function texts(count: number): string[] {
  const random = seededRandom(7);
  return Array.from({ length: count }, (_, i) => {
    let text = `第${i}段：`;
    for (let c = 0; c < 3_000; c++) text += String.fromCharCode(0x4e00 + Math.floor(random() * 2000));
    return text;
  });
}

describe('compressing in a worker of its own', () => {
  it('gives one gzip stream of exactly the texts, in order, with little in flight either way', async () => {
    const { worker, mostTextsUntaken, mostPiecesUnacked } = inProcessGzipWorker();
    const pieces: Uint8Array[] = [];
    const writer = gzipThroughWorker(worker, async (bytes) => {
      // A slow disk: the worker must wait for its pieces to be taken.
      await new Promise((resolve) => setTimeout(resolve, 2));
      pieces.push(bytes);
    });
    const all = texts(40);
    for (const text of all) await writer.write(text);
    await writer.end();
    expect(pieces.length).toBeGreaterThan(PIECES_IN_FLIGHT * 2);
    expect(gunzipSync(Buffer.concat(pieces)).toString('utf8')).toBe(all.join(''));
    expect(mostTextsUntaken()).toBeLessThanOrEqual(TEXTS_IN_FLIGHT);
    expect(mostPiecesUnacked()).toBeLessThanOrEqual(PIECES_IN_FLIGHT);
    expect(worker.terminated).toBe(true);
  });

  it('fails the backup when the worker dies, and ends it', async () => {
    const { worker } = inProcessGzipWorker({ failOnText: 3 });
    const writer = gzipThroughWorker(worker, async () => undefined);
    const written = (async () => {
      for (const text of texts(20)) await writer.write(text);
      await writer.end();
    })();
    await expect(written).rejects.toThrow(/worker crashed/);
    expect(worker.terminated).toBe(true);
  });

  it('fails the backup when a piece cannot be written, and stops the worker', async () => {
    const { worker } = inProcessGzipWorker();
    let pieces = 0;
    const writer = gzipThroughWorker(worker, async () => {
      if (++pieces === 2) throw new Error('disk full');
    });
    const written = (async () => {
      for (const text of texts(40)) await writer.write(text);
      await writer.end();
    })();
    await expect(written).rejects.toThrow('disk full');
    expect(worker.terminated).toBe(true);
  });

  it('passes on what went wrong inside the worker', async () => {
    const worker: GzipWorkerLike & { terminated: boolean } = {
      onmessage: null,
      onerror: null,
      terminated: false,
      postMessage() {
        setTimeout(() => worker.onmessage?.({ data: { kind: 'failed', message: 'TypeError: bad bytes' } }));
      },
      terminate() {
        worker.terminated = true;
      },
    };
    const writer = gzipThroughWorker(worker, async () => undefined);
    await writer.write('x');
    await new Promise((resolve) => setTimeout(resolve, 5));
    await expect(writer.end()).rejects.toThrow('gzip worker: TypeError: bad bytes');
    expect(worker.terminated).toBe(true);
  });
});
