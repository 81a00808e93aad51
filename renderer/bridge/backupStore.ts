import Dexie, { type Table } from 'dexie';
import {
  storedBackupSummarySchema,
  type BackupEntry,
  type BackupReason,
  type StoredBackupSummary,
} from '../../shared/bridge';
import { isGzip } from '../../shared/backup/isGzip';
import { backupId, backupsToPrune, parseBackupId } from '../../shared/backup/rotation';
import type { DbOptions } from '../data/db';

/** One piece of a backup's content, in the order written (text only in backups from version 1). */
interface StoredPiece {
  backupId: string;
  index: number;
  bytes?: Uint8Array;
  text?: string;
}

type BackupTables = Dexie & { backups: Table<BackupEntry, string>; pieces: Table<StoredPiece, [string, number]> };

interface OpenBackup {
  id: string;
  reason: BackupReason;
  /** A backup the pruning after this one leaves alone (it is being restored). */
  spare?: string;
  createdAt: string;
  next: number;
  size: number;
}

/**
 * In the browser, backups live in a database of their own beside the app's, so wiping or
 * restoring the app's data never touches them. A backup is stored as its entry (kind, time, size)
 * and its content in pieces as written: listing and pruning read only the entries, and a ten-year
 * backup is never one string in memory while it is written. The entry is added last, so an
 * interrupted backup is never listed; its pieces are cleared before the next one starts.
 */
export class BrowserBackupStore {
  private readonly db: BackupTables;
  private readonly open = new Map<string, OpenBackup>();

  constructor(name = 'yishi-backups', options: DbOptions = {}) {
    this.db = new Dexie(name, { chromeTransactionDurability: 'strict', ...options }) as BackupTables;
    this.db.version(1).stores({ backups: 'id, reason, createdAt' });
    this.db
      .version(2)
      .stores({ backups: 'id, reason, createdAt', pieces: '[backupId+index], backupId' })
      .upgrade(async (tx) => {
        // Version 1 kept the content on the entry: move it, one backup at a time.
        const ids = (await tx.table('backups').toCollection().primaryKeys()) as string[];
        for (const id of ids) {
          const { content, ...entry } = (await tx.table('backups').get(id)) as BackupEntry & { content?: string };
          await tx.table('pieces').put({ backupId: id, index: 0, text: content ?? '' });
          await tx.table('backups').put(entry);
        }
      });
  }

  /** Starts a backup; returns the token for append and end. */
  async begin(reason: BackupReason, now = new Date(), spare?: string): Promise<string> {
    await this.clearInterrupted();
    let at = now;
    const taken = (id: string) => [...this.open.values()].some((o) => o.id === id);
    // Two backups in the same millisecond would share a name; step forward instead of overwriting.
    while (taken(backupId(reason, at)) || (await this.db.backups.get(backupId(reason, at))))
      at = new Date(at.getTime() + 1);
    const id = backupId(reason, at);
    const token = crypto.randomUUID();
    this.open.set(token, {
      id,
      reason,
      createdAt: parseBackupId(id)?.createdAt ?? at.toISOString(),
      next: 0,
      size: 0,
      ...(spare ? { spare } : {}),
    });
    return token;
  }

  async append(token: string, bytes: Uint8Array): Promise<void> {
    const backup = this.openBackup(token);
    const index = backup.next++;
    backup.size += bytes.byteLength;
    await this.db.pieces.add({ backupId: backup.id, index, bytes });
  }

