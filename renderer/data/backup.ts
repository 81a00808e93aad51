import Dexie from 'dexie';
import type { YishiBridge, BackupEntry, BackupReason } from '../../shared/bridge';
import { BackupRefused, makeBackupDocument, type BackupSummary } from '../../shared/backup/document';
import {
  piecesOf,
  readBackupPieces,
  readingAhead,
  type BackupCheck,
  type ReadBackupOptions,
  type ReadNextPiece,
} from '../../shared/backup/restoreStream';
import { GzipDataError, fflateGunzipPieces, gzipPieces } from '../../shared/backup/gzip';
import { isDailyBackupDue } from '../../shared/backup/rotation';
import { writeBackupPieces } from '../../shared/backup/stream';
import { localDay } from '../../shared/dates';
import { DERIVED_TABLES, SCHEMA_VERSION, TABLE_NAMES, type TableName, type TableRows } from '../../shared/store/schema';
import { sameBackup, storedSummaryOf, summaryToShow } from '../../shared/backup/storedSummary';
import type { DbOptions, YishiDb } from './db';
import { loadSettings } from './settingsStore';
import { appendAudit } from './repos/auditRepo';
import { backedUp, pageReader } from './backupPages';
import { BackupWorkerUnavailable, backupThroughWorker } from './backupInWorker';
import { CheckWorkerUnavailable, checkThroughWorker } from './checkInWorker';
import { startBackupWorker, startCheckWorker, startInflateWorker } from './backupWorkers';
import { InflateWorkerUnavailable, inflatedThroughWorker, type InflateWorkerLike } from './inflateInWorker';
import { clearRestoreMark, markRestoreStarted } from './restoreMark';
import { mergingWriter, type KeepOpen, type RestoreWritten } from './restoreMerge';
import { bindToCurrentZone } from './dexieZone';
import { nextTask } from './nextTask';

export { nextTask };

const DERIVED_TABLE_NAMES = Object.keys(DERIVED_TABLES);

/** Reads every table in one transaction, so the backup is a consistent snapshot. */
export async function snapshotTables(db: Dexie): Promise<TableRows> {
  const names = TABLE_NAMES.filter((t) => db.tables.some((table) => table.name === t));
  return db.transaction('r', names, async () => {
    const tables = {} as Record<string, unknown[]>;
    for (const t of TABLE_NAMES) tables[t] = names.includes(t) ? backedUp(t, await db.table(t).toArray()) : [];
    return tables as TableRows;
  });
}

export async function exportDatabase(db: Dexie, appVersion: string, now = new Date()): Promise<string> {
  return JSON.stringify(makeBackupDocument(await snapshotTables(db), appVersion, now));
}

/** How many rows each table holds, without reading them. */
export async function countTables(db: Dexie): Promise<Record<TableName, number>> {
  const counts = {} as Record<TableName, number>;
  for (const t of TABLE_NAMES) counts[t] = db.tables.some((table) => table.name === t) ? await db.table(t).count() : 0;
  return counts;
}

/**
 * One backup or restore at a time in this window: a restore waits for a running backup (which
 * would otherwise hold half the old data and half the restored), and the hourly daily check
 * never starts a second backup beside the first.
 */
let backupQueue: Promise<unknown> = Promise.resolve();
function oneAtATime<T>(work: () => Promise<T>): Promise<T> {
  const result = backupQueue.then(work);
  backupQueue = result.catch(() => undefined);
  return result;
}

/**
 * Writes a backup of the whole database through the bridge, gzip-compressed, in pieces of about
 * 1 MB: neither the rows nor the JSON of a ten-year archive are ever all in memory, and the
 * window keeps painting. A failure throws the partial backup away.
 */
