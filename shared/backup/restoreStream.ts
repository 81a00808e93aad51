import type { TableName } from '../store/schema';
import { BackupChecker, problemOf, type BackupProblem, type BackupSummary } from './document';
import { GzipDataError, gunzipPieces, isGzip, type GunzipReader } from './gzip';
import { BackupJsonReader, type BackupJsonEvent } from './jsonStream';

/**
 * Reads a backup piece by piece, checking every row as it passes: a restore reads it once to
 * check it (nothing written), asks the user, then reads it again and writes the rows into one
 * transaction that any problem aborts. Memory holds one piece and its rows, whatever the size.
 */

/** The next piece of the backup's bytes, or null after the last. */
export type ReadNextPiece = () => Promise<Uint8Array | null>;

/** Text parsed between two pauses: a few tens of milliseconds of work on a slow laptop. */
const TEXT_SLICE_CHARS = 1 << 18;

export type BackupCheck = { ok: true; summary: BackupSummary } | { ok: false; problem: BackupProblem };

export interface ReadBackupOptions {
  /** Receives the checked rows each piece completed, table by table; absent when only checking. */
  write?: (table: TableName, rows: unknown[]) => Promise<void>;
  /** Bytes read so far, after each piece. */
  progress?: (bytesRead: number) => void;
  /** Between pieces, e.g. to let the window paint. */
  pause?: () => Promise<void>;
  /**
   * The decompression: the platform's unless every step must stay on this thread's own promises
   * (a restore writing inside one IndexedDB transaction, see replaceFromBackup).
   */
  gunzip?: (take: (bytes: Uint8Array) => Promise<void>) => GunzipReader;
}

/**
 * Problems of the file are returned; failures of `write` or of reading are thrown. The bytes may
 * be gzip-compressed (backups since compression) or plain JSON (older backups): the first two
 * bytes tell.
 */
export async function readBackupPieces(next: ReadNextPiece, options: ReadBackupOptions = {}): Promise<BackupCheck> {
  const text = backupTextChecker(options);
  try {
    await forEachTextBytes(next, (bytes) => text.take(bytes), options);
    return { ok: true, summary: await text.finish() };
  } catch (error) {
    return checkFailure(error);
  }
}

/**
 * The first half of reading a backup: its text's bytes handed to `take` in order, decompressed
 * when the file is gzip (its first two bytes tell, however thinly the source cuts its pieces).
 * `owned` says the array is a fresh one nobody else holds (the decompression's output).
 * Damaged compressed data throws GzipDataError.
 */
export async function forEachTextBytes(
  next: ReadNextPiece,
  take: (bytes: Uint8Array, owned: boolean) => Promise<void>,
  options: Pick<ReadBackupOptions, 'progress' | 'gunzip'> = {},
): Promise<void> {
  let head: Uint8Array = new Uint8Array(0);
  let gunzip: GunzipReader | null | undefined;
  let bytesRead = 0;
  for (let piece = await next(); piece; piece = await next()) {
    bytesRead += piece.byteLength;
    if (gunzip === undefined) {
      head = concat(head, piece);
      if (head.length < 2) continue;
      gunzip = isGzip(head) ? (options.gunzip ?? gunzipPieces)((bytes) => take(bytes, true)) : null;
      piece = head;
    }
    await (gunzip ? gunzip.push(piece) : take(piece, false));
    options.progress?.(bytesRead);
  }
  if (gunzip === undefined) await take(head, false);
  else if (gunzip) await gunzip.end();
}

/**
 * The second half: decodes the text's bytes, reads the JSON and checks every row (writing the
 * accepted ones when told to). `finish` after the last bytes gives the summary; any problem of
 * the file is thrown (checkFailure turns it into the answer).
 */
export function backupTextChecker(options: Pick<ReadBackupOptions, 'write' | 'pause'> = {}) {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const reader = new BackupJsonReader();
  const checker = new BackupChecker();
  const take = (events: BackupJsonEvent[]) => writeAccepted(checker, events, options.write);
  const takeBytes = async (bytes: Uint8Array, last = false) => {
    const text = decode(decoder, bytes, !last);
    if (text === null) throw new NotText();
    // Several megabytes are parsed a slice at a time, pausing between: the window keeps
    // painting whatever size the source (or the decompression) hands over.
    for (let at = 0; at < text.length; at += TEXT_SLICE_CHARS) {
      await take(reader.push(text.slice(at, at + TEXT_SLICE_CHARS)));
      if (options.pause) await options.pause();
    }
  };
  return {
    take: (bytes: Uint8Array) => takeBytes(bytes),
    async finish(): Promise<BackupSummary> {
      await takeBytes(new Uint8Array(0), true);
      await take(reader.end());
      return checker.finish();
    },
  };
}

/** The answer for what reading a backup threw: a problem of the file, or the error itself thrown on. */
export function checkFailure(error: unknown): BackupCheck {
  if (error instanceof NotText || error instanceof GzipDataError) return { ok: false, problem: { code: 'notJson' } };
  return { ok: false, problem: problemOf(error) };
}

/** The bytes are not UTF-8 text (a backup is always written as UTF-8). */
class NotText extends Error {}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b;
  const joined = new Uint8Array(a.length + b.length);
  joined.set(a);
  joined.set(b, a.length);
  return joined;
}

/** Text of the bytes, or null when they are not UTF-8 (a backup is always written as UTF-8). */
function decode(decoder: InstanceType<typeof TextDecoder>, bytes: Uint8Array, stream: boolean): string | null {
  try {
    return decoder.decode(bytes, { stream });
  } catch {
    return null;
  }
}

async function writeAccepted(
  checker: BackupChecker,
  events: BackupJsonEvent[],
  write: ReadBackupOptions['write'],
): Promise<void> {
  let table: TableName | null = null;
  let rows: unknown[] = [];
  for (const event of events) {
    const accepted = checker.accept(event);
    if (!accepted || !write) continue;
    if (accepted.table !== table) {
      if (table && rows.length > 0) await write(table, rows);
      table = accepted.table;
      rows = [];
    }
    rows.push(accepted.row);
  }
  if (write && table && rows.length > 0) await write(table, rows);
}

/**
 * Asks for the next piece as soon as one arrives, so fetching it (from the bridge: a file, the
 * browser's store) overlaps checking this one. Never two asks at once; at most one piece is
 * fetched that nobody asks for (after the last, or when the reading stops early).
 */
export function readingAhead(next: ReadNextPiece): ReadNextPiece {
  let ahead: Promise<Uint8Array | null> | null = null;
  return async () => {
    const piece = await (ahead ?? next());
    ahead = null;
    if (piece) {
      ahead = next();
      // Its failure is the next ask's to report (or nobody's, when no ask comes).
      ahead.catch(() => undefined);
    }
    return piece;
  };
}

/** Pieces of bytes already in memory (a file the user picked), without copying them. */
export function piecesOf(bytes: Uint8Array, pieceBytes = 4 * 1024 * 1024): ReadNextPiece {
  let at = 0;
  return async () => {
    if (at >= bytes.byteLength) return null;
    const piece = bytes.subarray(at, at + pieceBytes);
    at += piece.byteLength;
    return piece;
  };
}
