import Dexie, { type Collection } from 'dexie';
import { today as todayOf, type CalendarDate } from '../../../shared/dates';
import type { Decision } from '../../../shared/domain/decision';
import {
  boardMeeting,
  boardRows,
  filterBoard,
  followedRows,
  groupCounts,
  latestSteps,
  mergeBoardRows,
  summonedBoardRows,
  withSummonsTitle,
  type BoardFilter,
  type BoardMeeting,
  type BoardRow,
  type GroupCount,
  type Grouping,
} from '../../../shared/followup/board';
import {
  BOARD_PAGE_SIZE,
  clampPage,
  narrowsBoard,
  newestFirst,
  sortForTab,
  tabCounts,
  tabStates,
  type BoardTab,
} from '../../../shared/followup/boardPage';
import { FOLLOWUP_STATES, type FollowupState } from '../../../shared/followup/state';
import type { YishiDb } from '../db';
import { completeStoredTally, wholeBoardTally } from '../boardClient';
import { talliedGroups, tallyRows } from '../../../shared/followup/groups';
import type { SummonedTask } from '../../../shared/escalation/summons';
import { loadSummonedForBoard } from './escalationRepo';
import {
  meetingHolders,
  OPEN_STATES,
  summonedTasksIn,
  unfollowedMeetings,
  unsignedDecisions,
} from './boardCachedReads';
import { cachedOrgUnits, cachedRead } from '../tableCache';
import { rowsWithAnyOf } from '../indexReads';

/**
 * The 督办 board, read a page at a time through indexes (issue #12: 107,000 decisions). A narrow
 * filter (one meeting, compound or supervisor) reads its few hundred decisions by its index;
 * otherwise each state is counted on [status+deadline] (by a responsible name,
 * [responsible.name+status+deadline]) without reading rows and a page reads only the rows up to it. The latest steps are read for the rows shown, never all of them.
 */

export interface BoardPage {
  /** The rows of the page, in the board's order, each with its latest step. */
  rows: BoardRow[];
  /**
   * Rows per tab. Without a narrow filter 已完成 is null: counting ten years of done decisions
   * walks ~100,000 index entries (about a second here), so `countBoardDone` counts them after
   * the page is shown.
   */
  counts: Record<BoardTab, number | null>;
  /** The page shown (the one asked for, or the last one there is). */
  page: number;
  pageSize: number;
  /** Compounds and communities, for the compound filter. */
  units: readonly { id: string; name: string }[];
  /** The meeting the filter names, for its label. */
  meeting: BoardMeeting | null;
}

export interface BoardQuery {
  filter: BoardFilter;
  tab: BoardTab;
  page: number;
}

const LOW = '';
const HIGH = '\uffff';

const TABLES = (db: YishiDb) => [
  db.meetings,
  db.decisions,
  db.decisionProgress,
  db.orgUnits,
  db.summonedTasks,
  db.matters,
];

export async function loadBoardPage(
  db: YishiDb,
  query: BoardQuery,
  today: CalendarDate = todayOf(),
): Promise<BoardPage> {
  // Read before the transaction, from the cache while their tables are unwritten (tableCache.ts).
  const units = await cachedOrgUnits(db);
  const holders = await meetingHolders(db);
  const indexed = pagedByIndex(query.filter);
  const unsigned = indexed ? await unsignedDecisions(db) : [];
  // A wide page needs the open tasks (their counts) and the done ones only on their own tab or
  // where 已完成 is counted at once (by a responsible name).
  const states = !indexed || query.tab === 'done' || query.filter.responsible ? FOLLOWUP_STATES : OPEN_STATES;
  const tasks = await summonedTasksIn(db, states);
  const stateCounts = indexed ? await indexStateCounts(db, query.filter) : null;
  const unfollowed = stateCounts ? null : await unfollowedMeetings(db);
  return db.transaction('r', TABLES(db), async () => {
    const names = new Map(units.map((u) => [u.id, u.name]));
    const summoned = filterBoard(summonedRows(tasks, names, today), query.filter);
    const { rows, counts } = stateCounts
      ? await widePage(db, query, summoned, names, today, unsigned, stateCounts)
      : await narrowPage(db, query, summoned, names, today, unfollowed ?? new Set());
    const known = counts[query.tab];
    const page = known === null ? Math.max(0, Math.floor(query.page)) : clampPage(query.page, known);
    const shown = rows.slice(page * BOARD_PAGE_SIZE, (page + 1) * BOARD_PAGE_SIZE);
    const meeting = query.filter.meetingId ? await db.meetings.get(query.filter.meetingId) : undefined;
    return {
      rows: await withShownDetails(db, shown, names),
      counts,
      page,
      pageSize: BOARD_PAGE_SIZE,
      units: holders,
      meeting: meeting ? boardMeeting(meeting) : null,
    };
  });
}

