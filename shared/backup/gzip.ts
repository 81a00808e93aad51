import { Gunzip, Gzip } from 'fflate';
import { crc32 } from '../crc32';

/**
 * Backups are gzip-compressed JSON: text of this kind shrinks several times over, and a
 * district's ten years (hundreds of megabytes of JSON) times the dozens of backups kept would
 * otherwise fill an old laptop's disk — and a full disk is where typed words get lost.
 * The platform's own gzip (CompressionStream) where there is one; fflate (pure JavaScript,
 * streaming, already used for the Word files) where there is none.
 */

export { isGzip } from './isGzip';

/** fflate's: fast enough to add seconds, not tens of seconds, to a ten-year backup; most of the gain of 9. */
const LEVEL = 3;

export interface GzipWriter {
  write(text: string): Promise<void>;
  /** Text already encoded as UTF-8 (by a worker that wrote the JSON, see backupWorker.ts). */
  writeBytes(bytes: Uint8Array): Promise<void>;
  end(): Promise<void>;
}

export interface GunzipReader {
  push(bytes: Uint8Array): Promise<void>;
  end(): Promise<void>;
}

/**
 * Compresses text handed over in pieces; `write` receives compressed bytes of about `chunkBytes`.
 * With the platform's own gzip where it has one (Chromium, Electron, Node): native zlib at its
 * default level is twice as fast as fflate at level 3 and a tenth smaller (75 MB of the bench's
 * backup JSON in Node: 534 ms and 5.5 MB against 1,000 ms and 6.2 MB).
 */
export function gzipPieces(write: (bytes: Uint8Array) => Promise<void>, chunkBytes = 1 << 20): GzipWriter {
  return typeof CompressionStream === 'function'
    ? nativeGzipPieces(write, chunkBytes)
    : fflateGzipPieces(write, chunkBytes);
}

/** Gathers compressed chunks and hands them on in pieces of at least `chunkBytes`. */
function chunkGatherer(write: (bytes: Uint8Array) => Promise<void>, chunkBytes: number) {
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  return {
    add(chunk: Uint8Array) {
      pending.push(chunk);
      pendingBytes += chunk.length;
    },
    async flush(all: boolean): Promise<void> {
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
    },
  };
}

export function nativeGzipPieces(write: (bytes: Uint8Array) => Promise<void>, chunkBytes = 1 << 20): GzipWriter {
  const encoder = new TextEncoder();
  const stream = new CompressionStream('gzip');
  const gathered = chunkGatherer(write, chunkBytes);
  const pipe = nativePipe(stream, async (chunk) => {
    gathered.add(chunk);
    await gathered.flush(false);
  });
  return {
    write: (text) => pipe.write(encoder.encode(text)),
    writeBytes: (bytes) => pipe.write(bytes),
    async end(): Promise<void> {
      await pipe.close();
      await gathered.flush(true);
    },
  };
}

/**
 * Input into a native (de)compression stream, its output handed to `take` as it comes, so the
 * stream never holds more than a chunk or two. A failure on either side ends both: when `take`
 * fails the input side is aborted (a write waiting for room would otherwise wait for ever), and
 * its error is what the caller gets; the stream's own errors come as `streamError(error)`.
 */
function nativePipe(
  stream: { writable: WritableStream<Uint8Array<ArrayBuffer>>; readable: ReadableStream<Uint8Array> },
  take: (chunk: Uint8Array) => Promise<void>,
  streamError: (error: unknown) => unknown = (error) => error,
) {
  const writer = stream.writable.getWriter();
  const reader = stream.readable.getReader();
  const drained = (async () => {
    for (;;) {
      let next: Awaited<ReturnType<typeof reader.read>>;
      try {
        next = await reader.read();
      } catch (error) {
        throw streamError(error);
      }
      if (next.done) return;
      await take(next.value);
    }
  })();
  drained.catch((error: unknown) => writer.abort(error).catch(() => undefined));
  /** Waits for the input step, or for the first failure of the output side, whichever is first. */
  const alongside = async (step: Promise<void>) => {
    // A step the abort rejected is already answered by the output side's failure.
    step.catch(() => undefined);
    try {
      await Promise.race([step, drained.then(() => step)]);
    } catch (error) {
      await drained;
      throw streamError(error);
    }
  };
  return {
    // Bytes from the bridge or an encoder: never a view on shared memory.
    write: (bytes: Uint8Array) => alongside(writer.write(bytes as Uint8Array<ArrayBuffer>)),
    async close(): Promise<void> {
      await alongside(writer.close());
      await drained;
    },
  };
}

export function fflateGzipPieces(write: (bytes: Uint8Array) => Promise<void>, chunkBytes = 1 << 20): GzipWriter {
  const encoder = new TextEncoder();
  const gzip = new Gzip({ level: LEVEL });
  const gathered = chunkGatherer(write, chunkBytes);
  gzip.ondata = (chunk) => gathered.add(chunk);
  const writeBytes = async (bytes: Uint8Array): Promise<void> => {
    gzip.push(bytes);
    await gathered.flush(false);
  };
  return {
    write: (text) => writeBytes(encoder.encode(text)),
    writeBytes,
    async end(): Promise<void> {
      gzip.push(new Uint8Array(0), true);
      await gathered.flush(true);
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

/**
 * With the platform's own gzip where it has one: it checks the trailer (CRC-32 and length) and
 * refuses bytes after it, and inflates a ten-year backup several times faster than fflate.
 */
export function gunzipPieces(take: (bytes: Uint8Array) => Promise<void>): GunzipReader {
  return typeof DecompressionStream === 'function' ? nativeGunzipPieces(take) : fflateGunzipPieces(take);
}

/** Decompressed text handed on in pieces of at least this size (the stream gives 16 KB chunks). */
const OUTPUT_PIECE = 1 << 18;

export function nativeGunzipPieces(take: (bytes: Uint8Array) => Promise<void>): GunzipReader {
  const gathered = chunkGatherer(take, OUTPUT_PIECE);
  const pipe = nativePipe(
    new DecompressionStream('gzip'),
    async (chunk) => {
      gathered.add(chunk);
      await gathered.flush(false);
    },
    (error) => (error instanceof GzipDataError ? error : new GzipDataError(String(error))),
  );
  return {
    async push(bytes: Uint8Array): Promise<void> {
      for (let at = 0; at < bytes.length; at += INPUT_SLICE) await pipe.write(bytes.subarray(at, at + INPUT_SLICE));
    },
    async end(): Promise<void> {
      await pipe.close();
      await gathered.flush(true);
    },
  };
}

export function fflateGunzipPieces(take: (bytes: Uint8Array) => Promise<void>): GunzipReader {
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
