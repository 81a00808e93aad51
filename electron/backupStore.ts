import * as fsp from 'node:fs/promises';
import path from 'node:path';
import {
  backupIdSchema,
  storedBackupSummarySchema,
  type BackupEntry,
  type BackupReason,
  type StoredBackupSummary,
} from '../shared/bridge';
import { backupId, backupsToPrune, parseBackupId } from '../shared/backup/rotation';
import { isAtomicTempFile, openAtomicFile, writeFileAtomic, type AtomicWriteFs } from './atomicWrite';
import { readFileRange } from './fileRange';

/** A backup being written in pieces: nothing shows in the list until `finish`. */
export interface BackupWriter {
  append(bytes: Uint8Array): Promise<void>;
  /** `summary`: what the writer counted, kept beside the backup for the restore question. */
  finish(summary?: StoredBackupSummary): Promise<BackupEntry>;
  abort(): Promise<void>;
}

export interface BackupStore {
  readonly dir: string;
  /** `spare`: a backup the pruning after this one leaves alone (it is being restored). */
  beginBackup(reason: BackupReason, now: Date, spare?: string): Promise<BackupWriter>;
  writeBackup(reason: BackupReason, content: string, now: Date): Promise<BackupEntry>;
  /** Our backup files only, newest first. */
  listBackups(): Promise<BackupEntry[]>;
  /** The index-th piece of BACKUP_READ_PIECE_BYTES of a backup, or null past its end. */
  readBackupPiece(id: string, index: number): Promise<Uint8Array | null>;
  /** Copies a backup to a file the user chose, whole or not at all. */
  copyBackupTo(id: string, destination: string): Promise<void>;
}

/** A backup is read back in pieces of this size: a ten-year archive never crosses IPC whole. */
export const BACKUP_READ_PIECE_BYTES = 4 * 1024 * 1024;

export interface BackupStoreOptions {
  /** Replaces the file operations of the atomic write (tests simulate a failing disk). */
  atomicFs?: AtomicWriteFs;
}

/** Backups hold residents' names and phone numbers: readable by the user only. */
const BACKUP_FILE_MODE = 0o600;
/** Two backups in the same millisecond get the next free millisecond instead of overwriting. */
const MAX_ID_COLLISIONS = 1000;

function errorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : undefined;
}

async function readdirOrEmpty(dir: string): Promise<string[]> {
  try {
    return await fsp.readdir(dir);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return [];
    throw error;
  }
}

/** The file beside a backup holding its writer's summary (counts, time, versions). */
const SUMMARY_SUFFIX = '.summary.json';
/** A summary is a few hundred bytes; anything much larger is not one of ours. */
const MAX_SUMMARY_BYTES = 64 * 1024;

function summaryPath(dir: string, id: string): string {
  return path.join(dir, `${id}${SUMMARY_SUFFIX}`);
}

/** The backup a summary file (or a summary's temp file) belongs to, if its name is one. */
function backupOfSummary(name: string): string | null {
  if (!name.endsWith(SUMMARY_SUFFIX)) return null;
  const id = name.slice(0, -SUMMARY_SUFFIX.length);
  return parseBackupId(id) ? id : null;
}

/**
 * A backup's summary, or none when it is missing, not a plain file, too large or malformed: the
 * restore then checks the whole file before asking, as for backups from before summaries.
 */
