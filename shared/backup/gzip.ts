import { Gunzip, Gzip } from 'fflate';
import { crc32 } from '../crc32';

/**
 * Backups are gzip-compressed JSON: text of this kind shrinks several times over, and a
 * district's ten years (hundreds of megabytes of JSON) times the dozens of backups kept would
 * otherwise fill an old laptop's disk — and a full disk is where typed words get lost.
 * fflate: pure JavaScript, streaming, already used for the Word files.
 */

export { isGzip } from './isGzip';

/** Fast enough to add seconds, not tens of seconds, to a ten-year backup; most of the gain of 9. */
const LEVEL = 3;

/** Compresses text handed over in pieces; `write` receives compressed bytes of about `chunkBytes`. */
export function gzipPieces(write: (bytes: Uint8Array) => Promise<void>, chunkBytes = 1 << 20) {
  const encoder = new TextEncoder();
  const gzip = new Gzip({ level: LEVEL });
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  gzip.ondata = (chunk) => {
    pending.push(chunk);
    pendingBytes += chunk.length;
  };
  const flush = async (all: boolean) => {
    if (pendingBytes === 0 || (!all && pendingBytes < chunkBytes)) return;
    const bytes = new Uint8Array(pendingBytes);
    let at = 0;
    for (const chunk of pending) {
      bytes.set(chunk, at);
      at += chunk.length;
    }
    pending = [];
    pendingBytes = 0;
    await write(bytes);
  };
  return {
    async write(text: string): Promise<void> {
      gzip.push(encoder.encode(text));
      await flush(false);
    },
    async end(): Promise<void> {
      gzip.push(new Uint8Array(0), true);
      await flush(true);
    },
  };
}

/**
 * Decompresses a gzip stream pushed in pieces, handing on what each slice of input gives: input
 * goes in 64 KB at a time, so even a crafted "zip bomb" yields bounded chunks (deflate expands at
 * most about a thousandfold), which the reader after it checks and refuses as it goes.
 */
export class GzipDataError extends Error {
  override name = 'GzipDataError';
}

export function gunzipPieces(take: (bytes: Uint8Array) => Promise<void>) {
  const gunzip = new Gunzip();
  let out: Uint8Array[] = [];
  // fflate's streaming inflate does not check gzip's trailer: the CRC-32 and length of what came
  // out are checked here, so damage that still inflates to something is refused too.
  let crc = 0;
  let size = 0;
  let tail: Uint8Array = new Uint8Array(0);
  gunzip.ondata = (chunk) => {
    out.push(chunk);
    crc = crc32(chunk, crc);
    size = (size + chunk.length) >>> 0;
  };
  const drain = async () => {
    const chunks = out;
    out = [];
    for (const chunk of chunks) await take(chunk);
  };
  // Only fflate's own complaints (damaged or cut-off data) become GzipDataError; what `take`
  // throws passes through as it is.
  const push = (bytes: Uint8Array, final: boolean) => {
    try {
      gunzip.push(bytes, final);
    } catch (error) {
      throw new GzipDataError(error instanceof Error ? error.message : String(error));
    }
  };
  return {
    async push(bytes: Uint8Array): Promise<void> {
      tail = lastBytes(tail, bytes, 8);
      for (let at = 0; at < bytes.length; at += INPUT_SLICE) {
        push(bytes.subarray(at, at + INPUT_SLICE), false);
        await drain();
      }
    },
    async end(): Promise<void> {
      push(new Uint8Array(0), true);
      await drain();
      const view = new DataView(tail.buffer, tail.byteOffset, tail.byteLength);
      if (tail.length < 8 || view.getUint32(0, true) !== crc || view.getUint32(4, true) !== size)
        throw new GzipDataError('gzip checksum or length does not match');
    },
  };
}

const INPUT_SLICE = 1 << 16;

/** The last `n` bytes of `previous` followed by `next`. */
function lastBytes(previous: Uint8Array, next: Uint8Array, n: number): Uint8Array {
  if (next.length >= n) return next.slice(next.length - n);
  const joined = new Uint8Array(Math.min(n, previous.length + next.length));
  const fromPrevious = joined.length - next.length;
  joined.set(previous.subarray(previous.length - fromPrevious), 0);
  joined.set(next, fromPrevious);
  return joined;
}
