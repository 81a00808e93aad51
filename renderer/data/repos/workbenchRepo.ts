import Dexie from 'dexie';
import type { CalendarDate } from '../../../shared/dates';
import type { Decision } from '../../../shared/domain/decision';
import type { Matter } from '../../../shared/domain/matter';
import type { Meeting } from '../../../shared/domain/meeting';
import { descendantIds, type OrgUnit } from '../../../shared/domain/org';
import { boardRows, summonedBoardRows, withSummonsTitle, type BoardRow } from '../../../shared/followup/board';
import { followupTiming } from '../../../shared/followup/state';
import { attendanceCounts } from '../../../shared/meeting/attendance';
import { dueWindowEnd, shownDueIds } from '../../../shared/workbench/due';
import { meetingsOnDay, proposedMatters, startAtRange } from '../../../shared/workbench/nextMeeting';
import { noticeDue, noticeEndWindow, publicityDue, type PublicityDue } from '../../../shared/workbench/publicity';
import type { Evaluation } from '../../../shared/publicity/evaluation';
import type { YishiDb } from '../db';
import { rowsWithAnyOf } from '../indexReads';
import { loadOpenPendingMatters } from './meetingPrepRepo';
import { withMatterTitles } from './escalationRepo';
import { OPEN_STATES, summonedTasksIn, unfollowedMeetings } from './boardCachedReads';
import { followedMeetingTest } from './followedMeetings';
import { cachedRead } from '../tableCache';

/**
 * What the 工作台 reads (its parts, as screens ask for them: workbenchParts.ts). Every read goes through an index and stays small on a ten-year database:
 * decisions by `status` (only those not yet done), matters by `path` (only 待分流) and by
 * `orgUnitId` (one compound's), meetings by `startAt` (one day) — never a whole table but the
 * org units (a district has about a thousand, and every screen reads them).
 */

/** The units a choice of the 工作台 covers (the unit and everything below), or null for all. */
export function workbenchScope(units: readonly OrgUnit[], orgUnitId: string | undefined): Set<string> | null {
  if (!orgUnitId || !units.some((u) => u.id === orgUnitId)) return null;
  return descendantIds(units, orgUnitId);
}

/**
 * The followed decisions not yet done and due by `until` (every overdue one included), in the
 * scope, with the 吹哨报到 tasks due. Decisions are read through [status+deadline] (a decision
 * confirmed done is never read) and judged followed and in scope by index keys; only the rows the
 * cards show as lines (shownDueIds) get their meetings read. The other rows carry their decision
 * and timing, which is all the counts and groups use, and a meeting with its id alone.
 */
export async function loadOpenDueRows(
  db: YishiDb,
  until: CalendarDate,
  today: CalendarDate,
  scope: ReadonlySet<string> | null,
  unitNames: ReadonlyMap<string, string> = new Map(),
): Promise<BoardRow[]> {
  // From the caches (read before the transaction, tableCache.ts): the 工作台's own window, which
  // the badge fills at start-up, and the unsigned meetings and open tasks the board warms at idle.
  const [cached, unfollowed, openTasks] = await Promise.all([
    until === dueWindowEnd(today) ? cachedOpenDecisionsDue(db, today) : null,
    unfollowedMeetings(db),
    summonedTasksIn(db, OPEN_STATES),
  ]);
  const tasks = openTasks.filter((t) => t.deadline <= until);
  return db.transaction('r', [db.meetings, db.decisions, db.summonedTasks, db.matters], async () => {
    const [open, followed] = await Promise.all([
      cached ? Promise.resolve([...cached]) : loadOpenDecisionsDue(db, until),
      followedMeetingTest(db, scope, unfollowed),
    ]);
    const decisions = open.filter((d) => followed(d.meetingId));
    // 吹哨报到 tasks are followed like decisions (the 督办 board shows both), so they remind too;
    // their matters' titles are read below for the lines shown only.
    const untitled = tasks.map((task) => ({ task, matterTitle: '' }));
    const summoned = summonedBoardRows(untitled, unitNames, today).filter(
      (r) => scope === null || scope.has(r.meeting.orgUnitId),
    );
    // Not sorted here: dueRows sorts them (once per list, shared/workbench/due.ts).
    const sketched = [...decisions.map((d) => sketchRow(d, today)), ...summoned];
    const shown = shownDueIds(sketched, today);
    const meetingIds = [...new Set(decisions.filter((d) => shown.has(d.id)).map((d) => d.meetingId))];
    const [found, titled] = await Promise.all([
      db.meetings.bulkGet(meetingIds),
      withMatterTitles(
        db,
        tasks.filter((t) => shown.has(t.id)),
      ),
    ]);
    const meetings = found.filter((m): m is Meeting => m !== undefined);
    const titles = new Map(titled.map(({ task, matterTitle }) => [task.id, matterTitle]));
    const full = new Map(
      boardRows(
        decisions.filter((d) => shown.has(d.id)),
        meetings,
        unitNames,
        new Map(),
        today,
      ).map((r) => [r.decision.id, r]),
    );
    // The shown rows are filled in where they are, in rows made here: the order and groupings
    // due.ts worked out for this list (shownDueIds) stay those of the list returned.
    for (const row of sketched) {
      const title = titles.get(row.decision.id);
      const filled = full.get(row.decision.id) ?? (title === undefined ? undefined : withSummonsTitle(row, title));
      if (filled) Object.assign(row, filled);
    }
    return sketched;
  });
}