async function summaryFor(dir: string, id: string): Promise<StoredBackupSummary | undefined> {
  try {
    const file = summaryPath(dir, id);
    const stats = await fsp.lstat(file);
    if (!stats.isFile() || stats.size > MAX_SUMMARY_BYTES) return undefined;
    const parsed = storedBackupSummarySchema.safeParse(JSON.parse(await fsp.readFile(file, 'utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** lstat, so a planted symlink never makes a "backup" out of a file elsewhere on disk. */
async function entryFor(dir: string, name: string): Promise<BackupEntry | null> {
  const parsed = parseBackupId(name);
  if (!parsed) return null;
  try {
    const stats = await fsp.lstat(path.join(dir, name));
    if (!stats.isFile()) return null;
    const summary = await summaryFor(dir, name);
    return { id: name, ...parsed, sizeBytes: stats.size, ...(summary ? { summary } : {}) };
  } catch {
    return null;
  }
}

async function unlinkIfThere(file: string): Promise<void> {
  await fsp.unlink(file).catch((error: unknown) => {
    if (errorCode(error) !== 'ENOENT') throw error;
  });
}

function newestFirst(a: BackupEntry, b: BackupEntry): number {
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? 1 : -1;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

function freeId(reason: BackupReason, now: Date, taken: ReadonlySet<string>): string {
  for (let offset = 0; offset < MAX_ID_COLLISIONS; offset++) {
    const id = backupId(reason, new Date(now.getTime() + offset));
    if (!taken.has(id)) return id;
  }
  throw new Error('同一时刻的备份过多，请稍后再试');
}

export function createBackupStore(dir: string, options: BackupStoreOptions = {}): BackupStore {
  // Writes are queued so that one write's pruning never races another write.
  let queue: Promise<unknown> = Promise.resolve();
  // Names of backups still being written: their files do not exist yet, and must not be reused.
  const writing = new Set<string>();

  async function listBackups(): Promise<BackupEntry[]> {
    const names = await readdirOrEmpty(dir);
    const entries = await Promise.all(names.map((name) => entryFor(dir, name)));
    return entries.filter((e): e is BackupEntry => e !== null).sort(newestFirst);
  }

  /**
   * Keeps the newest of each kind. The backup just written is always kept (a clock set back
   * would make it look old): then the oldest other of its kind goes instead, so the count holds.
   * A spared backup (being restored) stays too; the next backup of its kind prunes it.
   */
  async function prune(keepId: string, spare?: string): Promise<void> {
    const all = await listBackups();
    const doomed = new Set(backupsToPrune(all));
    if (doomed.delete(keepId)) {
      const reason = parseBackupId(keepId)?.reason;
      const oldestKept = all.filter((e) => e.reason === reason && e.id !== keepId && !doomed.has(e.id)).at(-1);
      if (oldestKept) doomed.add(oldestKept.id);
    }
    if (spare) doomed.delete(spare);
    for (const id of doomed) {
      await unlinkIfThere(path.join(dir, id));
      await unlinkIfThere(summaryPath(dir, id));
    }
  }

  /**
   * Temp files of backups cut short by a crash or a quit (hundreds of megabytes of residents'
   * data each, never listed), and summaries whose backup is gone (a crash between the two
   * commits): removed unless this process is still writing them.
   */
  async function removeLeftovers(): Promise<void> {
    const names = await readdirOrEmpty(dir);
    const present = new Set(names);
    for (const name of names) {
      if (isAtomicTempFile(name)) {
        const target = name.slice(1).replace(/\.[0-9a-f]{12}\.tmp$/, '');
        const id = backupOfSummary(target) ?? target;
        if (writing.has(id) || !parseBackupId(id)) continue;
        await fsp.unlink(path.join(dir, name)).catch(() => undefined);
        continue;
      }
      const owner = backupOfSummary(name);
      if (owner && !present.has(owner) && !writing.has(owner))
        await fsp.unlink(path.join(dir, name)).catch(() => undefined);
    }
  }

  async function begin(reason: BackupReason, now: Date, spare?: string): Promise<BackupWriter> {
    await fsp.mkdir(dir, { recursive: true });
    await removeLeftovers();
    const id = freeId(reason, now, new Set([...(await readdirOrEmpty(dir)), ...writing]));
    writing.add(id);
    let file;
    try {
      file = await openAtomicFile(path.join(dir, id), { mode: BACKUP_FILE_MODE, fs: options.atomicFs });
    } catch (error) {
      writing.delete(id);
      throw error;
    }
    const opened = file;
    return {
      append: (bytes) => opened.write(bytes),
      abort: () => opened.abort().finally(() => writing.delete(id)),
      finish: (summary) => {
        // Committing and pruning take their turn with other backups' (see `queue`).
        const result = queue.then(async () => {
          try {
            // The summary first: a crash between the two leaves a summary without its backup
            // (removed as a leftover), never a listed backup with another's summary.
            if (summary)
              await writeFileAtomic(summaryPath(dir, id), JSON.stringify(summary), {
                mode: BACKUP_FILE_MODE,
                fs: options.atomicFs,
              });
            await opened.commit();
          } catch (error) {
            // Neither file stays: a failed commit has removed its temp file already.
            await opened.abort();
            await unlinkIfThere(summaryPath(dir, id)).catch(() => undefined);
            throw error;
          } finally {
            writing.delete(id);
          }
          await prune(id, spare);
          const parsed = parseBackupId(id);
          if (!parsed) throw new Error(`backupId produced an id its own parser rejects: ${id}`);
          return { id, ...parsed, sizeBytes: opened.bytesWritten, ...(summary ? { summary } : {}) };
        });
        queue = result.catch(() => undefined);
        return result;
      },
    };
  }

  async function writeBackup(reason: BackupReason, content: string, now: Date): Promise<BackupEntry> {
    const writer = await begin(reason, now);
    try {
      await writer.append(new TextEncoder().encode(content));
    } catch (error) {
      await writer.abort();
      throw error;
    }
    return writer.finish();
  }

  async function backupPath(id: string): Promise<string> {
    if (!backupIdSchema.safeParse(id).success) throw new Error('备份文件名不正确');
    const entry = await entryFor(dir, id);
    if (!entry) throw new Error(`找不到这个备份：${id}`);
    return path.join(dir, id);
  }

  async function readBackupPiece(id: string, index: number): Promise<Uint8Array | null> {
    const piece = await readFileRange(await backupPath(id), index * BACKUP_READ_PIECE_BYTES, BACKUP_READ_PIECE_BYTES);
    return piece.byteLength === 0 ? null : piece;
  }

  async function copyBackupTo(id: string, destination: string): Promise<void> {
    await backupPath(id);
    const target = await openAtomicFile(destination, { fs: options.atomicFs });
    try {
      for (let index = 0; ; index++) {
        const piece = await readBackupPiece(id, index);
        if (!piece) break;
        await target.write(piece);
      }
    } catch (error) {
      await target.abort();
      throw error;
    }
    await target.commit();
  }

  return { dir, beginBackup: begin, writeBackup, listBackups, readBackupPiece, copyBackupTo };
}
