import {
  decisionProblems,
  decisionSchema,
  type Decision,
  type DecisionDraft,
  type DecisionProblem,
} from '../../../shared/domain/decision';
import {
  householdConsultationSchema,
  voteResult,
  voteSchema,
  type HouseholdConsultation,
  type Vote,
} from '../../../shared/domain/vote';
import { meetingDay } from '../../../shared/dates';
import { newId } from '../../../shared/ids';
import type { YishiDb } from '../db';
import { requireEditable } from './meetingGuard';

export type DecisionOutcome = { ok: true; decision: Decision } | { ok: false; problems: DecisionProblem[] };

/** Saves a decision only with all four things the minutes must state. */
export async function saveDecision(
  db: YishiDb,
  meetingId: string,
  agendaItemId: string,
  draft: DecisionDraft & { id?: string },
  now = new Date(),
): Promise<DecisionOutcome> {
  return db.transaction('rw', db.meetings, db.decisions, async () => {
    const meeting = await requireEditable(db, meetingId, 'decisions');
    const problems = decisionProblems(draft, meetingDay(meeting));
    if (problems.length > 0) return { ok: false, problems };
    const existing = draft.id ? await db.decisions.get(draft.id) : undefined;
    const decision = decisionSchema.parse({
      id: existing?.id ?? newId(),
      meetingId,
      agendaItemId,
      title: draft.title,
      responsible: draft.responsible,
      standard: draft.standard,
      deadline: draft.deadline,
      supervisor: draft.supervisor,
      status: existing?.status ?? 'notStarted',
      createdAt: existing?.createdAt ?? now.toISOString(),
    });
    await db.decisions.put(decision);
    return { ok: true, decision };
  });
}

export async function deleteDecision(db: YishiDb, id: string): Promise<void> {
  await db.transaction('rw', db.meetings, db.decisions, async () => {
    const row = await db.decisions.get(id);
    if (!row) return;
    await requireEditable(db, row.meetingId, 'decisions');
    await db.decisions.delete(id);
  });
}

export type VoteDraft = Pick<Vote, 'subject' | 'method' | 'agree' | 'disagree' | 'abstain' | 'presentVoters'> & {
  id?: string;
};
export type VoteOutcome = { ok: true; vote: Vote } | { ok: false; problem: 'noVoters' | 'tooManyVotes' | 'invalid' };

/** A vote is stored with the meeting's rule; its result is always computed, never typed. */
export async function saveVote(
  db: YishiDb,
  meetingId: string,
  agendaItemId: string,
  draft: VoteDraft,
): Promise<VoteOutcome> {
  return db.transaction('rw', db.meetings, db.votes, async () => {
    const meeting = await requireEditable(db, meetingId, 'votes');
    const parsed = voteSchema.safeParse({
      ...draft,
      id: draft.id ?? newId(),
      meetingId,
      agendaItemId,
      threshold: meeting.passThreshold,
    });
    if (!parsed.success) return { ok: false, problem: 'invalid' };
    const check = voteResult(parsed.data);
    if (!check.ok) return { ok: false, problem: check.problem };
    await db.votes.put(parsed.data);
    return { ok: true, vote: parsed.data };
  });
}

export async function deleteVote(db: YishiDb, id: string): Promise<void> {
  await db.transaction('rw', db.meetings, db.votes, async () => {
    const row = await db.votes.get(id);
    if (!row) return;
    await requireEditable(db, row.meetingId, 'votes');
    await db.votes.delete(id);
  });
}

export type HouseholdDraft = Pick<
  HouseholdConsultation,
  'subject' | 'asked' | 'agreed' | 'disagreed' | 'notReached'
> & { id?: string };

export async function saveHouseholdConsultation(
  db: YishiDb,
  meetingId: string,
  agendaItemId: string,
  draft: HouseholdDraft,
): Promise<{ ok: true } | { ok: false; message: string }> {
  return db.transaction('rw', db.meetings, db.householdConsultations, async () => {
    await requireEditable(db, meetingId, 'votes');
    const parsed = householdConsultationSchema.safeParse({
      ...draft,
      id: draft.id ?? newId(),
      meetingId,
      agendaItemId,
    });
    if (!parsed.success) return { ok: false, message: parsed.error.issues[0]?.message ?? '' };
    await db.householdConsultations.put(parsed.data);
    return { ok: true };
  });
}