  /**
   * Commits (the entry appears, with the writer's summary of it; old backups are pruned) or
   * discards what was written.
   */
  async end(token: string, commit: boolean, summary?: StoredBackupSummary): Promise<BackupEntry | null> {
    const backup = this.openBackup(token);
    this.open.delete(token);
    if (!commit) {
      await this.db.pieces.where('backupId').equals(backup.id).delete();
      return null;
    }
    const entry: BackupEntry = {
      id: backup.id,
      reason: backup.reason,
      createdAt: backup.createdAt,
      sizeBytes: backup.size,
      ...(summary && storedBackupSummarySchema.safeParse(summary).success ? { summary } : {}),
    };
    await this.db.transaction('rw', this.db.backups, this.db.pieces, async () => {
      // Another tab of the app clears pieces it takes for an interrupted backup's: never list a
      // backup that lost some.
      if ((await this.db.pieces.where('backupId').equals(backup.id).count()) !== backup.next) {
        await this.db.pieces.where('backupId').equals(backup.id).delete();
        throw new Error('备份未能完整写入，请重试');
      }
      await this.db.backups.add(entry);
      const all = await this.db.backups.toArray();
      const doomed = backupsToPrune(all);
      // The backup just written stays even when a clock set back makes it look oldest: the
      // oldest other of its kind goes instead, so the count holds (as in the Electron store).
      const self = doomed.indexOf(backup.id);
      if (self >= 0) {
        doomed.splice(self, 1);
        const oldestKept = all
          .filter((e) => e.reason === backup.reason && e.id !== backup.id && !doomed.includes(e.id))
          .sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0))[0];
        if (oldestKept) doomed.push(oldestKept.id);
      }
      if (backup.spare && doomed.includes(backup.spare)) doomed.splice(doomed.indexOf(backup.spare), 1);
      await this.db.backups.bulkDelete(doomed);
      for (const id of doomed) await this.db.pieces.where('backupId').equals(id).delete();
    });
    return entry;
  }

  /** The whole backup at once (small backups, tests). */
  async write(reason: BackupReason, content: string, now = new Date()): Promise<BackupEntry> {
    const token = await this.begin(reason, now);
    await this.append(token, new TextEncoder().encode(content));
    return (await this.end(token, true)) as BackupEntry;
  }

  async list(): Promise<BackupEntry[]> {
    return this.db.backups.orderBy('createdAt').reverse().toArray();
  }

  /** The index-th piece as written, or null past the last. */
  async readPiece(id: string, index: number): Promise<Uint8Array | null> {
    if (!(await this.db.backups.get(id))) throw new Error('找不到这个备份');
    const piece = await this.db.pieces.get([id, index]);
    if (!piece) return null;
    return piece.bytes ?? new TextEncoder().encode(piece.text ?? '');
  }

  /**
   * The whole content as a file, assembled by the browser from the pieces: each piece joins the
   * blob built so far (which the browser keeps, not this script), so one piece at a time is here.
   */
  async asBlob(id: string): Promise<Blob> {
    let blob = new Blob([], { type: 'application/json' });
    for (let index = 0; ; index++) {
      const piece = await this.readPiece(id, index);
      if (!piece) break;
      blob = new Blob([blob, piece as BlobPart], { type: 'application/json' });
    }
    return blob;
  }

  /** The whole backup as one string, decompressed (small backups, tests). */
  async read(id: string): Promise<string> {
    const pieces: Uint8Array[] = [];
    for (let index = 0; ; index++) {
      const piece = await this.readPiece(id, index);
      if (!piece) break;
      pieces.push(piece);
    }
    const bytes = new Uint8Array(pieces.reduce((n, p) => n + p.length, 0));
    pieces.reduce((at, p) => (bytes.set(p, at), at + p.length), 0);
    if (!isGzip(bytes)) return new TextDecoder().decode(bytes);
    // fflate loads with the first backup read, not with the bridge at start-up.
    const { gunzipSync } = await import('fflate');
    return new TextDecoder().decode(gunzipSync(bytes));
  }

  close(): void {
    this.db.close();
  }

  private openBackup(token: string): OpenBackup {
    const backup = this.open.get(token);
    if (!backup) throw new Error('这次备份已经结束或不存在');
    return backup;
  }

  /** Pieces of backups that were never finished (the window closed while writing). */
  private async clearInterrupted(): Promise<void> {
    const finished = new Set(await this.db.backups.toCollection().primaryKeys());
    const writing = new Set([...this.open.values()].map((o) => o.id));
    const ids = new Set((await this.db.pieces.orderBy('backupId').uniqueKeys()) as string[]);
    for (const id of ids)
      if (!finished.has(id) && !writing.has(id)) await this.db.pieces.where('backupId').equals(id).delete();
  }
}