export async function streamBackup(
  db: Dexie,
  bridge: YishiBridge,
  reason: BackupReason,
  appVersion: string,
  now = new Date(),
  schemaVersion?: number,
  spare?: string,
): Promise<BackupEntry> {
  const token = await bridge.beginBackup({ reason, ...(spare ? { spare } : {}) });
  const append = (bytes: Uint8Array) => bridge.appendBackup({ token, bytes });
  const inThisWindow = async () => {
    const compressed = gzipPieces(append);
    const counts = await writeBackupPieces(pageReader(db), {
      appVersion,
      createdAt: now,
      ...(schemaVersion ? { schemaVersion } : {}),
      write: compressed.write,
      // A quarter-megabyte of text per write: compressing it is a few milliseconds' work between
      // two frames, not tens.
      pieceChars: 1 << 18,
      pause: nextTask,
    });
    await compressed.end();
    return counts;
  };
  let counts: Record<TableName, number>;
  try {
    const worker = startBackupWorker();
    if (!worker) counts = await inThisWindow();
    else {
      const job = {
        dbName: db.name,
        appVersion,
        createdAt: now.toISOString(),
        ...(schemaVersion ? { schemaVersion } : {}),
      };
      // The worker compresses: its pieces go to the bridge as they are. It fails over to the
      // window only before its first piece, so the file never mixes the two.
      counts = await backupThroughWorker(worker, job, append).catch(async (error: unknown) => {
        if (!(error instanceof BackupWorkerUnavailable)) throw error;
        console.warn('backup worker unavailable, backing up in the window', error.message);
        return inThisWindow();
      });
    }
  } catch (error) {
    await bridge.endBackup({ token, commit: false }).catch(() => undefined);
    throw error;
  }
  // Kept with the backup, so a restore can ask its question before reading the whole file.
  const summary = storedSummaryOf({
    appVersion,
    createdAt: now.toISOString(),
    schemaVersion: schemaVersion ?? SCHEMA_VERSION,
    counts,
  });
  const entry = await bridge.endBackup({ token, commit: true, summary });
  if (!entry) throw new Error('the backup was not kept');
  return entry;
}

export function writeBackup(
  db: YishiDb,
  bridge: YishiBridge,
  reason: BackupReason,
  appVersion: string,
): Promise<BackupEntry> {
  return oneAtATime(() => streamBackup(db, bridge, reason, appVersion));
}

/** What a restore reads: opened afresh for each pass (one to check, one to write). */
export interface BackupSource {
  open(): ReadNextPiece;
  sizeBytes: number;
  /** The stored backup it reads, which the safety backup's pruning must leave alone. */
  storedId?: string;
  /**
   * What the backup's writer said it holds (a stored backup's kept summary): the restore
   * question can show it before the check has read the file, which must then find the same.
   */
  kept?: BackupSummary;
}

export function storedBackup(bridge: YishiBridge, entry: BackupEntry): BackupSource {
  const kept = summaryToShow(entry.summary);
  return {
    sizeBytes: entry.sizeBytes,
    storedId: entry.id,
    ...(kept ? { kept } : {}),
    open() {
      let index = 0;
      return () => bridge.readBackupPiece({ id: entry.id, index: index++ });
    },
  };
}

/** A file the user picked, read in pieces where it lies (the USB stick): never all in memory. */
export function pickedFile(bridge: YishiBridge, opened: { token: string; sizeBytes: number }): BackupSource {
  return {
    sizeBytes: opened.sizeBytes,
    open() {
      let index = 0;
      return () => bridge.readFilePiece({ token: opened.token, index: index++ });
    },
  };
}

/** A file's bytes, read in pieces (of `pieceBytes`, 4 MB unless a test cuts them finer). */
export function backupFile(bytes: Uint8Array, pieceBytes?: number): BackupSource {
  return { sizeBytes: bytes.byteLength, open: () => piecesOf(bytes, pieceBytes) };
}

/**
 * Reads the whole backup and checks every row; writes nothing. The rows are checked in a worker
 * while this window reads and inflates the file (checkInWorker.ts); where no worker runs, or it
 * fails, the window checks it alone, from the start.
 */
