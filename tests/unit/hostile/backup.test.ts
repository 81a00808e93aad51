/**
 * Hostile backup files: readBackupDocument, and the app's restore (check, then restore, read in
 * pieces of random size) on random, truncated, edited and structurally mutated backups. A refused
 * restore changes nothing (the export before and after is byte-identical, and no safety backup is
 * written); an accepted one replaces everything. A backup that goes bad between the check and the
 * write (edited on disk meanwhile) is refused by the write, which leaves the data as it was.
 */
import fc from 'fast-check';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { beforeAll, describe, expect, it } from 'vitest';
import { createDb, type YishiDb } from '../../../renderer/data/db';
import {
  backupFile,
  checkBackup,
  exportDatabase,
  replaceFromBackup,
  restoreBackup,
  snapshotTables,
  type RestoreOutcome,
} from '../../../renderer/data/backup';
import { BrowserBackupStore } from '../../../renderer/bridge/backupStore';
import { loadDemoCommunity } from '../../../renderer/data/repos/setupRepo';
import { demoMeetingRows } from '../../../shared/demo/demoCommunity';
import { DEMO_SHOWCASE_MEETING_ID } from '../../../shared/demo/demoHistory';
import { importMeetingRecord } from '../../../renderer/data/repos/meetingFileRepo';
import { readBackupDocument } from '../../../shared/backup/document';
import { sampleRedBenchRecord, sampleSignedRedBenchRecord } from '../../../shared/fixtures/testRecord';
import { TABLE_NAMES, primaryKeyOf, type TableName, type TableRows } from '../../../shared/store/schema';
import { editText, hostileJsonValue, mutateJson, mutationAction } from './mutate';
import { memoryBridge } from '../../../renderer/bridge/memoryBridge';
import { withOpenFlag } from '../../../shared/domain/matter';

const NOW = new Date('2026-11-10T09:00:00.000Z');

/** Rows keyed by their primary key: the database returns them in key order, a file in its own. */
function byKey(rows: readonly unknown[], table: TableName): Map<string, unknown> {
  return new Map(rows.map((row) => [String((row as Record<string, unknown>)[primaryKeyOf(table)]), row]));
}

function factory() {
  return { indexedDB: new IDBFactory(), IDBKeyRange };
}

async function fill(db: YishiDb, tables: TableRows): Promise<void> {
  await db.transaction('rw', TABLE_NAMES, async () => {
    for (const t of TABLE_NAMES) await db.table(t).bulkAdd(tables[t]);
  });
}

/**
 * The demo's year of meetings, but one: the properties below restore hundreds of mutated copies
 * of the backup, each run's cost grows with its size, and what they check does not need forty
 * meetings. The one kept is the showcase meeting, signed and amended twice.
 */
async function keepOneDemoMeeting(db: YishiDb): Promise<void> {
  const MEETING_TABLES = Object.keys(demoMeetingRows([]));
  const others = (await db.meetings.toCollection().primaryKeys()).filter((id) => id !== DEMO_SHOWCASE_MEETING_ID);
  await db.transaction('rw', MEETING_TABLES, async () => {
    for (const t of MEETING_TABLES)
      await db
        .table(t)
        .where(t === 'meetings' ? 'id' : 'meetingId')
        .anyOf(others)
        .delete();
  });
}

/** The database the user has (demo community + a signed meeting) and a different one to restore. */
let current: TableRows;
let backupText = '';
beforeAll(async () => {
  const a = createDb('a', factory());
  await loadDemoCommunity(a, NOW);
  await keepOneDemoMeeting(a);
  await importMeetingRecord(a, await sampleSignedRedBenchRecord(), { replace: false });
  current = await snapshotTables(a);
  a.close();
  const b = createDb('b', factory());
  await loadDemoCommunity(b, new Date('2025-01-01T00:00:00.000Z'));
  await keepOneDemoMeeting(b);
  await importMeetingRecord(b, sampleRedBenchRecord(), { replace: false });
  await b.people.limit(40).delete();
  backupText = await exportDatabase(b, 'other', NOW);
  b.close();
});

const hostileBackup = () =>
  fc.oneof(
    { weight: 1, arbitrary: fc.string({ maxLength: 300 }) },
    { weight: 1, arbitrary: fc.nat().map((n) => backupText.slice(0, n % backupText.length)) },
    {
      weight: 2,
      arbitrary: fc
        .tuple(fc.nat(), fc.string({ minLength: 1, maxLength: 3 }))
        .map(([at, s]) => editText(backupText, at, s)),
    },
    {
      weight: 5,
      arbitrary: fc
        .tuple(fc.array(fc.nat(), { minLength: 1, maxLength: 5 }), hostileJsonValue, mutationAction)
        .map(([picks, value, action]) => JSON.stringify(mutateJson(JSON.parse(backupText), picks, value, action))),
    },
    { weight: 1, arbitrary: fc.constant(backupText) },
  );

