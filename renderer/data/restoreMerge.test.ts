import { describe, expect, it } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import type { YishiDb } from './db';
import { backupFile, checkBackup, exportDatabase, restoreBackup } from './backup';
import { BrowserBackupStore } from '../bridge/backupStore';
import { memoryBridge } from '../bridge/memoryBridge';
import { smallDistrictDb } from './smallDistrict';
import { startSearchIndexing, searchIndexProgress } from './searchBackfill';
import { searchArchive } from './repos/searchRepo';
import { POSTINGS } from './searchPostings';
import { readStoredTally, tallyPiece } from './decisionTally';
import { KEEP_DERIVED_UP_TO, type RestoreWritten } from './restoreMerge';
import { applyToTallyRows, type TallyRow } from '../../shared/followup/tallyRows';
import { TABLE_NAMES } from '../../shared/store/schema';

const TODAY = '2026-11-20';
const noPause = () => Promise.resolve();

async function district(name: string, meetings = 30): Promise<{ db: YishiDb; opts: ReturnType<typeof factory> }> {
  const opts = factory();
  const db = await smallDistrictDb(
    name,
    { seed: 5, today: TODAY, compoundsPerCommunity: 2, peoplePerCompound: 10, meetings, longMinutesChars: 300 },
    opts,
  );
  // Posting lists however small the archive, as a ten-year one has them.
  await db.searchState.put({ kind: POSTINGS });
  await startSearchIndexing(db, noPause, 0);
  while (!(await tallyPiece(db, 500)));
  return { db, opts };
}

function factory() {
  return { indexedDB: new IDBFactory(), IDBKeyRange };
}

async function restore(db: YishiDb, opts: ReturnType<typeof factory>, text: string): Promise<RestoreWritten> {
  const source = () => backupFile(new TextEncoder().encode(text), 997);
  const checked = await checkBackup(source());
  expect(checked.ok).toBe(true);
  performance.clearMarks('yishi:restore-written');
  const restored = await restoreBackup(db, memoryBridge(new BrowserBackupStore('backups', opts)), source(), 't');
  expect(restored.ok).toBe(true);
  const mark = performance.getEntriesByName('yishi:restore-written').at(-1) as PerformanceMark | undefined;
  return mark!.detail as RestoreWritten;
}

/** Every backed-up table but the audit log, to which the restore adds its own entry. */
async function recordsOf(db: YishiDb): Promise<unknown> {
  const { tables } = JSON.parse(await exportDatabase(db, 't', new Date(TODAY))) as { tables: Record<string, unknown> };
  const { auditLog: _log, auditHead: _head, ...records } = tables;
  return records;
}

async function tallyFromScratch(db: YishiDb): Promise<TallyRow[]> {
  const rows = new Map<string, TallyRow>();
  applyToTallyRows(rows, await db.decisions.toArray(), 1);
  return [...rows.values()].sort((a, b) => a.key.localeCompare(b.key));
}

async function storedTally(db: YishiDb): Promise<TallyRow[] | null | 'unsound'> {
  const rows = await readStoredTally(db);
  return Array.isArray(rows) ? rows.sort((a, b) => a.key.localeCompare(b.key)) : rows;
}

const hitsFor = async (db: YishiDb, query: string) =>
  (await searchArchive(db, query, {}, 20, TODAY)).hits.map((h) => h.recordId).sort();

