import { describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import type { YishiDb } from './db';
import { openAppDatabase } from './openDatabase';
import { searchArchive } from './repos/searchRepo';
import { exportDatabase } from './backup';
import { searchIndexProgress, startSearchIndexing } from './searchBackfill';
import { postingsPiece, postingsWanted } from './indexBuild';
import { POSTINGS, SCAN_AT_MOST, TOUCHED, type PostingsState } from './searchPostings';
import { smallDistrictDb } from './smallDistrict';
import { Rng } from '../../shared/demo/builders';
import {
  DAY_SPAN,
  dayKeyBase,
  SEARCH_TABLES,
  searchTextOf,
  type SearchEntry,
  type SearchTerms,
} from '../../shared/search/entries';
import { dexieStores } from '../../shared/store/schema';
import { blockOfKey, keysOfRow } from '../../shared/search/postingLists';
import { matchesWords, normaliseText, planQuery } from '../../shared/search/terms';
import { SEARCH_KINDS, type SearchKind } from '../../shared/search/types';
import type { Decision } from '../../shared/domain/decision';
import type { Meeting } from '../../shared/domain/meeting';

const TODAY = '2026-11-20';
const noPause = () => Promise.resolve();

/**
 * Indexes in the background as the app does, with posting lists however small the archive
 * (`scanAtMost` 0): the tests below are about the lists. A small archive's search by reading its
 * entries has its own test.
 */
function index(db: YishiDb): Promise<void> {
  return startSearchIndexing(db, noPause, 0);
}

/** A small district whose search index has posting lists (a new database's searches read entries). */
async function districtDb(name: string, options?: Parameters<typeof smallDistrictDb>[2]): Promise<YishiDb> {
  const db = await readDistrictDb(name, options);
  await db.searchState.put({ kind: POSTINGS });
  await index(db);
  return db;
}

function readDistrictDb(
  name: string,
  options?: Parameters<typeof smallDistrictDb>[2],
  meetings = 40,
): Promise<YishiDb> {
  return smallDistrictDb(
    name,
    {
      seed: 11,
      today: TODAY,
      compoundsPerCommunity: 2,
      peoplePerCompound: 10,
      meetings,
      longMinutesChars: 800,
    },
    options,
  );
}

async function allRecords(db: YishiDb): Promise<{ kind: SearchKind; id: string; row: unknown }[]> {
  const out: { kind: SearchKind; id: string; row: unknown }[] = [];
  for (const kind of SEARCH_KINDS) {
    const { table, key } = SEARCH_TABLES[kind];
    for (const row of await db.table(table).toArray()) out.push({ kind, id: String(row[key]), row });
  }
  return out;
}

/** What a full scan finds: every record whose text holds every word. */
function scan(records: { kind: SearchKind; id: string; row: unknown }[], words: string[]): string[] {
  return records
    .filter(({ kind, row }) => {
      const { text, names } = searchTextOf(kind, row);
      return matchesWords(text, names, words);
    })
    .map(({ kind, id }) => `${kind}:${id}`)
    .sort();
}

/** A random stretch of 2–5 characters of a random record's text (no spaces). */
function stretchOf(rng: Rng, records: { kind: SearchKind; row: unknown }[]): string {
  for (;;) {
    const { kind, row } = records[rng.int(0, records.length - 1)]!;
    const chars = Array.from(normaliseText(searchTextOf(kind, row).text).replace(/\s+/g, ''));
    if (chars.length < 2) continue;
    const start = rng.int(0, chars.length - 2);
    return chars.slice(start, start + rng.int(2, 5)).join('');
  }
}

/** The posting lists as stored, by term and block: `${term}@${block}` → keys. */
async function storedPostings(db: YishiDb): Promise<Map<string, number[]>> {
  const rows = await db.searchPostings.toArray();
  return new Map(rows.map((r) => [`${r.term}@${r.block}`, keysOfRow(r)]));
}

/** The posting lists built afresh from the entries' terms, for the keys the lists cover. */
async function expectedPostings(db: YishiDb, covers = (_key: number) => true): Promise<Map<string, number[]>> {
  const out = new Map<string, number[]>();
  for (const { id, terms } of await db.searchTerms.orderBy('id').toArray())
    if (covers(id))
      for (const term of new Set(terms)) {
        const name = `${term}@${blockOfKey(id)}`;
        out.set(name, [...(out.get(name) ?? []), id]);
      }
  return out;
}

/** The posting lists hold exactly the terms of the entries they cover. */
async function expectPostingsKept(db: YishiDb, covers?: (key: number) => boolean): Promise<void> {
  const stored = await storedPostings(db);
  expect(stored.size).toBeGreaterThan(0);
  expect(stored).toEqual(await expectedPostings(db, covers));
}

describe('archive search index', () => {
  it('indexes older records in the background and then finds exactly what a scan finds', async () => {
    const db = await districtDb('search-a');
    // A new database indexes every write as it happens…
    expect((await searchIndexProgress(db)).complete).toBe(true);
    // Each entry with its terms (kept under the same key in a table of their own).
    const withoutKeys = async () => {
      const terms = new Map((await db.searchTerms.toArray()).map((t) => [t.id, t.terms]));
      expect(terms.size).toBe(await db.searchEntries.count());
      return (await db.searchEntries.toArray())
        .map(({ id, ...entry }) => ({ ...entry, terms: terms.get(id) }))
        .sort((a, b) => a.ref.localeCompare(b.ref));
    };
    const inline = await withoutKeys();
    await expectPostingsKept(db);
    // …and records from before the index (an upgraded database) are indexed in the background, alike.
    await db.transaction('rw', [db.searchState, db.searchEntries, db.searchTerms, db.searchPostings], async () => {
      await Promise.all([db.searchState, db.searchEntries, db.searchTerms, db.searchPostings].map((t) => t.clear()));
    });
    const before = await searchIndexProgress(db);
    expect(before).toEqual({ complete: false, indexed: 0, total: expect.any(Number) });
    expect(!before.complete && before.total).toBeGreaterThan(100);
    await index(db);
    expect(await withoutKeys()).toEqual(inline);
    await expectPostingsKept(db);
    // Each entry's key is in its day's stretch, so a term's records come newest first.
    for (const entry of await db.searchEntries.toArray()) {
      expect(entry.id).toBeGreaterThanOrEqual(dayKeyBase(entry.date));
      expect(entry.id).toBeLessThan(dayKeyBase(entry.date) + DAY_SPAN);
    }
    // A later day's keys are lower, a day's newer records before its older, records without a day last.
    const inKeyOrder = (await db.searchEntries.orderBy('id').toArray()).map((e) => e.date);
    expect(inKeyOrder).toEqual([...inKeyOrder].sort().reverse());
    // Complete: nothing counted (at ten years the counts held up the search screen's first search).
    expect(await searchIndexProgress(db)).toEqual({ complete: true });

    const records = await allRecords(db);
    const rng = new Rng(5);
    for (let i = 0; i < 40; i++) {
      const query = stretchOf(rng, records);
      const result = await searchArchive(db, query, {}, 100_000, TODAY);
      expect(result.hits.map((h) => h.ref).sort(), query).toEqual(scan(records, [query]));
      const dates = result.hits.map((h) => h.date);
      expect(dates, 'newest first').toEqual([...dates].sort().reverse());
      // Two words, every term read in small slices (as the common terms of ten years are).
      const two = [query, stretchOf(rng, records)];
      const sliced = await searchArchive(db, two.join(' '), {}, 100_000, TODAY, 7);
      expect(sliced.hits.map((h) => h.ref).sort(), two.join(' ')).toEqual(scan(records, two.map(normaliseText)));
    }
    // A page of 5 is the newest 5 of all, and says there are more.
    const common = await searchArchive(db, '会议', {}, 100_000, TODAY);
    const page = await searchArchive(db, '会议', {}, 5, TODAY, 3);
    expect(page.hits).toEqual(common.hits.slice(0, 5));
    expect(page.more).toBe(common.hits.length > 5);
    db.close();
  });

  it('a small archive is searched by reading its entries: the same hits, no lists, until it grows', async () => {
    // Fewer meetings: under SCAN_AT_MOST, as the app's own background runs judge it.
    const db = await readDistrictDb('search-read', undefined, 15);
    // A new database reads its entries; what the app's start builds leaves it so while small.
    expect(await db.searchState.get(POSTINGS)).toEqual({ kind: POSTINGS, scan: true });
    expect(await db.searchTerms.count()).toBeLessThanOrEqual(SCAN_AT_MOST);
    await startSearchIndexing(db, noPause);
    expect(await searchIndexProgress(db)).toEqual({ complete: true });
    expect(await db.searchPostings.count()).toBe(0);
    const records = await allRecords(db);
    const queries: string[][] = [];
    const rng = new Rng(7);
    // Queries of letters with no pair to look up ("知,") are too short, not searched.
    const searchable = (words: string[]) => planQuery(words.join(' ')).terms.length > 0;
    while (queries.length < 50) {
      const words = queries.length % 2 ? [stretchOf(rng, records), stretchOf(rng, records)] : [stretchOf(rng, records)];
      if (searchable(words)) queries.push(words);
    }
    const expectScanFinds = async () => {
      for (const words of queries) {
        const result = await searchArchive(db, words.join(' '), {}, 100_000, TODAY);
        expect(result.hits.map((h) => h.ref).sort(), words.join(' ')).toEqual(scan(records, words.map(normaliseText)));
        const dates = result.hits.map((h) => h.date);
        expect(dates, 'newest first').toEqual([...dates].sort().reverse());
      }
      const common = await searchArchive(db, '会议', {}, 100_000, TODAY);
      const page = await searchArchive(db, '会议', {}, 5, TODAY);
      expect(common.hits.length).toBeGreaterThan(5);
      expect(page.hits).toEqual(common.hits.slice(0, 5));
      expect(page.more).toBe(true);
    };
    await expectScanFinds();
    // A write is found at once and keeps no lists; a deleted record is forgotten.
    const decision = (await db.decisions.toCollection().first())!;
    await db.decisions.put({ ...decision, title: '为𠮷祥巷安装路灯' });
    expect((await searchArchive(db, '𠮷祥巷', {}, 10, TODAY)).hits.map((h) => h.ref)).toEqual([
      `decision:${decision.id}`,
    ]);
    await db.decisions.put(decision);
    expect(await db.searchPostings.count()).toBe(0);
    // A restore empties the index; built again, a small archive is read again.
    const decisions = await db.decisions.toArray();
    await db.transaction('rw', db.decisions, async () => {
      await db.decisions.clear();
      await db.decisions.bulkAdd(decisions);
    });
    expect(await db.searchState.get(POSTINGS)).toEqual({ kind: POSTINGS });
    await startSearchIndexing(db, noPause);
    expect(await db.searchState.get(POSTINGS)).toEqual({ kind: POSTINGS, scan: true });
    expect(await db.searchPostings.count()).toBe(0);
    // Grown past the limit: while its lists are built, searches still read every entry…
    expect(await postingsWanted(db, 10)).toBe(true);
    expect(await postingsPiece(db, 50, noPause)).toBe(false);
    const building = (await db.searchState.get(POSTINGS)) as PostingsState;
    expect(building.scan).toBe(true);
    expect(building.after).toBeDefined();
    await expectScanFinds();
    // …and once built, the lists answer alike.
    await startSearchIndexing(db, noPause, 10);
    expect(await db.searchState.get(POSTINGS)).toEqual({ kind: POSTINGS, complete: true });
    await expectPostingsKept(db);
    await expectScanFinds();
    db.close();
  });

  it('indexes a write in its own transaction, and forgets a deleted record', async () => {
    const db = await districtDb('search-b');
    await index(db);
    const decision = (await db.decisions.toCollection().first())!;
    await db.decisions.put({ ...decision, title: '为𠮷祥巷安装路灯' });
    expect((await searchArchive(db, '𠮷祥巷', {}, 10, TODAY)).hits.map((h) => h.ref)).toEqual([
      `decision:${decision.id}`,
    ]);
    // A transaction that fails after the write leaves neither the record nor its index entry.
    await expect(
      db.transaction('rw', db.decisions, async () => {
        await db.decisions.put({ ...decision, title: '半途而废的标题' });
        throw new Error('cut short');
      }),
    ).rejects.toThrow('cut short');
    expect((await searchArchive(db, '半途而废', {}, 10, TODAY)).hits).toEqual([]);
    expect(await db.searchPostings.where(':id').between(['废的', -Infinity], ['废的', Infinity]).count()).toBe(0);
    await db.decisions.delete(decision.id);
    expect((await searchArchive(db, '𠮷祥巷', {}, 10, TODAY)).hits).toEqual([]);
    expect(await db.searchEntries.where('ref').equals(`decision:${decision.id}`).count()).toBe(0);
    await expectPostingsKept(db);
    db.close();
  });

  it('leaves what a restore writes to the background indexing, which then finds it', async () => {
    const db = await districtDb('search-c');
    await index(db);
    const decisions = await db.decisions.toArray();
    await db.transaction('rw', db.decisions, async () => {
      await db.decisions.clear();
      await db.decisions.bulkAdd(decisions.map((d, i) => (i === 0 ? { ...d, title: '恢复后的独特决定' } : d)));
    });
    expect(await db.searchEntries.where('ref').startsWith('decision:').count()).toBe(0);
    expect((await searchIndexProgress(db)).complete).toBe(false);
    await index(db);
    expect((await searchArchive(db, '独特决定', {}, 10, TODAY)).hits.map((h) => h.recordId)).toEqual([
      decisions[0]!.id,
    ]);
    expect(await db.searchEntries.where('ref').startsWith('decision:').count()).toBe(decisions.length);
    await expectPostingsKept(db);
    // Derived: a backup holds the records, never their index.
    const backup = await exportDatabase(db, 't', new Date());
    expect(backup).toContain('恢复后的独特决定');
    expect(backup).not.toContain('searchEntries');
    expect(backup).not.toContain('searchState');
    db.close();
  });

  it('moves a meeting’s records to its new day when the meeting is moved', async () => {
    const db = await districtDb('search-d');
    await index(db);
    const decision = (await db.decisions.toCollection().first()) as Decision;
    const meeting = (await db.meetings.get(decision.meetingId)) as Meeting;
    await db.meetings.put({ ...meeting, startAt: '2030-01-10T09:00:00+08:00' });
    const entry = await db.searchEntries.where('ref').equals(`decision:${decision.id}`).first();
    expect(entry?.date).toBe('2030-01-10');
    const hits = (await searchArchive(db, decision.title.slice(0, 4), { from: '2030-01-01' }, 10, TODAY)).hits;
    expect(hits.map((h) => h.ref)).toContain(`decision:${decision.id}`);
    await expectPostingsKept(db);
    db.close();
  });

  it('moves the records of several meetings moved in one write, each to its own new day', async () => {
    const db = await districtDb('search-d2');
    await index(db);
    const decisions = await db.decisions.toArray();
    const meetingIds = [...new Set(decisions.map((d) => d.meetingId))].slice(0, 2);
    expect(meetingIds).toHaveLength(2);
    const meetings = (await db.meetings.bulkGet(meetingIds)) as Meeting[];
    const days = ['2030-01-10', '2030-02-10'];
    await db.meetings.bulkPut(meetings.map((m, i) => ({ ...m, startAt: `${days[i]}T09:00:00+08:00` })));
    for (const [i, meetingId] of meetingIds.entries())
      for (const decision of decisions.filter((d) => d.meetingId === meetingId)) {
        const entry = await db.searchEntries.where('ref').equals(`decision:${decision.id}`).first();
        expect(entry?.date, decision.id).toBe(days[i]);
      }
    db.close();
  });

  it('narrows by kind, unit and overdue, and says when a query is too short', async () => {
    const db = await districtDb('search-e');
    await index(db);
    expect((await searchArchive(db, '梯', {}, 10, TODAY)).tooShort).toBe(true);
    const decision = (await db.decisions.toCollection().first()) as Decision;
    const word = decision.title.slice(0, 3);
    const decisionsOnly = await searchArchive(db, word, { kinds: ['decision'] }, 1000, TODAY);
    expect(decisionsOnly.hits.length).toBeGreaterThan(0);
    expect(decisionsOnly.hits.every((h) => h.kind === 'decision')).toBe(true);
    const overdue = await searchArchive(db, word, { overdueOnly: true }, 1000, TODAY);
    for (const hit of overdue.hits) {
      const d = (await db.decisions.get(hit.recordId))!;
      expect(d.status).not.toBe('done');
      expect(d.deadline < TODAY).toBe(true);
    }
    db.close();
  });

  it('an upgrade from schema 6 forgets its index (keyed oldest first) and builds it anew in the background', async () => {
    const opts = { indexedDB: new IDBFactory(), IDBKeyRange };
    const built = await districtDb('search-up', opts);
    const rows = Object.fromEntries(await Promise.all(built.tables.map(async (t) => [t.name, await t.toArray()])));
    built.close();
    await opts.indexedDB.deleteDatabase('search-up');
    // A schema 6 database: its index complete, its entries holding their terms, keys counting up from the oldest day.
    const terms = new Map((rows.searchTerms as SearchTerms[]).map((t) => [t.id, t.terms]));
    const v6Stores: Record<string, string> = { ...dexieStores(), searchEntries: 'id, &ref, meetingId, *terms' };
    delete v6Stores.searchTerms;
    const old = new Dexie('search-up', opts);
    old.version(6).stores(v6Stores);
    await old.transaction('rw', old.tables, async () => {
      for (const [table, tableRows] of Object.entries(rows))
        if (table in v6Stores && table !== 'searchEntries') await old.table(table).bulkAdd(tableRows as unknown[]);
      await old
        .table('searchEntries')
        .bulkAdd(
          (rows.searchEntries as SearchEntry[])
            .sort((a, b) => a.date.localeCompare(b.date))
            .map((e, i) => ({ ...e, terms: terms.get(e.id), id: i + 1 })),
        );
    });
    old.close();
    const db = await openAppDatabase({ backupBeforeUpgrade: async () => {} }, 'search-up', opts);
    expect(await db.searchEntries.count()).toBe(0);
    expect(await db.searchTerms.count()).toBe(0);
    expect((await searchIndexProgress(db)).complete).toBe(false);
    await index(db);
    expect((await searchIndexProgress(db)).complete).toBe(true);
    const records = await allRecords(db);
    const result = await searchArchive(db, '会议', {}, 100_000, TODAY);
    expect(result.hits.map((h) => h.ref).sort()).toEqual(scan(records, ['会议']));
    const dates = result.hits.map((h) => h.date);
    expect(dates, 'newest first').toEqual([...dates].sort().reverse());
    await expectPostingsKept(db);
    db.close();
  });

  /**
   * While the lists are built: exact for the keys the build added (up to `after`); for the rest of
   * the block writes keep (up to `upTo`), only keys of terms their entries hold, none missing once
   * written by a write; nothing beyond.
   */
  async function expectPostingsWhileBuilt(db: YishiDb): Promise<PostingsState> {
    const state = (await db.searchState.get(POSTINGS)) as PostingsState;
    const after = state.after ?? -Infinity;
    const upTo = Math.max(after, state.upTo ?? -Infinity);
    const only = (lists: Map<string, number[]>, keep: (key: number) => boolean) =>
      new Map(
        [...lists].map(([name, keys]) => [name, keys.filter(keep)] as const).filter(([, keys]) => keys.length > 0),
      );
    const stored = await storedPostings(db);
    const expected = await expectedPostings(db);
    expect(only(stored, (k) => k <= after)).toEqual(only(expected, (k) => k <= after));
    for (const [name, keys] of only(stored, (k) => k > after)) {
      const allowed = new Set(expected.get(name) ?? []);
      expect(
        keys.filter((k) => k > upTo || !allowed.has(k)),
        `stale keys in ${name}`,
      ).toEqual([]);
    }
    return state;
  }

  async function buildFromScratch(db: YishiDb): Promise<void> {
    await db.transaction('rw', db.searchState, db.searchPostings, async () => {
      await db.searchPostings.clear();
      await db.searchState.put({ kind: POSTINGS });
    });
  }

  /** An edit, a meeting moved far back and one far ahead (its records change block), a delete. */
  async function writes(db: YishiDb, round: number): Promise<void> {
    const decisions = await db.decisions.toArray();
    const meetings = await db.meetings.toArray();
    await db.decisions.put({ ...decisions[round]!, title: `第${round}轮改过的决定` });
    await db.meetings.put({ ...meetings[round]!, startAt: `201${round % 10}-03-10T09:00:00+08:00` });
    await db.meetings.put({ ...meetings[round + 5]!, startAt: `203${round % 10}-03-10T09:00:00+08:00` });
    await db.decisions.delete(decisions.at(-1 - round)!.id);
  }

  it('keeps the lists right through writes while they are built, newest first', async () => {
    const db = await districtDb('search-f');
    await buildFromScratch(db);
    for (let round = 0; round < 4; round++) {
      await postingsPiece(db, 40, noPause);
      await writes(db, round);
      const { after } = await expectPostingsWhileBuilt(db);
      // Meanwhile a search finds the records the lists cover, the newest, and only real matches.
      const records = await allRecords(db);
      const found = new Set((await searchArchive(db, '会议', {}, 100_000, TODAY)).hits.map((h) => h.ref));
      const covered = new Set((await db.searchEntries.where(':id').belowOrEqual(after!).toArray()).map((e) => e.ref));
      const matching = scan(records, ['会议']);
      expect(matching.filter((r) => covered.has(r)).every((r) => found.has(r))).toBe(true);
      expect([...found].every((r) => matching.includes(r))).toBe(true);
    }
    await index(db);
    expect((await searchIndexProgress(db)).complete).toBe(true);
    await expectPostingsKept(db);
    const records = await allRecords(db);
    const found = await searchArchive(db, '改过的决定', {}, 100, TODAY);
    expect(found.hits.map((h) => h.ref).sort()).toEqual(scan(records, ['改过的决定']));
    expect(found.hits).toHaveLength(4);
    db.close();
  });

  it('keeps the lists right through writes landing inside a piece, between its transactions', async () => {
    const db = await districtDb('search-g');
    await buildFromScratch(db);
    let round = 0;
    // The piece pauses between its reads and its writes of rows: a write lands at every pause.
    const writeAtPause = async () => {
      if (round < 12) await writes(db, round++);
    };
    let pieces = 0;
    while (!(await postingsPiece(db, 200, writeAtPause))) {
      // Checked while the writes land (each check reads every list and entry: not after all).
      if (++pieces <= 4) await expectPostingsWhileBuilt(db);
    }
    expect(pieces).toBeGreaterThan(2);
    expect(round).toBe(12);
    expect((await searchIndexProgress(db)).complete).toBe(true);
    await expectPostingsKept(db);
    // The marks of entries written while their block was built are gone with the build.
    expect((await db.searchState.toArray()).map((s) => s.kind).filter((k) => k.startsWith(TOUCHED))).toEqual([]);
    const records = await allRecords(db);
    for (const words of [['改过的决定'], ['会议']]) {
      const found = await searchArchive(db, words.join(' '), {}, 100_000, TODAY);
      expect(found.hits.map((h) => h.ref).sort()).toEqual(scan(records, words));
    }
    db.close();
  }, 60_000);

  it('a piece stops when a restore empties the lists meanwhile, and the build starts again', async () => {
    const db = await districtDb('search-h');
    await buildFromScratch(db);
    let emptied = false;
    const emptyOnce = async () => {
      if (emptied) return;
      emptied = true;
      await buildFromScratch(db);
    };
    expect(await postingsPiece(db, 60, emptyOnce)).toBe(false);
    // Nothing of the stopped piece is left, and nothing counts as built.
    expect(await db.searchPostings.count()).toBe(0);
    expect(await db.searchState.get(POSTINGS)).toEqual({ kind: POSTINGS });
    await index(db);
    await expectPostingsKept(db);
    db.close();
  }, 60_000);
});