/** The decisions a narrow filter names, through its index (a few hundred). */
async function narrowDecisions(db: YishiDb, f: BoardFilter): Promise<Decision[]> {
  if (f.meetingId) return db.decisions.where('meetingId').equals(f.meetingId).toArray();
  if (f.orgUnitId) {
    const ids = await db.meetings
      .where('[orgUnitId+startAt]')
      .between([f.orgUnitId, Dexie.minKey], [f.orgUnitId, Dexie.maxKey])
      .primaryKeys();
    return rowsWithAnyOf(db.decisions, 'meetingId', ids);
  }
  if (f.responsible) return db.decisions.where('responsible.name').equals(f.responsible).toArray();
  return db.decisions
    .where('supervisor.name')
    .equals(f.supervisor ?? '')
    .toArray();
}

async function rowsOf(
  db: YishiDb,
  decisions: readonly Decision[],
  names: ReadonlyMap<string, string>,
  today: CalendarDate,
): Promise<BoardRow[]> {
  const meetings = await db.meetings.bulkGet([...new Set(decisions.map((d) => d.meetingId))]);
  const found = meetings.flatMap((m) => (m ? [boardMeeting(m)] : []));
  return boardRows(decisions, found, names, new Map(), today);
}

/**
 * Meetings standing in for the real ones until a row is on the page shown (withMeetings): a
 * responsible unit named on thousands of decisions had its 3,000 meetings read one by one (145
 * of 247 ms at ×1) to show twenty rows. Which meetings the board follows comes from the index.
 */
const standIns = new WeakSet<BoardMeeting>();

function rowsWithStandIns(
  decisions: readonly Decision[],
  names: ReadonlyMap<string, string>,
  today: CalendarDate,
  /** The meetings whose decisions the board does not follow (unfollowedMeetings). */
  unfollowed: ReadonlySet<string>,
  /** The unit every decision's meeting is known to be held by (the compound filter), if any. */
  orgUnitId = '',
  /** In the decisions' order, for counts only (followedRows). */
  unsorted = false,
): BoardRow[] {
  const followed = decisions.filter((d) => !unfollowed.has(d.meetingId));
  const meetings = [...new Set(followed.map((d) => d.meetingId))].map((id) => {
    const meeting: BoardMeeting = {
      id,
      title: '',
      orgUnitId,
      issueYear: 0,
      issueNo: 0,
      startAt: '',
      status: 'signed',
    };
    standIns.add(meeting);
    return meeting;
  });
  return (unsorted ? followedRows : boardRows)(followed, meetings, names, new Map(), today);
}

/**
 * The shown rows with their real meetings (and units) where they had stand-ins, their 吹哨报到
 * matters' titles and their latest steps: three reads for the twenty rows, asked at once (one
 * after the other they took ~35 ms at ×1, each waiting for the one before).
 */
async function withShownDetails(
  db: YishiDb,
  rows: readonly BoardRow[],
  names: ReadonlyMap<string, string>,
): Promise<BoardRow[]> {
  const [meetings, titles, latest] = await Promise.all([
    standInMeetings(db, rows),
    matterTitles(db, rows),
    latestStepsOf(db, rows),
  ]);
  return rows.flatMap((row) => {
    let r = row;
    if (standIns.has(r.meeting)) {
      const meeting = meetings.get(r.meeting.id);
      if (!meeting) return [];
      r = { ...r, meeting, orgUnitName: names.get(meeting.orgUnitId) ?? '' };
    }
    if (r.source) return [withSummonsTitle(r, titles.get(r.source.matterId) ?? '')];
    const step = latest.get(r.decision.id);
    return [step ? { ...r, latest: step } : r];
  });
}

/** The real meetings of the rows that show stand-ins. */
async function standInMeetings(db: YishiDb, rows: readonly BoardRow[]): Promise<Map<string, BoardMeeting>> {
  const ids = [...new Set(rows.filter((r) => standIns.has(r.meeting)).map((r) => r.meeting.id))];
  if (ids.length === 0) return new Map();
  return new Map((await db.meetings.bulkGet(ids)).flatMap((m) => (m ? [[m.id, boardMeeting(m)] as const] : [])));
}

