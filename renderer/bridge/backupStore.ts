import Dexie, { type Table } from 'dexie';
import type { BackupEntry, BackupReason } from '../../shared/bridge';
import { backupId, backupsToPrune, parseBackupId } from '../../shared/backup/rotation';
import type { DbOptions } from '../data/db';

interface StoredBackup extends BackupEntry {
  content: string;
}

/**
 * In the browser, backups live in a database of their own beside the app's, so wiping or
 * restoring the app's data never touches them.
 */
export class BrowserBackupStore {
  private readonly db: Dexie & { backups: Table<StoredBackup, string> };

  constructor(name = 'yishi-backups', options: DbOptions = {}) {
    this.db = new Dexie(name, { chromeTransactionDurability: 'strict', ...options }) as Dexie & {
      backups: Table<StoredBackup, string>;
    };
    this.db.version(1).stores({ backups: 'id, reason, createdAt' });
  }

  async write(reason: BackupReason, content: string, now = new Date()): Promise<BackupEntry> {
    let at = now;
    // Two backups in the same millisecond would share a name; step forward instead of overwriting.
    while (await this.db.backups.get(backupId(reason, at))) at = new Date(at.getTime() + 1);
    const id = backupId(reason, at);
    const parsed = parseBackupId(id);
    const entry: BackupEntry = { id, reason, createdAt: parsed?.createdAt ?? at.toISOString(), sizeBytes: new Blob([content]).size };
    await this.db.transaction('rw', this.db.backups, async () => {
      await this.db.backups.add({ ...entry, content });
      const all = await this.db.backups.toArray();
      await this.db.backups.bulkDelete(backupsToPrune(all));
    });
    return entry;
  }

  async list(): Promise<BackupEntry[]> {
    const rows = await this.db.backups.orderBy('createdAt').reverse().toArray();
    return rows.map(({ content: _content, ...entry }) => entry);
  }

  async read(id: string): Promise<string> {
    const row = await this.db.backups.get(id);
    if (!row) throw new Error('找不到这个备份');
    return row.content;
  }

  close(): void {
    this.db.close();
  }
}
