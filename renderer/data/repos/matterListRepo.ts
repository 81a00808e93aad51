import { answersWhole, POSTINGS, type PostingsState } from '../searchPostings';
import Dexie from 'dexie';
import type { Matter } from '../../../shared/domain/matter';
import { matterStage, NO_LINKS, stageNeedsLinks } from '../../../shared/domain/matterStage';
import { descendantIds, type OrgUnit } from '../../../shared/domain/org';
import {
  clampMatterPage,
  countsOf,
  isWholeRegister,
  MATTER_PAGE_SIZE,
  newestRaisedFirst,
  passesMatterFilter,
  type MatterCounts,
  type MatterListFilter,
  type StagedMatter,
} from '../../../shared/matters/matterList';
import type { YishiDb } from '../db';
import { rowsWithAnyOf } from '../indexReads';
import { loadLadderStandings } from './ladderStandingRepo';
import { loadMatterLinks, type MatterListRow } from './mattersRepo';
import { searchArchive } from './searchRepo';

export interface MatterListPage {
  rows: MatterListRow[];
  /** The page shown (the last one when the one asked for is beyond the rows). */
  page: number;
  /** How many matters pass the filter (the pager's total). */
  total: number;
  /**
   * The counts of all that pass the filter; null for the whole register, whose counts read every
   * open matter's meetings and decisions: they come after the page (loadRegisterCounts).
   */
  counts: MatterCounts | null;
  /** Nothing registered at all (not just nothing matching). */
  registerEmpty: boolean;
}

/** Each matter's stage: only open 待办件 read their meetings and decisions. */
async function staged(db: YishiDb, matters: readonly Matter[]): Promise<StagedMatter[]> {
  const links = await loadMatterLinks(
    db,
    matters.filter(stageNeedsLinks).map((m) => m.id),
  );
  return matters.map((matter) => ({ matter, stage: matterStage(matter, links.get(matter.id) ?? NO_LINKS) }));
}

/** The shown rows with their 上报件's places on the ladder. */
async function withStandings(db: YishiDb, rows: readonly StagedMatter[]): Promise<MatterListRow[]> {
  const standings = await loadLadderStandings(
    db,
    rows.map((r) => r.matter),
  );
  return rows.map((r) => {
    const standing = standings.get(r.matter.id);
    return standing ? { ...r, standing } : r;
  });
}

/** The matters neither closed nor merged, by the open flag's index (a few per cent of ten years). */
function openMatters(db: YishiDb): Promise<Matter[]> {
  return db.matters
    .where('[open+path+orgUnitId]')
    .between([1, Dexie.minKey, Dexie.minKey], [1, Dexie.maxKey, Dexie.maxKey], true, true)
    .toArray();
}

/** Most matters words are looked up among through the archive index; more, and they are all read. */
const WORDS_AT_MOST = 2_000;

/**
 * The matters holding the words, through the archive search index (its text of a matter holds
 * all the list searches in, and more); null when the index cannot say: it is still being built,
 * the words are one character or several words, or too many matters hold them.
 */
async function mattersWithWords(db: YishiDb, text: string): Promise<Matter[] | null> {
  if (text.length < 2 || /\s/.test(text)) return null;
  const [entries, postings] = await db.searchState.bulkGet(['matter', POSTINGS]);
  if (!entries?.complete || !answersWhole(postings as PostingsState | undefined)) return null;
  const found = await searchArchive(db, text, { kinds: ['matter'] }, WORDS_AT_MOST);
  if (found.more || found.tooShort) return null;
  const rows = await db.matters.bulkGet(found.hits.map((h) => h.recordId));
  return rows.filter((m): m is Matter => !!m);
}

/** The fewest matters that hold every one the filter passes, through the narrowest index it names. */
async function candidates(db: YishiDb, f: MatterListFilter, units: ReadonlySet<string> | null): Promise<Matter[]> {
  const text = f.text?.trim() ?? '';
  const withWords = text ? await mattersWithWords(db, text) : null;
  if (withWords) return withWords;
  if (units) return rowsWithAnyOf(db.matters, 'orgUnitId', [...units]);
  if (f.openOnly || (f.stage && f.stage !== 'closed' && f.stage !== 'merged')) return openMatters(db);
  if (f.path) return db.matters.where('path').equals(f.path).toArray();
  return db.matters.toArray();
}

/**
 * One page of the 说事登记 list, newest raised first, with the counts of all that pass the filter.
 * The whole register (no filter) is read a page at a time from the raisedAt index, its counts from
 * the store and the open matters; a filter reads through its narrowest index and filters the rest
 * here; words are looked up in the archive search index (all matters are read while it is built).
 */
export async function loadMatterPage(
  db: YishiDb,
  filter: MatterListFilter,
  page: number,
  units: readonly OrgUnit[],
): Promise<MatterListPage> {
  // Not one transaction: its several nested reads lost Dexie's transaction zone in Chromium
  // ("Transaction committed too early"). The screen's live query reads again after any write.
  if (isWholeRegister(filter)) {
    const total = await db.matters.count();
    const shown = clampMatterPage(page, total);
    const rows = await db.matters
      .orderBy('raisedAt')
      .reverse()
      .offset(shown * MATTER_PAGE_SIZE)
      .limit(MATTER_PAGE_SIZE)
      .toArray();
    const pageRows = (await staged(db, rows)).sort(newestRaisedFirst);
    return { rows: await withStandings(db, pageRows), page: shown, total, counts: null, registerEmpty: total === 0 };
  }
  const inUnits = filter.unitId ? descendantIds(units, filter.unitId) : null;
  const rows = (await staged(db, await candidates(db, filter, inUnits)))
    .filter((r) => passesMatterFilter(r, filter, inUnits))
    .sort(newestRaisedFirst);
  const shown = clampMatterPage(page, rows.length);
  const pageRows = rows.slice(shown * MATTER_PAGE_SIZE, (shown + 1) * MATTER_PAGE_SIZE);
  return {
    rows: await withStandings(db, pageRows),
    page: shown,
    total: rows.length,
    counts: countsOf(rows),
    registerEmpty: rows.length === 0 && !(await db.matters.toCollection().first()),
  };
}

/**
 * The counts of the whole register: how many matters, and of the open ones (read by the open
 * flag's index) how many are still open by their stage and how many wait to be triaged. At ten
 * years this reads thousands of open 待办件's meetings and decisions (~0.5 s here), so the screen
 * asks for it once the first page is shown.
 */
export async function loadRegisterCounts(db: YishiDb): Promise<MatterCounts> {
  const [total, open] = await Promise.all([db.matters.count(), openMatters(db).then((m) => staged(db, m))]);
  return { ...countsOf(open), total };
}