async function narrowPage(
  db: YishiDb,
  { filter, tab }: BoardQuery,
  summoned: readonly BoardRow[],
  names: ReadonlyMap<string, string>,
  today: CalendarDate,
  unfollowed: ReadonlySet<string>,
) {
  const decisions = await narrowDecisions(db, filter);
  // By a meeting, its one meeting is read; by a compound (its meetings' decisions, read through
  // its own meetings' keys), a person or a unit named as 谁来干 or 监督, only the shown rows'
  // meetings are read (a compound's ten years are ~140 meetings, ~30 ms of reads at ×1).
  const decided = filter.meetingId
    ? await rowsOf(db, decisions, names, today)
    : rowsWithStandIns(decisions, names, today, unfollowed, filter.orgUnitId);
  const all = filterBoard(mergeBoardRows(decided, summoned), filter);
  return { rows: sortForTab(all, tab), counts: tabCounts(all) };
}

/**
 * Without a narrow filter: counts from the [status+deadline] index (less the decisions of
 * meetings not signed yet, which the board does not follow: drafts and meetings being
 * finalised, a few), and for the tab the rows up to the end of the page, state by state.
 */
async function widePage(
  db: YishiDb,
  { filter, tab, page }: BoardQuery,
  summoned: readonly BoardRow[],
  names: ReadonlyMap<string, string>,
  today: CalendarDate,
  unsignedAll: readonly Decision[],
  stateCounts: StateCounts,
) {
  const { range, ties, unsigned } = wideRange(db, filter, unsignedAll);
  const counts: Record<BoardTab, number | null> = tabCounts(summoned);
  let open = counts.open ?? 0;
  for (const s of FOLLOWUP_STATES) {
    const stored = stateCounts.get(s);
    const n = stored === undefined ? null : stored - unsigned.filter((d) => d.status === s).length;
    counts[s] = n === null ? null : (counts[s] ?? 0) + n;
    if (s !== 'done') open += n ?? 0;
  }
  counts.open = open;
  // The rows up to the end of the page in each state (those of unsigned meetings skipped,
  // headSkipping), and every row sharing the last one's deadline (the board orders a
  // day's decisions by title, the index by id).
  const skip = new Set(unsigned.map((d) => d.id));
  const known = counts[tab];
  const need = ((known === null ? page : clampPage(page, known)) + 1) * BOARD_PAGE_SIZE;
  // The states are read at once, each with one getAll where the page is read forwards.
  const heads = await Promise.all(
    tabStates(tab).map(async (s) => {
      const head = await headSkipping(() => (newestFirst(tab) ? range(s).reverse() : range(s)), need, skip);
      const edge = head.at(-1);
      const tied = edge && head.length === need ? await ties(s, edge.deadline).toArray() : [];
      const seen = new Set(head.map((d) => d.id));
      return [...head, ...tied.filter((d) => !seen.has(d.id) && !skip.has(d.id))];
    }),
  );
  const picked = heads.flat();
  const decided = await rowsOf(db, picked, names, today);
  return { rows: sortForTab(mergeBoardRows(decided, summoned), tab), counts };
}

/**
 * The first `need` decisions of a range that are not in `skip`. A filtered collection walks a
 * cursor, a round trip per row (~30 ms for a first page's 60 rows at ×1); a plain limit is one
 * getAll, read again a little longer only when skipped rows were among those read.
 */
async function headSkipping(
  range: () => Collection<Decision, string>,
  need: number,
  skip: ReadonlySet<string>,
): Promise<Decision[]> {
  for (let limit = need; ;) {
    const rows = await range().limit(limit).toArray();
    const kept = rows.filter((d) => !skip.has(d.id));
    if (kept.length >= need || rows.length < limit) return kept.slice(0, need);
    limit += need - kept.length;
  }
}

type StateCounts = ReadonlyMap<FollowupState, number>;

/**
 * A filter the board pages through an index, counting without reading rows: none, due dates, a
 * responsible person's or unit's name (a unit is named on thousands of decisions: reading them
 * all took 175 ms at ×1), or that name with due dates. The other filters pick a few hundred
 * decisions by their own index, read whole (narrowPage).
 */
function pagedByIndex(filter: BoardFilter): boolean {
  return !(filter.meetingId || filter.orgUnitId || filter.supervisor);
}

/**
 * Decisions per state within the filter's due dates (unsigned meetings' ones included: the page
 * subtracts them), counted on [status+deadline] or, by a name, [responsible.name+status+deadline]:
 * ~70 ms of index at ×1 for the whole board, kept until a decision is written, so a filter
 * cleared or a tab turned does not count again. 已完成 only by a name (the whole board's ten years
 * of done decisions are counted after the page is shown, countBoardDone).
 */