/** A due decision's row before its meeting is read: what counts and groups need. */
function sketchRow(decision: Decision, today: CalendarDate): BoardRow {
  return {
    decision,
    meeting: {
      id: decision.meetingId,
      title: '',
      orgUnitId: '',
      issueYear: 0,
      issueNo: 0,
      startAt: '',
      status: 'signed',
    },
    orgUnitName: '',
    timing: followupTiming(decision.deadline, decision.status, today),
  };
}

/**
 * The decisions not yet done due by the end of the 工作台's window (today + 7 days): ~5,200 rows at
 * ×1, read by the badge at start-up and by the 工作台, once, until a decision is written.
 */
export function cachedOpenDecisionsDue(db: YishiDb, today: CalendarDate): Promise<readonly Decision[]> {
  const until = dueWindowEnd(today);
  return cachedRead(db, `openDecisionsDue:${until}`, ['decisions'], () => loadOpenDecisionsDue(db, until));
}

/** Decisions not yet done and due by `until`: [status+deadline] reads only those, never the later ones. */
export async function loadOpenDecisionsDue(db: YishiDb, until: CalendarDate): Promise<Decision[]> {
  const open = await Promise.all(
    OPEN_STATES.map((s) => db.decisions.where('[status+deadline]').between([s, ''], [s, until], true, true).toArray()),
  );
  return open.flat();
}

/**
 * How many of the next 党群议事日's meetings the 工作台 lists: a community's compounds fit; a
 * street's or district's hundreds are counted, and the meeting list holds them all.
 */
export const NEXT_MEETINGS_SHOWN = 10;

export interface NextMeetingLine {
  meeting: Meeting;
  unitName: string;
  agendaItems: number;
  /** 应到: those invited to vote (列席 not counted), as the 纪要 counts them. */
  expected: number;
  /** 待办件 of its compound waiting for a meeting and on no agenda yet. */
  pendingMatters: number;
}

/** How many 待办件 of a compound a meeting could take up (not on an agenda, not decided, not closed). */
export async function pendingMatterCount(db: YishiDb, units: readonly OrgUnit[], orgUnitId: string): Promise<number> {
  return proposedMatters(await loadOpenPendingMatters(db, [...descendantIds(units, orgUnitId)])).length;
}

/**
 * The next 党群议事日's meetings as the card shows them: the first NEXT_MEETINGS_SHOWN by start time
 * with their agenda, attendance and 待办件 read, and how many there are in all. On the 10th every
 * compound of a district meets (300 meetings at ×1): the rest are in the meeting list.
 */
