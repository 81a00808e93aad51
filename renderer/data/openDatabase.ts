import { DB_NAME } from '../../shared/store/dbName';
import { SCHEMA_VERSION } from '../../shared/store/tables';
import { decideOpen } from '../../shared/store/migrations';
import { createDb, type DbOptions, type YishiDb } from './db';

/** Dexie stores version n as IndexedDB version n × 10. */
const DEXIE_VERSION_FACTOR = 10;

/**
 * The schema version of the database on disk, 0 when none exists. Opening without a version
 * never upgrades; when nothing existed the creation is aborted so nothing is left behind.
 */
export function probeStoredVersion(name: string, factory: IDBFactory): Promise<number> {
  return new Promise((resolve, reject) => {
    let created = false;
    const request = factory.open(name);
    request.onupgradeneeded = () => {
      created = true;
      request.transaction?.abort();
    };
    request.onsuccess = () => {
      const version = request.result.version;
      request.result.close();
      // Floored: Dexie adds 1 to the native version when it repairs a schema that gained a store
      // without a new version number (native 111 is still schema 11); read as 11.1 it was
      // refused as a newer app's data, and the window stayed on that message.
      // (A version under 1, from before the first shipped schema, stays as it is: older than any.)
      const schema = version / DEXIE_VERSION_FACTOR;
      resolve(schema >= 1 ? Math.floor(schema) : schema);
    };
    request.onerror = (event) => {
      if (created) {
        event.preventDefault();
        resolve(0);
      } else reject(request.error ?? new Error('IndexedDB open failed'));
    };
  });
}

export class FutureDatabaseError extends Error {
  constructor(readonly foundVersion: number) {
    super(`database schema ${foundVersion} is newer than this app (${SCHEMA_VERSION})`);
  }
}

export interface OpenEffects {
  /** Called first when an upgrade is due (before the backup), to tell the user what is going on. */
  upgradeStarting?(fromVersion: number): Promise<void> | void;
  /** Called with the old database before an upgrade touches it, to keep a backup. */
  backupBeforeUpgrade(fromVersion: number): Promise<void>;
}

/** Performance marks of the start-up (bench/browser/upgrade.ts splits the upgrade by them). */
const mark = (name: string) => globalThis.performance?.mark?.(`yishi:${name}`);

/** Opens the app database: refuses a newer one, backs up an older one before upgrading. */
export async function openAppDatabase(
  effects: OpenEffects,
  name = DB_NAME,
  options: DbOptions & { indexedDB: IDBFactory } = { indexedDB: globalThis.indexedDB },
): Promise<YishiDb> {
  const found = await probeStoredVersion(name, options.indexedDB);
  const decision = decideOpen(found);
  if (decision.action === 'refuse') throw new FutureDatabaseError(decision.found);
  if (decision.action === 'upgrade') {
    await effects.upgradeStarting?.(decision.from);
    mark('upgrade-backup-start');
    await effects.backupBeforeUpgrade(decision.from);
    mark('upgrade-backup-end');
  }
  const db = createDb(name, options, decision.action === 'upgrade' ? decision.from : undefined);
  await db.open();
  mark('database-open');
  return db;
}