function indexStateCounts(db: YishiDb, filter: BoardFilter): Promise<StateCounts> {
  const { range } = wideRange(db, filter, []);
  const states = filter.responsible ? FOLLOWUP_STATES : OPEN_STATES;
  const key = JSON.stringify([filter.responsible || null, filter.dueFrom ?? null, filter.dueTo ?? null]);
  return cachedRead(db, `board:stateCounts:${key}`, ['decisions'], async () => {
    const counts = await Promise.all(states.map((s) => range(s).count()));
    return new Map(states.map((s, i) => [s, counts[i] ?? 0]));
  });
}

/**
 * What the 督办 board's first page reads whatever is shown (the decisions of unsigned meetings,
 * the open 吹哨报到 tasks, the open counts of the whole board), read while the app is idle: the
 * first visit then reads only its twenty rows. Each stays cached until its tables are written.
 */
export async function warmBoardReads(db: YishiDb): Promise<void> {
  await cachedOrgUnits(db);
  await unsignedDecisions(db);
  await summonedTasksIn(db, OPEN_STATES);
  await indexStateCounts(db, {});
  // The 已完成 tab and the filters by compound or name read every task.
  await summonedTasksIn(db, FOLLOWUP_STATES);
  // After an upgrade or a restore: the worker counts the decisions 按责任人 / 按责任单位's stored rows
  // do not cover yet (seconds at ten years), so their first visit reads rows.
  await completeStoredTally(db, await unfollowedMeetings(db), todayOf());
}

/**
 * A state's range within the due dates, on [status+deadline] or, by a responsible name, on
 * [responsible.name+status+deadline]; the rows of one deadline in it (ties); and the unsigned
 * meetings' decisions in them.
 */
function wideRange(db: YishiDb, filter: BoardFilter, unsignedAll: readonly Decision[]) {
  const from = filter.dueFrom ?? LOW;
  const to = filter.dueTo ?? HIGH;
  const name = filter.responsible || undefined;
  const between = (s: FollowupState, lower: string, upper: string) =>
    name === undefined
      ? db.decisions.where('[status+deadline]').between([s, lower], [s, upper], true, true)
      : db.decisions
          .where('[responsible.name+status+deadline]')
          .between([name, s, lower], [name, s, upper], true, true);
  const unsigned = unsignedAll.filter(
    (d) => d.deadline >= from && d.deadline <= to && (name === undefined || d.responsible.name === name),
  );
  return {
    range: (s: FollowupState) => between(s, from, to),
    ties: (s: FollowupState, deadline: string) => between(s, deadline, deadline),
    unsigned,
  };
}

/** 已完成 of the wide board (no narrow filter), counted on the index after the page is shown. */
export async function countBoardDone(
  db: YishiDb,
  filter: BoardFilter,
  today: CalendarDate = todayOf(),
): Promise<number> {
  // Walking ~100,000 done entries takes a second: counted once per filter until a write.
  return cachedRead(
    db,
    `board:done:${today}:${JSON.stringify(filter)}`,
    ['decisions', 'meetings', 'summonedTasks'],
    () => countDone(db, filter, today),
  );
}

async function countDone(db: YishiDb, filter: BoardFilter, today: CalendarDate): Promise<number> {
  const unsignedAll = await unsignedDecisions(db);
  const tasks = await summonedTasksIn(db, ['done']);
  return db.transaction('r', TABLES(db), async () => {
    const { range, unsigned } = wideRange(db, filter, unsignedAll);
    const summoned = filterBoard(summonedRows(tasks, new Map(), today), filter);
    const n = await range('done').count();
    const unsignedDone = unsigned.filter((d) => d.status === 'done').length;
    return n - unsignedDone + summoned.filter((r) => r.decision.status === 'done').length;
  });
}

/**
 * 吹哨报到 tasks as board rows, without their matters' titles (withMatterTitles reads those for
 * the rows shown: a page never reads a thousand matters).
 */
function summonedRows(
  tasks: readonly SummonedTask[],
  names: ReadonlyMap<string, string>,
  today: CalendarDate,
): BoardRow[] {
  return summonedBoardRows(
    tasks.map((task) => ({ task, matterTitle: '' })),
    names,
    today,
  );
}

/** The titles of the shown 吹哨报到 rows' matters (the row's "meeting" and link are named by it). */
async function matterTitles(db: YishiDb, rows: readonly BoardRow[]): Promise<Map<string, string>> {
  const ids = [...new Set(rows.flatMap((r) => (r.source ? [r.source.matterId] : [])))];
  if (ids.length === 0) return new Map();
  return new Map((await db.matters.bulkGet(ids)).flatMap((m) => (m ? [[m.id, m.title] as const] : [])));
}

