import { dayOf, instantOf, today as todayOf, type CalendarDate } from '../../../shared/dates';
import type { Decision } from '../../../shared/domain/decision';
import { DISPUTE_CATEGORY } from '../../../shared/matters/disputes';
import { momentBounds, periodRange, type StatsPeriod } from '../../../shared/statistics/period';
import { planScope, type StatsScope } from '../../../shared/statistics/scope';
import { createTally, type FigurePick, type StatsResult } from '../../../shared/statistics/tally';
import type { YishiDb } from '../db';

/**
 * The statistics screen's figures (issue #13), read through indexes over the chosen period only:
 * the period's meetings by `startAt`, its matters by `raisedAt`, and through the meetings' ids
 * their attendance, decisions, confirmations and 评议 (`meetingId`). Rows are counted one at a time
 * (`each`) and not kept, so a street's year of ~600 meetings and ~20,000 attendance rows never sits
 * in memory at once.
 */

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
    await db.meetings
      .where('startAt')
      .between(low, high, true, true)
      .each((m) => void tally.meeting(m));
    const meetingIds = tally.meetingIds();
    await db.attendance
      .where('meetingId')
      .anyOf(meetingIds)
      .each((a) => tally.attendance(a));
    await countDecisions(db, meetingIds, tally);
    await db.evaluations
      .where('meetingId')
      .anyOf(meetingIds)
      .each((e) => tally.evaluation(e));
    const disputeRows = new Map<string, string>();
    await db.matters
      .where('raisedAt')
      .between(range.from, range.to, true, true)
      .each((m) => {
        const rowId = tally.matter(m);
        if (rowId && m.category === DISPUTE_CATEGORY) disputeRows.set(m.id, rowId);
      });
    const disputes = await db.disputes.bulkGet([...disputeRows.keys()]);
    for (const d of disputes) if (d) tally.dispute(d, disputeRows.get(d.matterId) as string);
    return { result: tally.result(), picked: tally.picked() };
  });
}

type Slim = Pick<Decision, 'id' | 'meetingId' | 'deadline' | 'status'>;

/** Decisions of the counted meetings, each with the day its supervisor confirmed it done (the latest confirmation). */
async function countDecisions(db: YishiDb, meetingIds: string[], tally: ReturnType<typeof createTally>) {
  const decisions: Slim[] = [];
  await db.decisions
    .where('meetingId')
    .anyOf(meetingIds)
    .each(({ id, meetingId, deadline, status }) => void decisions.push({ id, meetingId, deadline, status }));
  const doneIds = decisions.filter((d) => d.status === 'done').map((d) => d.id);
  const confirmed = new Map<string, string>();
  await db.decisionProgress
    .where('decisionId')
    .anyOf(doneIds)
    .each((p) => {
      if (p.kind !== 'confirm') return;
      const before = confirmed.get(p.decisionId);
      if (!before || instantOf(p.at) > instantOf(before)) confirmed.set(p.decisionId, p.at);
    });
  for (const d of decisions) {
    const at = confirmed.get(d.id);
    tally.decision(d, at ? (dayOf(at) ?? undefined) : undefined);
  }
}
