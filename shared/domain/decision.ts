import { z } from 'zod';
import { isoDate } from './meeting';
import { partyRefSchema, sameParty, type PartyRef } from './party';

export { partyRefSchema, type PartyRef };

export const DECISION_STATUSES = ['open', 'done', 'overdue', 'rated'] as const;

/** 决定事项: every decision states 谁来干 · 干到什么标准 · 什么时间干完 · 谁来监督. */
export const decisionSchema = z.object({
  id: z.string().min(1),
  meetingId: z.string().min(1),
  agendaItemId: z.string().min(1),
  title: z.string().trim().min(1).max(200),
  responsible: partyRefSchema,
  standard: z.string().trim().min(1).max(1000),
  deadline: isoDate,
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

/** Lists what keeps a decision from being saved; an empty list means it can be saved. */
export function decisionProblems(draft: DecisionDraft, meetingDate: string): DecisionProblem[] {
  const problems: DecisionProblem[] = [];
  if (!draft.title?.trim()) problems.push('titleMissing');
  if (!draft.responsible || !draft.responsible.name.trim()) problems.push('responsibleMissing');
  if (!draft.standard?.trim()) problems.push('standardMissing');
  if (!draft.deadline) problems.push('deadlineMissing');
  else if (!isoDate.safeParse(draft.deadline).success || Number.isNaN(Date.parse(draft.deadline)))
    problems.push('deadlineInvalid');
  else if (draft.deadline < meetingDate.slice(0, 10)) problems.push('deadlineBeforeMeeting');
  if (!draft.supervisor || !draft.supervisor.name.trim()) problems.push('supervisorMissing');
  else if (draft.responsible && sameParty(draft.responsible, draft.supervisor))
    problems.push('supervisorIsResponsible');
  return problems;
}
