import Dexie from 'dexie';
import { isSetUp, settingsFromStored, settingsSchema, type Settings } from '../../shared/settings';
import type { YishiDb } from './db';

/**
 * The settings row, read field by field (a damaged field alone falls back to its default), and
 * guarded: a row without a valid setUpAt over a database that holds meetings or people is still
 * set up — the first setup screen must never be shown over someone's archive.
 */
export async function loadSettings(db: YishiDb): Promise<Settings> {
  const { settings, replaced } = settingsFromStored(await db.settings.get('app'));
  if (replaced.length) console.warn('settings fields replaced by their defaults', replaced);
  if (isSetUp(settings)) return settings;
  // An unreadable setUpAt is no setUpAt: the screens test it for truth.
  const { setUpAt: _invalid, ...rest } = settings;
  if (!mayLookAtRecords()) return rest;
  const recovered = await recoveredSetUpAt(db, new Date());
  return recovered ? { ...rest, setUpAt: recovered } : rest;
}

/**
 * Whether the guard may read meetings and people here: not inside a transaction of a repository
 * that did not take those tables (setup, points), which only reads settings to write them back.
 */
function mayLookAtRecords(): boolean {
  const tx = Dexie.currentTransaction;
  return !tx || (tx.storeNames.includes('meetings') && tx.storeNames.includes('people'));
}

/**
 * When this database was plausibly set up, if it holds meetings or people: the earliest meeting
 * or person (by index, never a whole table), or now if that lies ahead; undefined if it is empty.
 */
async function recoveredSetUpAt(db: YishiDb, now: Date): Promise<string | undefined> {
  const [meeting, person] = await Promise.all([
    db.meetings.orderBy('startAt').first(),
    db.people.orderBy('updatedAt').first(),
  ]);
  if (!meeting && !person) {
    // Rows without a usable startAt / updatedAt are outside those indexes: look at the keys too.
    const [anyMeeting, anyPerson] = await Promise.all([
      db.meetings.limit(1).primaryKeys(),
      db.people.limit(1).primaryKeys(),
    ]);
    if (!anyMeeting.length && !anyPerson.length) return undefined;
  }
  const times = [meeting?.startAt, person?.updatedAt]
    .map((s) => (typeof s === 'string' ? Date.parse(s) : NaN))
    .filter((t) => !Number.isNaN(t));
  return new Date(Math.min(now.getTime(), ...times)).toISOString();
}

/**
 * Writes what loadSettings only assumed: a setUpAt recovered over existing data, with the moment
 * of the recovery so the app tells the user once (renderer/app/SetUpRecoveredNotice.tsx). Run at
 * start; true when it recovered.
 */
export async function recoverSetUp(db: YishiDb, now = new Date()): Promise<boolean> {
  return db.transaction('rw', [db.settings, db.meetings, db.people], async () => {
    const row = await db.settings.get('app');
    if (isSetUp(settingsFromStored(row).settings)) return false;
    const setUpAt = await recoveredSetUpAt(db, now);
    if (!setUpAt) return false;
    await writeSettings(db, row, { setUpAt, setUpRecoveredAt: now.toISOString() });
    return true;
  });
}

/** Stores settings whole (setup, demo); fields of a newer version stored beside them are kept. */
export async function saveSettings(db: YishiDb, settings: Settings): Promise<void> {
  await db.transaction('rw', db.settings, async () => {
    const { unknown } = settingsFromStored(await db.settings.get('app'));
    await db.settings.put({ ...unknown, ...settingsSchema.parse(settings), key: 'app' });
  });
}

/**
 * Changes some settings: read, merge and write in one transaction, so two changes made together
 * (two switches flipped fast, the daily backup's stamp beside the user's change) both land. A
 * field set to undefined is removed. Refuses (writing nothing) a patch that fails the schema.
 */
export async function updateSettings(db: YishiDb, patch: Partial<Settings>): Promise<Settings> {
  return db.transaction('rw', db.settings, async () => writeSettings(db, await db.settings.get('app'), patch));
}

async function writeSettings(db: YishiDb, row: unknown, patch: Partial<Settings>): Promise<Settings> {
  const { settings, unknown } = settingsFromStored(row);
  const merged: Record<string, unknown> = { ...settings, ...patch };
  for (const [k, v] of Object.entries(merged)) if (v === undefined) delete merged[k];
  const next = settingsSchema.parse(merged);
  await db.settings.put({ ...unknown, ...next, key: 'app' });
  return next;
}