export async function checkBackup(source: BackupSource, progress?: (bytesRead: number) => void): Promise<BackupCheck> {
  const inThisWindow = () =>
    readBackupPieces(readingAhead(source.open()), { ...(progress ? { progress } : {}), pause: nextTask });
  const worker = startCheckWorker();
  if (!worker) return inThisWindow();
  try {
    return await checkThroughWorker(worker, readingAhead(source.open()), progress);
  } catch (error) {
    if (!(error instanceof CheckWorkerUnavailable)) throw error;
    console.warn('check worker unavailable, checking in the window', error.message);
    return inThisWindow();
  }
}

export type RestoreStage = 'safetyBackup' | 'replacing';

/** A restore's answer: the backup's check, and once done, what it changed. */
export type RestoreOutcome = BackupCheck & { written?: RestoreWritten };

/**
 * Runs `work` while no other backup or restore of this window runs: a restore holds them from
 * its check through the question to the last row, so no backup written meanwhile can prune the
 * stored backup being restored, or the file change under it unnoticed.
 */
export function holdBackups<T>(work: () => Promise<T>): Promise<T> {
  return oneAtATime(work);
}

/**
 * Keeps the current data as a 'preRestore' backup, then replaces every table with the backup's
 * rows. A backup that turns out bad half-way, or different from what was checked (`expected`),
 * writes nothing. Only inside holdBackups.
 */
export async function restoreBackupHeld(
  db: YishiDb,
  bridge: YishiBridge,
  source: BackupSource,
  appVersion: string,
  progress?: (stage: RestoreStage, bytesRead: number) => void,
  expected?: BackupSummary,
): Promise<RestoreOutcome> {
  // Marks for the backup bench (bench/browser/backup.ts), which times the two steps apart.
  const mark = (name: string) => globalThis.performance?.mark?.(`yishi:${name}`);
  progress?.('safetyBackup', 0);
  mark('restore-safety-backup');
  await streamBackup(db, bridge, 'preRestore', appVersion, new Date(), undefined, source.storedId);
  mark('restore-rows');
  // Should the app stop half-way, its next start says what became of the restore (restoreMark.ts).
  await markRestoreStarted(db, expected?.createdAt);
  const outcome = await replaceFromBackup(db, source, (bytes) => progress?.('replacing', bytes), expected).finally(() =>
    clearRestoreMark(db).catch((error: unknown) => console.error('could not clear the restore mark', error)),
  );
  mark('restore-done');
  return outcome;
}

/** restoreBackupHeld in its turn (for callers that ask no question in between). */
export function restoreBackup(
  db: YishiDb,
  bridge: YishiBridge,
  source: BackupSource,
  appVersion: string,
  progress?: (stage: RestoreStage, bytesRead: number) => void,
): Promise<RestoreOutcome> {
  return holdBackups(() => restoreBackupHeld(db, bridge, source, appVersion, progress));
}

/**
 * Makes every table the backup's as its rows are read, all in one transaction: it commits whole
 * or not at all, so a restore cut short (a crash, a bad row) leaves the data as it was. Rows
 * already as the backup has them are left alone (restoreMerge.ts): restoring yesterday's backup
 * writes what changed since, not ten years. The pieces come from outside IndexedDB (the bridge,
 * the inflating worker), so the transaction is kept open while each one comes (Dexie.waitFor).
 */
export async function replaceFromBackup(
  db: YishiDb,
  source: BackupSource,
  progress?: (bytesRead: number) => void,
  expected?: BackupSummary,
  startWorker: () => InflateWorkerLike | null = startInflateWorker,
): Promise<RestoreOutcome> {
  const worker = startWorker();
  if (worker) {
    const pieces = inflatedThroughWorker(worker, source.open(), progress);
    try {
      return await replaceInTransaction(db, pieces.next, expected, { gunzip: alreadyInflated });
    } catch (error) {
      // Nothing was written (the transaction failed whole): the window inflates it itself.
      if (!(error instanceof InflateWorkerUnavailable)) throw error;
      console.warn('inflate worker unavailable, inflating in the window', error.message);
    } finally {
      pieces.stop();
    }
  }
  return replaceInTransaction(db, source.open(), expected, {
    // Not the platform's decompression: its steps resolve on the stream's own promises,
    // outside this transaction's zone, and the rows they hand on would miss the transaction.
    // fflate works within the step.
    gunzip: fflateGunzipPieces,
    ...(progress ? { progress } : {}),
  });
}