describe('a restore over data mostly the backup’s', () => {
  it('restoring the same data writes nothing but its log entry, and keeps the search index and the tallies', async () => {
    const { db, opts } = await district('merge-same');
    const before = await recordsOf(db);
    const text = await exportDatabase(db, 't', new Date(TODAY));
    const rows = TABLE_NAMES.reduce((n, t) => n + (JSON.parse(text).counts[t] as number), 0);

    const written = await restore(db, opts, text);

    expect(written).toEqual({ added: 0, replaced: 0, removed: 0, unchanged: rows });
    expect(await recordsOf(db)).toEqual(before);
    expect(await db.auditLog.orderBy('seq').last()).toMatchObject({ action: 'restore' });
    expect((await searchIndexProgress(db)).complete).toBe(true);
    expect(await storedTally(db)).toEqual(await tallyFromScratch(db));
    db.close();
  });

  it('takes rows whose keys come in another order, or carrying what the app works out itself, as the same', async () => {
    const { db, opts } = await district('merge-order');
    const document = JSON.parse(await exportDatabase(db, 't', new Date(TODAY)));
    const reversed = (row: object) => Object.fromEntries(Object.entries(row).reverse());
    document.tables.decisions = document.tables.decisions.map(reversed);
    // As a file made from the stored rows would carry them (the backup leaves them out).
    document.tables.people = await db.people.toArray();
    const rows = TABLE_NAMES.reduce((n, t) => n + (document.counts[t] as number), 0);

    const written = await restore(db, opts, JSON.stringify(document));

    expect(written).toEqual({ added: 0, replaced: 0, removed: 0, unchanged: rows });
    db.close();
  });

  it('after changes, gives exactly the backup’s rows, with the index and the tallies following them', async () => {
    const { db, opts } = await district('merge-changed');
    const before = await recordsOf(db);
    const text = await exportDatabase(db, 't', new Date(TODAY));
    const [first, second, third] = await db.decisions.orderBy('id').limit(3).toArray();
    const person = (await db.people.orderBy('id').first())!;
    // A decision renamed and handed to another unit, one deleted, one new, a person renamed.
    await db.decisions.put({
      ...first!,
      title: '改过的独特决定',
      responsible: { kind: 'text', name: '新的责任单位' },
      status: 'done',
    });
    await db.decisions.delete(second!.id);
    await db.decisions.add({ ...third!, id: 'zz-new-decision', title: '新加的独特决定' });
    await db.people.put({ ...person, name: '改名的居民' });
    expect(await hitsFor(db, '独特决定')).toEqual(['zz-new-decision', first!.id].sort());

    const written = await restore(db, opts, text);

    expect(written).toMatchObject({ added: 1, replaced: 2, removed: 1 });
    expect(await recordsOf(db)).toEqual(before);
    // The index followed the rows as they were written: no rebuild was needed.
    expect((await searchIndexProgress(db)).complete).toBe(true);
    expect(await hitsFor(db, '独特决定')).toEqual([]);
    expect(await hitsFor(db, first!.title)).toContain(first!.id);
    expect(await hitsFor(db, second!.title)).toContain(second!.id);
    expect(await storedTally(db)).toEqual(await tallyFromScratch(db));
    expect((await storedTally(db)) as TallyRow[]).not.toContainEqual(expect.objectContaining({ name: '新的责任单位' }));
    db.close();
  });

  it('over other data, empties the derived tables once many rows change, and they are built again', async () => {
    const { db, opts } = await district('merge-many', 60);
    const before = await recordsOf(db);
    const text = await exportDatabase(db, 't', new Date(TODAY));
    const rows = TABLE_NAMES.reduce((n, t) => n + (JSON.parse(text).counts[t] as number), 0);
    expect(rows).toBeGreaterThan(KEEP_DERIVED_UP_TO);
    for (const t of TABLE_NAMES) await db.table(t).clear();
    while (!(await tallyPiece(db, 500)));

    const written = await restore(db, opts, text);

    expect(written.added).toBe(rows);
    expect(await recordsOf(db)).toEqual(before);
    // Emptied inside the restore, then built again in the background.
    expect(await storedTally(db)).toBeNull();
    while (!(await tallyPiece(db, 500)));
    expect(await storedTally(db)).toEqual(await tallyFromScratch(db));
    await startSearchIndexing(db, noPause, 0);
    expect((await searchIndexProgress(db)).complete).toBe(true);
    const decision = (await db.decisions.orderBy('id').first())!;
    expect(await hitsFor(db, decision.title)).toContain(decision.id);
    db.close();
  });

  it('a file whose rows are out of key order still gives exactly its rows', async () => {
    const { db, opts } = await district('merge-disorder');
    const before = await recordsOf(db);
    const document = JSON.parse(await exportDatabase(db, 't', new Date(TODAY)));
    document.tables.people.reverse();
    document.tables.decisions.push(document.tables.decisions.shift());
    await db.people.clear();
    await db.decisions.bulkDelete((await db.decisions.toCollection().primaryKeys()).filter((_, i) => i % 2 === 0));

    await restore(db, opts, JSON.stringify(document));

    expect(await recordsOf(db)).toEqual(before);
    expect(await storedTally(db)).toEqual(await tallyFromScratch(db));
    db.close();
  });
});
