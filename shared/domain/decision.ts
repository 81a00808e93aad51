import { z } from 'zod';
import { calendarDateSchema, compareDates, isCalendarDate, type CalendarDate } from '../dates';
import { partyRefSchema, sameParty, type PartyRef } from './party';
import { FOLLOWUP_STATES } from '../followup/state';

export { partyRefSchema, type PartyRef };

/** A decision's follow-up (督办) state: shared/followup/state.ts holds its rules. */
export const DECISION_STATUSES = FOLLOWUP_STATES;

/** 决定事项: every decision states 谁来干 · 干到什么标准 · 什么时间干完 · 谁来监督. */
export const decisionSchema = z.object({
  id: z.string().min(1),
  meetingId: z.string().min(1),
  agendaItemId: z.string().min(1),
  title: z.string().trim().min(1).max(200),
  responsible: partyRefSchema,
  standard: z.string().trim().min(1).max(1000),
  deadline: calendarDateSchema,
  supervisor: partyRefSchema,
  status: z.enum(DECISION_STATUSES),
  createdAt: z.string(),
});
export type Decision = z.infer<typeof decisionSchema>;

export type DecisionProblem =
  | 'titleMissing'
  | 'responsibleMissing'
  | 'standardMissing'
  | 'deadlineMissing'
  | 'deadlineInvalid'
  | 'deadlineBeforeMeeting'
  | 'supervisorMissing'
  | 'supervisorIsResponsible';

export interface DecisionDraft {
  title?: string;
  responsible?: PartyRef | null;
  standard?: string;
  deadline?: string;
  supervisor?: PartyRef | null;
}

/**
 * Lists what keeps a decision from being saved; an empty list means it can be saved. The one
 * set of rules for a decision: the form, 定稿's review and amendments all ask this function.
 * `meetingDay` is the meeting's calendar day (`meetingDay(meeting)` in shared/dates.ts).
 */
export function decisionProblems(draft: DecisionDraft, meetingDay: CalendarDate): DecisionProblem[] {
  const problems: DecisionProblem[] = [];
  if (!draft.title?.trim()) problems.push('titleMissing');
  if (!draft.responsible || !draft.responsible.name.trim()) problems.push('responsibleMissing');
  if (!draft.standard?.trim()) problems.push('standardMissing');
  if (!draft.deadline) problems.push('deadlineMissing');
  else if (!isCalendarDate(draft.deadline)) problems.push('deadlineInvalid');
  else if (compareDates(draft.deadline, meetingDay) < 0) problems.push('deadlineBeforeMeeting');
  if (!draft.supervisor || !draft.supervisor.name.trim()) problems.push('supervisorMissing');
  else if (draft.responsible && sameParty(draft.responsible, draft.supervisor))
    problems.push('supervisorIsResponsible');
  return problems;
}