/** The latest steps of the rows' decisions: only the shown rows' steps are read. */
async function latestStepsOf(db: YishiDb, rows: readonly BoardRow[]) {
  const ids = rows.filter((r) => !r.source).map((r) => r.decision.id);
  return latestSteps(await rowsWithAnyOf(db.decisionProgress, 'decisionId', ids));
}

/** The rows with their latest steps. */
async function withLatest(db: YishiDb, rows: readonly BoardRow[]): Promise<BoardRow[]> {
  const latest = await latestStepsOf(db, rows);
  return rows.map((r) => {
    const step = r.source ? undefined : latest.get(r.decision.id);
    return step ? { ...r, latest: step } : r;
  });
}

/**
 * Every row the filter leaves, all states (the export): a narrow filter reads through its index;
 * otherwise every followed decision is read, as the user asked for all, with its meeting.
 */
export async function loadBoardRows(
  db: YishiDb,
  filter: BoardFilter,
  options: { latest: boolean },
  today: CalendarDate = todayOf(),
): Promise<BoardRow[]> {
  const units = await cachedOrgUnits(db);
  return db.transaction('r', TABLES(db), async () => {
    const names = new Map(units.map((u) => [u.id, u.name]));
    const summoned = summonedBoardRows(await loadSummonedForBoard(db), names, today);
    const decisions = await filteredDecisions(db, filter);
    const rows = filterBoard(mergeBoardRows(await rowsOf(db, decisions, names, today), summoned), filter);
    return options.latest ? withLatest(db, rows) : rows;
  });
}

/** The decisions a filter names: through its own index, or all within the due dates. */
function filteredDecisions(db: YishiDb, filter: BoardFilter): Promise<Decision[]> {
  return narrowsBoard(filter)
    ? narrowDecisions(db, filter)
    : db.decisions
        .where('deadline')
        .between(filter.dueFrom ?? LOW, filter.dueTo ?? HIGH, true, true)
        .toArray();
}

/**
 * 按责任人 / 按责任单位: the counts per person or unit of every row the filter leaves. Only the
 * decisions are read, never their meetings: which meetings the board follows comes from the
 * cache (unfollowedMeetings). Reading the ten years' 21,000 meetings for their 105,000 decisions
 * took about half of the view's 3.3 s at ×1. Both views are counted in one reading and kept
 * until a decision, meeting, task or unit is written.
 */
export async function loadBoardGroups(
  db: YishiDb,
  filter: BoardFilter,
  grouping: Grouping,
  today: CalendarDate = todayOf(),
): Promise<GroupCount[]> {
  const key = `board:groups:${today}:${JSON.stringify(filter)}`;
  const both = await cachedRead(db, key, BOARD_GROUP_TABLES, async () => {
    const units = await cachedOrgUnits(db);
    const unfollowed = await unfollowedMeetings(db);
    const tasks = await summonedTasksIn(db, FOLLOWUP_STATES);
    const names = new Map(units.map((u) => [u.id, u.name]));
    if (isWholeBoard(filter)) {
      const tally = await wholeBoardTally(db, unfollowed, today);
      tallyRows(tally, summonedRows(tasks, names, today));
      return { person: talliedGroups(tally, 'person'), unit: talliedGroups(tally, 'unit') };
    }
    return db.transaction('r', TABLES(db), async () => {
      const decisions = await filteredDecisions(db, filter);
      // By a meeting, its one meeting is read (it may not be signed): as narrowPage does.
      const decided = filter.meetingId
        ? await rowsOf(db, decisions, names, today)
        : rowsWithStandIns(decisions, names, today, unfollowed, filter.orgUnitId, true);
      // Counted in any order (groupCounts orders the groups).
      const rows = filterBoard([...decided, ...summonedRows(tasks, names, today)], filter);
      return { person: groupCounts(rows, 'person'), unit: groupCounts(rows, 'unit') };
    });
  });
  return both[grouping];
}

/**
 * No filter at all: the ten years' decisions are counted by a worker (boardClient.ts), page by
 * page; filtered, the few the indexes give are counted here.
 */
function isWholeBoard(filter: BoardFilter): boolean {
  return !narrowsBoard(filter) && !filter.dueFrom && !filter.dueTo;
}

/** The tables the grouped views read (their cache is read again after a write to one). */
export const BOARD_GROUP_TABLES = ['decisions', 'meetings', 'summonedTasks', 'orgUnits'] as const;
