import { randomBytes } from 'node:crypto';
import * as fsp from 'node:fs/promises';
import path from 'node:path';

/** The few file operations an atomic write needs; tests replace them to simulate failures. */
export interface AtomicWriteFs {
  open: typeof fsp.open;
  rename: typeof fsp.rename;
  unlink: typeof fsp.unlink;
}

const nodeFs: AtomicWriteFs = { open: fsp.open, rename: fsp.rename, unlink: fsp.unlink };

/** Windows briefly locks a file that a virus scanner or indexer is reading. */
const RENAME_RETRIES = 5;
const RENAME_RETRY_MS = 60;

export function isAtomicTempFile(name: string): boolean {
  return /^\..+\.[0-9a-f]{12}\.tmp$/.test(name);
}

function tempPathFor(filePath: string): string {
  return path.join(path.dirname(filePath), `.${path.basename(filePath)}.${randomBytes(6).toString('hex')}.tmp`);
}

function errorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : undefined;
}

async function renameWithRetry(fs: AtomicWriteFs, from: string, to: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await fs.rename(from, to);
      return;
    } catch (error) {
      const busy = ['EPERM', 'EACCES', 'EBUSY'].includes(errorCode(error) ?? '');
      if (!busy || attempt >= RENAME_RETRIES) throw error;
      await new Promise((resolve) => setTimeout(resolve, RENAME_RETRY_MS * (attempt + 1)));
    }
  }
}

/** After a rename the directory entry itself must reach the disk, or a power cut can undo it. */
async function syncDirectory(fs: AtomicWriteFs, dir: string): Promise<void> {
  try {
    const handle = await fs.open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Windows cannot open a directory for syncing; NTFS journals the rename anyway.
  }
}

export interface AtomicWriteOptions {
  /** Permission bits before the umask; backups use 0o600 because they hold residents' data. */
  mode?: number;
  fs?: AtomicWriteFs;
}

/** A file being written piece by piece, which appears under its name only when committed. */
export interface AtomicFileWriter {
  write(bytes: Uint8Array): Promise<void>;
  /** Flushes the content to disk and renames it over the target. */
  commit(): Promise<void>;
  /** Removes what was written; the target is untouched. */
  abort(): Promise<void>;
  readonly bytesWritten: number;
}

/**
 * Opens a temp file in the target's folder (a rename is atomic only within one file system) for
 * writing in pieces: readers of the target see the old content or the new, never part of it.
 */
export async function openAtomicFile(filePath: string, options: AtomicWriteOptions = {}): Promise<AtomicFileWriter> {
  const fs = options.fs ?? nodeFs;
  const tempPath = tempPathFor(filePath);
  const handle = await fs.open(tempPath, 'wx', options.mode ?? 0o666);
  let open = true;
  let bytesWritten = 0;
  const discard = async () => {
    if (open) {
      open = false;
      await handle.close().catch(() => undefined);
    }
    await fs.unlink(tempPath).catch(() => undefined);
  };
  return {
    get bytesWritten() {
      return bytesWritten;
    },
    async write(bytes) {
      if (!open) throw new Error('the file is already closed');
      await handle.writeFile(bytes);
      bytesWritten += bytes.byteLength;
    },
    async commit() {
      if (!open) throw new Error('the file is already closed');
      try {
        await handle.sync();
        open = false;
        await handle.close();
        await renameWithRetry(fs, tempPath, filePath);
      } catch (error) {
        await discard();
        throw error;
      }
      await syncDirectory(fs, path.dirname(filePath));
    },
    abort: discard,
  };
}

/** Writes a whole file atomically (see openAtomicFile). */
export async function writeFileAtomic(
  filePath: string,
  data: string | Uint8Array,
  options: AtomicWriteOptions = {},
): Promise<void> {
  const writer = await openAtomicFile(filePath, options);
  try {
    await writer.write(typeof data === 'string' ? new TextEncoder().encode(data) : data);
  } catch (error) {
    await writer.abort();
    throw error;
  }
  await writer.commit();
}