/** The worker's output is the text itself: gzip inside it is no backup (the check refuses it too). */
function alreadyInflated(): never {
  throw new GzipDataError('gzip inside gzip');
}

async function replaceInTransaction(
  db: YishiDb,
  next: ReadNextPiece,
  expected: BackupSummary | undefined,
  reading: Pick<ReadBackupOptions, 'gunzip' | 'progress'>,
): Promise<RestoreOutcome> {
  let outcome: RestoreOutcome = { ok: false, problem: { code: 'notJson' } };
  try {
    await db.transaction('rw', [...TABLE_NAMES, ...DERIVED_TABLE_NAMES], async () => {
      // The merge's awaits leave Dexie's zone (dexieZone.ts): everything after it is bound to this transaction.
      const inZone = bindToCurrentZone();
      const keepOpen: KeepOpen = inZone((work) => Dexie.waitFor(work));
      const writer = mergingWriter(Dexie.currentTransaction, keepOpen);
      outcome = await readBackupPieces(() => keepOpen(Dexie.ignoreTransaction(next)), {
        write: writer.write,
        ...reading,
        pause: () => keepOpen(nextTask()),
      });
      if (!outcome.ok) throw new BackupRefused(outcome.problem);
      // Swapped for another valid backup after the check (a sync client, a re-save): not what
      // the user agreed to.
      if (expected && !sameBackup(expected, outcome.summary)) throw new BackupRefused({ code: 'changedSinceCheck' });
      const written = await writer.finish();
      outcome = { ...outcome, written };
      // For the backup bench (bench/browser/backup.ts): how much of the data the restore changed.
      globalThis.performance?.mark?.('yishi:restore-written', { detail: written });
      // The restored log replaces this computer's (whose entries since the backup stay in the
      // safety backup taken before), and the restore itself is its next entry, chained on.
      const { createdAt, appVersion } = outcome.summary;
      await inZone(() =>
        appendAudit(db, {
          action: 'restore',
          summary: `从备份恢复全部数据（备份时间${createdAt}，软件版本${appVersion}）`,
        }),
      )();
    });
  } catch (error) {
    if (error instanceof BackupRefused) return { ok: false, problem: error.problem };
    throw error;
  }
  return outcome;
}

/** At most one automatic backup per calendar day; none before the first setup (nothing to keep). */
export function runDailyBackupIfDue(
  db: YishiDb,
  bridge: YishiBridge,
  appVersion: string,
  now = new Date(),
): Promise<boolean> {
  return oneAtATime(async () => {
    const settings = await loadSettings(db);
    const today = localDay(now);
    if (!settings.setUpAt || !isDailyBackupDue(settings.lastDailyBackupDay, today)) return false;
    await streamBackup(db, bridge, 'daily', appVersion);
    // Only this field: a backup of ten years takes a while, and settings changed meanwhile stay.
    await db.settings.update('app', { lastDailyBackupDay: today });
    return true;
  });
}

/** Backs up a database at an older schema, read without a schema (Dexie's dynamic mode). */
export async function backupOldDatabase(
  name: string,
  bridge: YishiBridge,
  appVersion: string,
  options: DbOptions = {},
): Promise<void> {
  const old = new Dexie(name, options);
  await old.open();
  try {
    // Stamped with the schema its rows are in, so a restore migrates them (shipped schemas are
    // numbered from 1; anything below is a development database and read as 1).
    await streamBackup(old, bridge, 'preUpgrade', appVersion, new Date(), Math.max(1, Math.floor(old.verno)));
  } finally {
    old.close();
  }
}
