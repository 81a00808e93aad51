import * as fsp from 'node:fs/promises';
import path from 'node:path';
import { backupIdSchema, type BackupEntry, type BackupReason } from '../shared/bridge';
import { backupId, backupsToPrune, parseBackupId } from '../shared/backup/rotation';
import { writeFileAtomic, type AtomicWriteFs } from './atomicWrite';

export interface BackupStore {
  readonly dir: string;
  writeBackup(reason: BackupReason, content: string, now: Date): Promise<BackupEntry>;
  /** Our backup files only, newest first. */
  listBackups(): Promise<BackupEntry[]>;
  readBackup(id: string): Promise<string>;
}

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

/** lstat, so a planted symlink never makes a "backup" out of a file elsewhere on disk. */
async function entryFor(dir: string, name: string): Promise<BackupEntry | null> {
  const parsed = parseBackupId(name);
  if (!parsed) return null;
  try {
    const stats = await fsp.lstat(path.join(dir, name));
    return stats.isFile() ? { id: name, ...parsed, sizeBytes: stats.size } : null;
  } catch {
    return null;
  }
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

  async function listBackups(): Promise<BackupEntry[]> {
    const names = await readdirOrEmpty(dir);
    const entries = await Promise.all(names.map((name) => entryFor(dir, name)));
    return entries.filter((e): e is BackupEntry => e !== null).sort(newestFirst);
  }

  async function prune(keepId: string): Promise<void> {
    const doomed = backupsToPrune(await listBackups()).filter((id) => id !== keepId);
    for (const id of doomed) {
      await fsp.unlink(path.join(dir, id)).catch((error: unknown) => {
        if (errorCode(error) !== 'ENOENT') throw error;
      });
    }
  }

  async function write(reason: BackupReason, content: string, now: Date): Promise<BackupEntry> {
    await fsp.mkdir(dir, { recursive: true });
    const id = freeId(reason, now, new Set(await readdirOrEmpty(dir)));
    await writeFileAtomic(path.join(dir, id), content, { mode: BACKUP_FILE_MODE, fs: options.atomicFs });
    await prune(id);
    const parsed = parseBackupId(id);
    if (!parsed) throw new Error(`backupId produced an id its own parser rejects: ${id}`);
    return { id, ...parsed, sizeBytes: Buffer.byteLength(content, 'utf8') };
  }

  function writeBackup(reason: BackupReason, content: string, now: Date): Promise<BackupEntry> {
    const result = queue.then(() => write(reason, content, now));
    queue = result.catch(() => undefined);
    return result;
  }

  async function readBackup(id: string): Promise<string> {
    if (!backupIdSchema.safeParse(id).success) throw new Error('备份文件名不正确');
    const entry = await entryFor(dir, id);
    if (!entry) throw new Error(`找不到这个备份：${id}`);
    return fsp.readFile(path.join(dir, id), 'utf8');
  }

  return { dir, writeBackup, listBackups, readBackup };
}
