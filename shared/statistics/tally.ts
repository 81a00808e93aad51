import type { CalendarDate } from '../dates';
import type { Decision } from '../domain/decision';
import type { Attendance, Meeting, MeetingType } from '../domain/meeting';
import type { Matter } from '../domain/matter';
import type { RosterRole } from '../domain/roles';
import type { Dispute } from '../matters/disputes';
import type { Evaluation } from '../publicity/evaluation';
import {
  addFigures,
  attendanceBucket,
  decisionOutcome,
  disputeBuckets,
  emptyFigures,
  evaluationRatings,
  isEmptyFigures,
  matterBuckets,
  meetingBucket,
  type CountedAttendance,
  type DecisionOutcome,
  type DisputeBucket,
  type Figures,
  type MatterBucket,
} from './figures';
import { inRange, type PeriodRange } from './period';
import type { ScopePlan, ScopeRow } from './scope';

/**
 * One cell (or a whole figure) of the screen, to open the records behind it. `rowId` narrows to
 * one row (a community of the street); without it the whole scope.
 */
export type FigurePick = { rowId?: string } & (
  | { figure: 'meetings'; bucket?: MeetingType }
  | { figure: 'attendance'; role?: RosterRole; state?: CountedAttendance }
  | { figure: 'decisions'; bucket?: DecisionOutcome }
  | { figure: 'matters'; bucket: MatterBucket }
  | { figure: 'disputes'; bucket: DisputeBucket }
  | { figure: 'ratings' }
);

export interface StatsResult {
  rows: { row: ScopeRow; figures: Figures }[];
  /** The whole scope (the sum of the rows). */
  total: Figures;
}

/**
 * Counts records into the rows of a scope, one record at a time, so the caller can stream them
 * from the database without holding a table. Meetings go first: attendance, decisions and 评议
 * count only for the held meetings of the period it has seen. With a `pick`, the ids of the
 * records that cell counts are collected as well (the list behind a figure).
 */
export function createTally(plan: ScopePlan, range: PeriodRange, today: CalendarDate, pick?: FigurePick) {
  const rows = new Map(plan.rows.map((r) => [r.id, emptyFigures()]));
  const meetingRow = new Map<string, string>();
  const picked: string[] = [];
  const wants = (figure: FigurePick['figure'], rowId: string) =>
    pick?.figure === figure && (pick.rowId === undefined || pick.rowId === rowId);
  const figuresOf = (rowId: string) => rows.get(rowId) as Figures;

  return {
    /** Counts a held meeting of the period in the scope; true when counted. */
    meeting(m: Pick<Meeting, 'id' | 'orgUnitId' | 'startAt' | 'type' | 'status'>): boolean {
      const type = meetingBucket(m);
      const rowId = type && inRange(m.startAt, range) ? plan.rowOf(m.orgUnitId) : null;
      if (!type || !rowId) return false;
      figuresOf(rowId).meetings[type]++;
      meetingRow.set(m.id, rowId);
      if (wants('meetings', rowId) && pick?.figure === 'meetings' && (!pick.bucket || pick.bucket === type))
        picked.push(m.id);
      return true;
    },
    /** The meetings counted so far: those whose attendance, decisions and 评议 count. */
    meetingIds(): string[] {
      return [...meetingRow.keys()];
    },
    attendance(a: Pick<Attendance, 'id' | 'meetingId' | 'category' | 'state'>): void {
      const rowId = meetingRow.get(a.meetingId);
      const bucket = attendanceBucket(a);
      if (!rowId || !bucket) return;
      figuresOf(rowId).attendance[bucket.role][bucket.state]++;
      if (
        wants('attendance', rowId) &&
        pick?.figure === 'attendance' &&
        (!pick.role || pick.role === bucket.role) &&
        (!pick.state || pick.state === bucket.state)
      )
        picked.push(a.id);
    },
    /** A decision of a counted meeting; `confirmedOn` is the day its supervisor confirmed it done. */
    decision(d: Pick<Decision, 'id' | 'meetingId' | 'deadline' | 'status'>, confirmedOn: CalendarDate | undefined) {
      const rowId = meetingRow.get(d.meetingId);
      if (!rowId) return;
      const outcome = decisionOutcome(d, confirmedOn, today);
      figuresOf(rowId).decisions[outcome]++;
      if (wants('decisions', rowId) && pick?.figure === 'decisions' && (!pick.bucket || pick.bucket === outcome))
        picked.push(d.id);
    },
    /** Counts a matter raised in the period in the scope; returns its row (for its dispute), or null. */
    matter(m: Pick<Matter, 'id' | 'orgUnitId' | 'raisedAt' | 'mergedInto' | 'closedAt'>): string | null {
      const buckets = matterBuckets(m);
      const rowId = buckets.length > 0 && inRange(m.raisedAt, range) ? plan.rowOf(m.orgUnitId) : null;
      if (!rowId) return null;
      for (const b of buckets) figuresOf(rowId).matters[b]++;
      if (wants('matters', rowId) && pick?.figure === 'matters' && buckets.includes(pick.bucket)) picked.push(m.id);
      return rowId;
    },
    /** The dispute of a matter counted on `rowId`. */
    dispute(d: Pick<Dispute, 'matterId' | 'outcome'>, rowId: string): void {
      if (!rows.has(rowId)) return;
      const buckets = disputeBuckets(d);
      for (const b of buckets) figuresOf(rowId).disputes[b]++;
      if (wants('disputes', rowId) && pick?.figure === 'disputes' && buckets.includes(pick.bucket))
        picked.push(d.matterId);
    },
    /** The 评议 of a decision of a counted meeting. */
    evaluation(e: Pick<Evaluation, 'decisionId' | 'meetingId' | 'rounds'>): void {
      const rowId = meetingRow.get(e.meetingId);
      const counts = rowId ? evaluationRatings(e) : null;
      if (!rowId || !counts) return;
      const r = figuresOf(rowId).ratings;
      r.evaluated++;
      r.satisfied += counts.satisfied;
      r.basic += counts.basic;
      r.unsatisfied += counts.unsatisfied;
      if (wants('ratings', rowId)) picked.push(e.decisionId);
    },
    /** The ids the pick asked for, in the order they were counted. */
    picked(): string[] {
      return picked;
    },
    result(): StatsResult {
      const total = emptyFigures();
      const out: StatsResult['rows'] = [];
      for (const row of plan.rows) {
        const figures = figuresOf(row.id);
        if (row.own && isEmptyFigures(figures)) continue;
        addFigures(total, figures);
        out.push({ row, figures });
      }
      return { rows: out, total };
    },
  };
}

export type StatsTally = ReturnType<typeof createTally>;
