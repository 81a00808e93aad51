import type { Decision, PartyRef } from '../domain/decision';
import type { Person } from '../domain/person';
import { addDays } from './builders';
import { ref } from './demoCompounds';
import type { DemoMeetingMatter } from './demoMatters';
import type { ConsultationPlan, DecisionPlan, ItemPlan, VotePlan } from './demoMeeting';

/**
 * What the hand-written demo cases (demoCases.ts, demoNorthGate.ts) are written with: the
 * meeting they are in, and decisions and votes stated the way the minutes state them.
 */

export interface CaseContext {
  /** The meeting day and today (YYYY-MM-DD). */
  day: string;
  today: string;
  /** Invited, present (signed in) and voters (present, not 列席). */
  invited: number;
  present: number;
  voters: number;
  person(name: string): Person;
  matterId(key: DemoMeetingMatter): string;
}

export interface RedBenchCase {
  /** Slug of the compound (its org unit is `demo-org-<slug>`). */
  compound: string;
  daysAgo: number;
  hour: number;
  minute: number;
  plannedMinutes: number;
  place: string;
  /** Who is invited, in sign-in order: the compound's standing roles and the parties concerned. */
  invited: string[];
  /** Who did not come (请假 / 缺席), or sat in without a vote (列席). */
  away: Record<string, 'excused' | 'absent' | 'nonVoting'>;
  items(ctx: CaseContext): ItemPlan[];
}

export type Party = Person | string;
const party = (p: Party): PartyRef => (typeof p === 'string' ? { kind: 'text', name: p } : ref(p));

/**
 * A decision due `days` after the meeting. Once the deadline has passed its follow-up stands at
 * `after` (已完成, or 进行中 when late); until then it is not started.
 */
export function decide(
  ctx: CaseContext,
  d: { title: string; who: Party; standard: string; days: number; supervisor: Party; after: Decision['status'] },
): DecisionPlan {
  const deadline = addDays(ctx.day, d.days);
  return {
    title: d.title,
    responsible: party(d.who),
    standard: d.standard,
    deadline,
    supervisor: party(d.supervisor),
    status: deadline < ctx.today ? d.after : 'notStarted',
  };
}

/** A show of hands of everyone with a vote: all agree but `disagree` and `abstain`. */
export function handVote(ctx: CaseContext, subject: string, disagree: number, abstain: number): VotePlan {
  return {
    subject,
    method: 'showOfHands',
    agree: ctx.voters - disagree - abstain,
    disagree,
    abstain,
    presentVoters: ctx.voters,
  };
}

export function voteLine(ctx: CaseContext, v: VotePlan): string {
  return `举手表决${v.subject}：应到${ctx.invited}人，实到${ctx.present}人，有表决权${v.presentVoters}人；同意${v.agree}人，反对${v.disagree}人，弃权${v.abstain}人，通过。`;
}

export const consultation = (c: ConsultationPlan): ConsultationPlan => c;