export async function nextMeetingLines(
  db: YishiDb,
  units: readonly OrgUnit[],
  day: CalendarDate,
  scope: ReadonlySet<string> | null,
  names: ReadonlyMap<string, string>,
): Promise<{ lines: NextMeetingLine[]; total: number }> {
  const [from, to] = startAtRange(day);
  const all = meetingsOnDay(await db.meetings.where('startAt').between(from, to).toArray(), day, scope);
  const onDay = all.slice(0, NEXT_MEETINGS_SHOWN);
  // The 待办件 of every compound meeting shown, read at once (one read of their links, not one
  // per meeting), then counted per meeting.
  const unitsOf = new Map(onDay.map((m) => [m.id, descendantIds(units, m.orgUnitId)]));
  const [pending, lines] = await Promise.all([
    loadOpenPendingMatters(db, [...new Set([...unitsOf.values()].flatMap((u) => [...u]))]),
    Promise.all(
      onDay.map(async (meeting) => {
        const [agendaItems, attendance] = await Promise.all([
          db.agendaItems.where('meetingId').equals(meeting.id).count(),
          db.attendance.where('meetingId').equals(meeting.id).toArray(),
        ]);
        return { meeting, agendaItems, attendance };
      }),
    ),
  ]);
  return {
    total: all.length,
    lines: lines.map(({ meeting, agendaItems, attendance }) => {
      const own = unitsOf.get(meeting.id);
      return {
        meeting,
        unitName: names.get(meeting.orgUnitId) ?? '',
        agendaItems,
        expected: attendanceCounts(attendance).expected,
        pendingMatters: proposedMatters(pending.filter((p) => own?.has(p.matter.orgUnitId))).length,
      };
    }),
  };
}

/**
 * Open matters on no path yet, by the schema-5 index that holds open matters only: merged and
 * closed ones (years of them) are never read. A scope reads its own units' keys.
 */
export async function loadUntriaged(db: YishiDb, scope: ReadonlySet<string> | null): Promise<Matter[]> {
  const index = db.matters.where('[open+path+orgUnitId]');
  return scope
    ? index.anyOf([...scope].map((u) => [1, 'untriaged', u])).toArray()
    : index.between([1, 'untriaged', Dexie.minKey], [1, 'untriaged', Dexie.maxKey]).toArray();
}

/**
 * 公示 ending soon, 评议 to organise and 再次验收 due: notices read by their end date (a window of
 * weeks, see noticeEndWindow), then only their decisions, evaluations and meetings.
 */
export async function loadPublicityDue(
  db: YishiDb,
  today: CalendarDate,
  scope: ReadonlySet<string> | null,
): Promise<PublicityDue[]> {
  return db.transaction('r', [db.publicNotices, db.evaluations, db.meetings, db.decisions], async () => {
    const { from, to } = noticeEndWindow(today);
    const inWindow = await db.publicNotices.where('endDate').between(from, to, true, true).toArray();
    // Only a 结果公示's decision has a 评议 that matters here. One getAll per decision (indexReads.ts):
    // anyOf's cursor took 278 ms for 403 rows at ×1.
    const rated = [...new Set(inWindow.flatMap((n) => (n.kind === 'result' && n.decisionId ? [n.decisionId] : [])))];
    const evaluations = new Map(
      (await rowsWithAnyOf(db.evaluations, 'decisionId', rated)).map((e: Evaluation) => [e.decisionId, e]),
    );
    // Meetings and decisions only of the notices that show a line.
    const notices = inWindow.filter(
      (n) => noticeDue(n, n.decisionId ? (evaluations.get(n.decisionId) ?? null) : null, today).length > 0,
    );
    const decisionIds = [...new Set(notices.flatMap((n) => (n.decisionId ? [n.decisionId] : [])))];
    const meetingIds = [...new Set(notices.map((n) => n.meetingId))];
    const [decisions, meetings] = await Promise.all([
      db.decisions.bulkGet(decisionIds),
      db.meetings.bulkGet(meetingIds),
    ]);
    return publicityDue(
      {
        notices,
        evaluations,
        meetings: new Map(
          meetings.flatMap((m) => (m ? [[m.id, { title: m.title, orgUnitId: m.orgUnitId }] as const] : [])),
        ),
        decisionTitles: new Map(decisions.flatMap((d) => (d ? [[d.id, d.title] as const] : []))),
      },
      today,
      scope,
    );
  });
}