describe('restore from hostile backup text', () => {
  it('readBackupDocument never throws: a document or a problem code', () => {
    const outcomes = new Map<string, number>();
    fc.assert(
      fc.property(hostileBackup(), (text) => {
        const reading = readBackupDocument(text);
        const key = reading.ok ? 'ok' : reading.problem.code;
        outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
      }),
      { numRuns: 1000 },
    );
    console.log(`hostile readBackupDocument: 1000 texts → ${JSON.stringify(Object.fromEntries(outcomes))}`);
  }, 180_000);

  it('a refused restore changes nothing; an accepted one replaces everything after a safety backup', async () => {
    let refused = 0;
    let restored = 0;
    await fc.assert(
      fc.asyncProperty(hostileBackup(), fc.integer({ min: 512, max: 70_000 }), async (text, pieceBytes) => {
        const opts = factory();
        const db = createDb('yishi', opts);
        await fill(db, current);
        const store = new BrowserBackupStore('backups', opts);
        const before = await exportDatabase(db, 't', NOW);
        const source = backupFile(new TextEncoder().encode(text), pieceBytes);
        const checked = await checkBackup(source);
        const reading = checked.ok ? await restoreBackup(db, memoryBridge(store), source, 't') : checked;
        const after = await exportDatabase(db, 't', NOW);
        const { written, ...answer } = reading as RestoreOutcome;
        if (checked.ok) expect(answer).toEqual(checked);
        // Every row of the file was added, written over, or found already there.
        if (reading.ok)
          expect(written!.added + written!.replaced + written!.unchanged).toBe(
            TABLE_NAMES.reduce((n, t) => n + reading.summary.counts[t], 0),
          );
        if (!reading.ok) {
          refused++;
          expect(after).toBe(before);
          expect(await store.list()).toEqual([]);
        } else {
          restored++;
          const safety = await store.list();
          expect(safety.map((b) => b.reason)).toEqual(['preRestore']);
          // The safety backup holds exactly the data that was replaced.
          expect(JSON.stringify(JSON.parse(await store.read(safety[0]!.id)).tables)).toBe(
            JSON.stringify(JSON.parse(before).tables),
          );
          const now = await snapshotTables(db);
          // The restore is the restored log's next entry (and its head moves on to it).
          const restoreEntry = now.auditLog.pop();
          expect(restoreEntry?.action).toBe('restore');
          expect(restoreEntry?.seq).toBe((whole0(text)?.auditLog.at(-1)?.seq ?? 0) + 1);
          now.auditHead = whole0(text)?.auditHead ?? [];
          for (const t of TABLE_NAMES) expect(now[t].length).toBe(reading.summary.counts[t]);
          // The same file read whole gives the same rows.
          const whole = readBackupDocument(text);
          if (!whole.ok) throw new Error('the same text read whole was refused');
          // As the database stores them: a matter's open flag is derived from its closedAt and
          // mergedInto on every write, whatever the file says (a file that lost closedAt is open).
          const stored = (t: TableName) =>
            t === 'matters' ? whole.document.tables[t].map(withOpenFlag) : whole.document.tables[t];
          for (const t of TABLE_NAMES) expect(byKey(now[t], t)).toEqual(byKey(stored(t), t));
        }
        db.close();
      }),
      { numRuns: 150 },
    );
    console.log(
      `hostile restore: 150 backups in pieces of random size, ${refused} refused with nothing changed, ${restored} restored whole`,
    );
    expect(refused).toBeGreaterThan(0);
    expect(restored).toBeGreaterThan(0);
  }, 180_000);

  it('a backup that goes bad after its check is refused by the write, and nothing changes', async () => {
    let cases = 0;
    await fc.assert(
      fc.asyncProperty(hostileBackup(), fc.integer({ min: 512, max: 70_000 }), async (text, pieceBytes) => {
        const reading = readBackupDocument(text);
        fc.pre(!reading.ok);
        cases++;
        const db = createDb('yishi', factory());
        await fill(db, current);
        const before = await exportDatabase(db, 't', NOW);
        // Straight to the write, as if the file had been checked while it was still good.
        const written = await replaceFromBackup(db, backupFile(new TextEncoder().encode(text), pieceBytes));
        expect(written).toEqual(reading);
        expect(await exportDatabase(db, 't', NOW)).toBe(before);
        db.close();
      }),
      { numRuns: 100 },
    );
    console.log(
      `hostile restore without a check: ${cases} bad backups written straight into the database, every one rolled back whole`,
    );
  }, 180_000);
});

/** The tables of a backup text read whole, or null when it is refused. */
function whole0(text: string) {
  const whole = readBackupDocument(text);
  return whole.ok ? whole.document.tables : null;
}
