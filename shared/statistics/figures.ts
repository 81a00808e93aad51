import { compareDates, type CalendarDate } from '../dates';
import type { Decision } from '../domain/decision';
import { MEETING_TYPES, type Attendance, type Meeting, type MeetingType } from '../domain/meeting';
import type { Matter } from '../domain/matter';
import { ROSTER_ROLES, type RosterRole } from '../domain/roles';
import type { Dispute } from '../matters/disputes';
import { lastRound, type Evaluation } from '../publicity/evaluation';
import type { RatingCounts } from '../publicity/satisfaction';

/**
 * The definitions of the statistics screen (issue #13), one bucket function per kind of record.
 * The screen's counts AND the lists behind them ask these same functions, so a count and the
 * records it opens never disagree.
 */

/** A meeting was held once it began (live) and was not cancelled; drafts are only planned. */
const HELD_STATUSES: ReadonlySet<Meeting['status']> = new Set(['live', 'closed', 'finalised', 'signed']);

export function isHeld(meeting: Pick<Meeting, 'status'>): boolean {
  return HELD_STATUSES.has(meeting.status);
}

/** The type a held meeting is counted under; null for a meeting not held. */
export function meetingBucket(meeting: Pick<Meeting, 'type' | 'status'>): MeetingType | null {
  return isHeld(meeting) ? meeting.type : null;
}

/**
 * 出席 · 请假 · 缺席: the states an attendance rate is made of. 列席 (attending without a vote)
 * and 已邀请 (invited, never signed in) are not part of it: 列席 people were not expected, and
 * an invitation of a meeting not yet held says nothing about attendance.
 */
export const COUNTED_ATTENDANCE = ['present', 'excused', 'absent'] as const;
export type CountedAttendance = (typeof COUNTED_ATTENDANCE)[number];

export function attendanceBucket(
  row: Pick<Attendance, 'category' | 'state'>,
): { role: RosterRole; state: CountedAttendance } | null {
  const state = COUNTED_ATTENDANCE.find((s) => s === row.state);
  return state ? { role: row.category, state } : null;
}

/**
 * Where a decision made in the period stands today: 按时完成 (the supervisor confirmed it on or
 * before its 完成时限 — the deadline day itself is on time) · 逾期完成 (confirmed after it) ·
 * 已完成（无确认日期）(marked done before confirmations were recorded: shared/followup/state.ts) ·
 * 已逾期 (not done, deadline passed) · 进行中 (not done, deadline today or later).
 */
export const DECISION_OUTCOMES = ['onTime', 'late', 'doneUndated', 'overdue', 'inProgress'] as const;
export type DecisionOutcome = (typeof DECISION_OUTCOMES)[number];

export function decisionOutcome(
  decision: Pick<Decision, 'deadline' | 'status'>,
  confirmedOn: CalendarDate | undefined,
  today: CalendarDate,
): DecisionOutcome {
  if (decision.status === 'done') {
    if (!confirmedOn) return 'doneUndated';
    return compareDates(confirmedOn, decision.deadline) <= 0 ? 'onTime' : 'late';
  }
  return compareDates(decision.deadline, today) < 0 ? 'overdue' : 'inProgress';
}

/**
 * 收集 (raised) and 办结 (solved) of a matter. A matter merged into another is not counted: its
 * raisers are kept on the matter it joined (alsoRaisedBy), which is counted once.
 */
export const MATTER_BUCKETS = ['raised', 'solved'] as const;
export type MatterBucket = (typeof MATTER_BUCKETS)[number];

export function matterBuckets(matter: Pick<Matter, 'mergedInto' | 'closedAt'>): MatterBucket[] {
  if (matter.mergedInto) return [];
  return matter.closedAt ? ['raised', 'solved'] : ['raised'];
}

/** 排查 (every dispute logged) and 化解 (调解成功 only), as shared/matters/disputes.ts rates them. */
export const DISPUTE_BUCKETS = ['logged', 'resolved'] as const;
export type DisputeBucket = (typeof DISPUTE_BUCKETS)[number];

export function disputeBuckets(dispute: Pick<Dispute, 'outcome'>): DisputeBucket[] {
  return dispute.outcome === 'success' ? ['logged', 'resolved'] : ['logged'];
}

/**
 * The ratings a decision's 评议 counts with: those of its latest round not withdrawn (after a
 * 整改 the 再次验收 replaces the failed round: the same people rate the same result again, and
 * counting both would count them twice). Null when no round stands.
 */
export function evaluationRatings(evaluation: Pick<Evaluation, 'rounds'>): RatingCounts | null {
  return lastRound(evaluation)?.counts ?? null;
}

export interface Figures {
  meetings: Record<MeetingType, number>;
  attendance: Record<RosterRole, Record<CountedAttendance, number>>;
  decisions: Record<DecisionOutcome, number>;
  matters: Record<MatterBucket, number>;
  disputes: Record<DisputeBucket, number>;
  /** Rated decisions and the ratings of their standing rounds. */
  ratings: RatingCounts & { evaluated: number };
}

const zeros = <K extends string>(keys: readonly K[]): Record<K, number> =>
  Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

export function emptyFigures(): Figures {
  return {
    meetings: zeros(MEETING_TYPES),
    attendance: Object.fromEntries(ROSTER_ROLES.map((r) => [r, zeros(COUNTED_ATTENDANCE)])) as Figures['attendance'],
    decisions: zeros(DECISION_OUTCOMES),
    matters: zeros(MATTER_BUCKETS),
    disputes: zeros(DISPUTE_BUCKETS),
    ratings: { evaluated: 0, satisfied: 0, basic: 0, unsatisfied: 0 },
  };
}

function addCounts<K extends string>(into: Record<K, number>, from: Readonly<Record<K, number>>): void {
  for (const key of Object.keys(from) as K[]) into[key] += from[key];
}

/** Adds `from` into `into` (the street's total row from its communities' rows). */
export function addFigures(into: Figures, from: Figures): void {
  addCounts(into.meetings, from.meetings);
  for (const role of ROSTER_ROLES) addCounts(into.attendance[role], from.attendance[role]);
  addCounts(into.decisions, from.decisions);
  addCounts(into.matters, from.matters);
  addCounts(into.disputes, from.disputes);
  addCounts(into.ratings, from.ratings);
}

/** Whether a row holds nothing at all (a street's own row without meetings or matters is left out). */
export function isEmptyFigures(f: Figures): boolean {
  const all = [
    ...Object.values(f.meetings),
    ...ROSTER_ROLES.flatMap((r) => Object.values(f.attendance[r])),
    ...Object.values(f.decisions),
    ...Object.values(f.matters),
    ...Object.values(f.disputes),
    f.ratings.evaluated,
  ];
  return all.every((n) => n === 0);
}
