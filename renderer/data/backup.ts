import Dexie from 'dexie';
import type { YishiBridge, BackupEntry, BackupReason } from '../../shared/bridge';
import { makeBackupDocument, readBackupDocument, type BackupDocument, type BackupReading } from '../../shared/backup/document';
import { isDailyBackupDue } from '../../shared/backup/rotation';
import { localDay } from '../../shared/dates';
import { TABLE_NAMES, type TableRows } from '../../shared/store/schema';
import type { DbOptions, YishiDb } from './db';
import { loadSettings, saveSettings } from './settingsStore';

/** Reads every table in one transaction, so the backup is a consistent snapshot. */
export async function snapshotTables(db: Dexie): Promise<TableRows> {
  const names = TABLE_NAMES.filter((t) => db.tables.some((table) => table.name === t));
  return db.transaction('r', names, async () => {
    const tables = {} as Record<string, unknown[]>;
    for (const t of TABLE_NAMES) tables[t] = names.includes(t) ? await db.table(t).toArray() : [];
    return tables as TableRows;
  });
}

export async function exportDatabase(db: Dexie, appVersion: string, now = new Date()): Promise<string> {
  return JSON.stringify(makeBackupDocument(await snapshotTables(db), appVersion, now));
}

/**
 * Replaces every table with the backup's rows in one transaction: it commits whole or not at
 * all, so an interrupted restore leaves the data as it was.
 */
export async function replaceDatabase(db: YishiDb, document: BackupDocument): Promise<void> {
  await db.transaction('rw', TABLE_NAMES, async () => {
    for (const t of TABLE_NAMES) {
      const table = db.table(t);
      await table.clear();
      await table.bulkAdd(document.tables[t]);
    }
  });
}

export async function writeBackup(db: YishiDb, bridge: YishiBridge, reason: BackupReason, appVersion: string): Promise<BackupEntry> {
  const content = await exportDatabase(db, appVersion);
  return bridge.writeBackup({ reason, content });
}

/** Validates the text first; a refused backup writes nothing. A safety backup precedes the swap. */
export async function restoreFromText(
  db: YishiDb,
  bridge: YishiBridge,
  text: string,
  appVersion: string,
): Promise<BackupReading> {
  const reading = readBackupDocument(text);
  if (!reading.ok) return reading;
  await restoreDocument(db, bridge, reading.document, appVersion);
  return reading;
}

/** Keeps the current data as a 'preRestore' backup, then swaps in the validated document. */
export async function restoreDocument(db: YishiDb, bridge: YishiBridge, document: BackupDocument, appVersion: string): Promise<void> {
  await writeBackup(db, bridge, 'preRestore', appVersion);
  await replaceDatabase(db, document);
}

/** At most one automatic backup per calendar day; none before the first setup (nothing to keep). */
export async function runDailyBackupIfDue(db: YishiDb, bridge: YishiBridge, appVersion: string, now = new Date()): Promise<boolean> {
  const settings = await loadSettings(db);
  const today = localDay(now);
  if (!settings.setUpAt || !isDailyBackupDue(settings.lastDailyBackupDay, today)) return false;
  await writeBackup(db, bridge, 'daily', appVersion);
  await saveSettings(db, { ...settings, lastDailyBackupDay: today });
  return true;
}

/** Backs up a database at an older schema, read without a schema (Dexie's dynamic mode). */
export async function backupOldDatabase(name: string, bridge: YishiBridge, appVersion: string, options: DbOptions = {}): Promise<void> {
  const old = new Dexie(name, options);
  await old.open();
  try {
    await bridge.writeBackup({ reason: 'preUpgrade', content: await exportDatabase(old, appVersion) });
  } finally {
    old.close();
  }
}
