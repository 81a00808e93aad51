import { dayOf, instantOf, today as todayOf, type CalendarDate } from '../../../shared/dates';
import { DISPUTE_CATEGORY } from '../../../shared/matters/disputes';
import { momentBounds, periodRange, type StatsPeriod } from '../../../shared/statistics/period';
import { planScope, type StatsScope } from '../../../shared/statistics/scope';
import { createTally, type FigurePick, type StatsResult } from '../../../shared/statistics/tally';
import type { YishiDb } from '../db';

/**
 * The statistics screen's figures (issue #13), read through indexes over the chosen period only:
 * the period's meetings by `startAt`, its matters by `raisedAt`, and for each counted meeting its
 * attendance, decisions, follow-up steps and 评议 by `meetingId`. Each read is an index range
 * or a single key read whole (IndexedDB getAll): stepping a cursor row by row costs a round trip
 * per row, ten times the time here. The meetings are taken a batch at a time and their rows
 * counted and dropped, so a street's year (~600 meetings, ~7,000 attendance rows, which may
 * carry signature images) is never in memory at once.
 */

/** Meetings whose rows are read at the same time. */
const BATCH = 25;

export interface StatsQuery {
  scope: StatsScope;
  period: StatsPeriod;
}

export interface StatsLoad {
  result: StatsResult;
  /** The ids of the records behind the picked figure (meetings, attendance, decisions, matters…). */
  picked: string[];
}

const TABLES = (db: YishiDb) => [
  db.orgUnits,
  db.meetings,
  db.attendance,
  db.decisions,
  db.decisionProgress,
  db.matters,
  db.disputes,
  db.evaluations,
];

/** The figures of a scope and period; null when the scope's unit no longer exists or the period is not real. */
export async function loadStatistics(
  db: YishiDb,
  query: StatsQuery,
  pick?: FigurePick,
  today: CalendarDate = todayOf(),
): Promise<StatsLoad | null> {
  return db.transaction('r', TABLES(db), async () => {
    const plan = planScope(await db.orgUnits.toArray(), query.scope);
    const range = periodRange(query.period);
    if (!plan || !range) return null;
    const tally = createTally(plan, range, today, pick);
    const [low, high] = momentBounds(range);
    for (const m of await db.meetings.where('startAt').between(low, high, true, true).toArray()) tally.meeting(m);
    const meetingIds = tally.meetingIds();
    for (let i = 0; i < meetingIds.length; i += BATCH)
      await Promise.all(meetingIds.slice(i, i + BATCH).map((id) => countMeeting(db, id, tally)));
    const disputeRows = new Map<string, string>();
    for (const m of await db.matters.where('raisedAt').between(range.from, range.to, true, true).toArray()) {
      const rowId = tally.matter(m);
      if (rowId && m.category === DISPUTE_CATEGORY) disputeRows.set(m.id, rowId);
    }
    const disputes = await db.disputes.bulkGet([...disputeRows.keys()]);
    for (const d of disputes) if (d) tally.dispute(d, disputeRows.get(d.matterId) as string);
    return { result: tally.result(), picked: tally.picked() };
  });
}

/**
 * One counted meeting's attendance, decisions (each with the day its supervisor confirmed it
 * done: the latest confirmation) and 评议.
 */
async function countMeeting(db: YishiDb, meetingId: string, tally: ReturnType<typeof createTally>) {
  const [attendance, decisions, steps, evaluations] = await Promise.all([
    db.attendance.where('meetingId').equals(meetingId).toArray(),
    db.decisions.where('meetingId').equals(meetingId).toArray(),
    db.decisionProgress.where('meetingId').equals(meetingId).toArray(),
    db.evaluations.where('meetingId').equals(meetingId).toArray(),
  ]);
  for (const a of attendance) tally.attendance(a);
  const confirmed = new Map<string, string>();
  for (const p of steps) {
    if (p.kind !== 'confirm') continue;
    const before = confirmed.get(p.decisionId);
    if (!before || instantOf(p.at) > instantOf(before)) confirmed.set(p.decisionId, p.at);
  }
  for (const d of decisions) {
    const at = confirmed.get(d.id);
    tally.decision(d, at ? (dayOf(at) ?? undefined) : undefined);
  }
  for (const e of evaluations) tally.evaluation(e);
}
