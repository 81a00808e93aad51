import { z } from 'zod';
import { addDaysRemembered, compareDates, momentSchema, type CalendarDate } from '../dates';
import type { PartyRef } from '../domain/party';

/**
 * 督办: where a decision's follow-up stands. Stored on the decision (`status`, outside the seal):
 * 未开始 → 进行中 (a progress note) → 待验收 (the responsible party reports it done) → 已完成 (ONLY
 * the supervisor's confirmation, 监督人确认). The supervisor may send a report back with a
 * reason (→ 进行中). 逾期 / 今天到期 / 即将到期 are never stored: they depend on today and are
 * computed by `followupTiming`.
 */
export const FOLLOWUP_STATES = ['notStarted', 'inProgress', 'reported', 'done'] as const;
export type FollowupState = (typeof FOLLOWUP_STATES)[number];

export const PROGRESS_KINDS = ['note', 'reportDone', 'confirm', 'return'] as const;
export type ProgressKind = (typeof PROGRESS_KINDS)[number];

export const PROGRESS_TEXT_MAX = 1000;
export const PROGRESS_BY_MAX = 30;

/**
 * One step of a decision's follow-up, kept beside the meeting's record (table `decisionProgress`),
 * never inside the seal: signing and 核验 do not see it. `attachments` is reserved for evidence
 * (photos, files) that a later version stores; today it is always absent.
 */
export const progressSchema = z.object({
  id: z.string().min(1),
  decisionId: z.string().min(1),
  meetingId: z.string().min(1),
  at: momentSchema,
  by: z.string().trim().min(1, '请填写是谁').max(PROGRESS_BY_MAX),
  kind: z.enum(PROGRESS_KINDS),
  text: z.string().trim().max(PROGRESS_TEXT_MAX),
  attachments: z.array(z.string().min(1)).max(20).optional(),
});
export type ProgressEvent = z.infer<typeof progressSchema>;

export type ProgressProblem =
  | 'byMissing'
  | 'textMissing'
  | 'textTooLong'
  | 'reasonMissing'
  | 'alreadyDone'
  | 'alreadyReported'
  | 'notReported'
  | 'notSupervisor';

export interface ProgressStep {
  kind: ProgressKind;
  by: string;
  text: string;
  /**
   * Confirming or sending back under a name other than the recorded supervisor's: allowed only
   * when the user has confirmed that name on purpose (someone acting for the supervisor).
   */
  otherThanSupervisor?: boolean;
}

export type StepResult = { ok: true; state: FollowupState } | { ok: false; problem: ProgressProblem };

/** What the supervisor's name must match: the name on the decision as it was recorded. */
export function isSupervisorName(supervisor: PartyRef, by: string): boolean {
  return supervisor.name.trim() === by.trim();
}

/** The one transition table of follow-up: the state after `step`, or why it is refused. */
export function applyStep(state: FollowupState, step: ProgressStep, supervisor: PartyRef): StepResult {
  const text = step.text.trim();
  if (!step.by.trim()) return { ok: false, problem: 'byMissing' };
  if (text.length > PROGRESS_TEXT_MAX) return { ok: false, problem: 'textTooLong' };
  if (state === 'done') return { ok: false, problem: 'alreadyDone' };
  switch (step.kind) {
    case 'note':
      if (!text) return { ok: false, problem: 'textMissing' };
      // A note on a reported decision is kept but does not undo the report.
      return { ok: true, state: state === 'notStarted' ? 'inProgress' : state };
    case 'reportDone':
      if (state === 'reported') return { ok: false, problem: 'alreadyReported' };
      return { ok: true, state: 'reported' };
    case 'confirm':
    case 'return': {
      if (state !== 'reported') return { ok: false, problem: 'notReported' };
      if (!isSupervisorName(supervisor, step.by) && !step.otherThanSupervisor)
        return { ok: false, problem: 'notSupervisor' };
      if (step.kind === 'confirm') return { ok: true, state: 'done' };
      if (!text) return { ok: false, problem: 'reasonMissing' };
      return { ok: true, state: 'inProgress' };
    }
  }
}

/** The actions the decision page offers in a state (the same table `applyStep` enforces). */
export function allowedKinds(state: FollowupState): readonly ProgressKind[] {
  if (state === 'done') return [];
  if (state === 'reported') return ['note', 'confirm', 'return'];
  return ['note', 'reportDone'];
}

/** A decision's state replayed from its events, oldest first (what the stored state must equal). */
export function replay(
  events: readonly Pick<ProgressEvent, 'kind' | 'by' | 'text'>[],
  supervisor: PartyRef,
): FollowupState {
  let state: FollowupState = 'notStarted';
  for (const e of events) {
    const next = applyStep(state, { ...e, otherThanSupervisor: true }, supervisor);
    if (next.ok) state = next.state;
  }
  return state;
}

export const DUE_SOON_DAYS = 3;

/** 逾期 · 今天到期 · 即将到期 (within 3 days) · 正常; a confirmed decision has no timing. */
export type FollowupTiming = 'overdue' | 'dueToday' | 'dueSoon' | 'onTrack' | 'none';

/**
 * The timing of a decision on `today` (shared/dates `today()`: the calendar day where the app
 * runs, China Standard Time for its users). The deadline is a calendar date: a decision due on
 * the 10th is overdue from the 11th, whatever the hour.
 */
export function followupTiming(deadline: CalendarDate, state: FollowupState, today: CalendarDate): FollowupTiming {
  if (state === 'done') return 'none';
  const cmp = compareDates(deadline, today);
  if (cmp < 0) return 'overdue';
  if (cmp === 0) return 'dueToday';
  // Calendar dates compare as text: due within 3 days is due on or before today + 3.
  return compareDates(deadline, addDaysRemembered(today, DUE_SOON_DAYS)) <= 0 ? 'dueSoon' : 'onTrack';
}

/** Counts towards the 督办 badge: what needs someone's attention today. */
export function needsAttention(timing: FollowupTiming): boolean {
  return timing === 'overdue' || timing === 'dueToday';
}

/**
 * Schema 1 stored open / done / overdue / rated. Version 2 maps them without inventing events:
 * open and overdue → 未开始 (no progress was ever recorded; 逾期 is now computed from the
 * deadline), done and rated → 已完成. No synthetic 监督人确认 is written: it would put a
 * supervisor's name on a confirmation nobody gave. The decision page says that such a decision
 * was marked done before confirmations were recorded (done without a confirm event).
 */
export const LEGACY_DECISION_STATUS: Readonly<Record<string, FollowupState>> = {
  open: 'notStarted',
  overdue: 'notStarted',
  done: 'done',
  rated: 'done',
};

/** A decision row of schema 1 as a row of schema 2; any other value passes unchanged (validation judges it). */
export function migrateDecisionStatus(row: unknown): unknown {
  if (typeof row !== 'object' || row === null) return row;
  const status = (row as { status?: unknown }).status;
  if (typeof status !== 'string' || !Object.hasOwn(LEGACY_DECISION_STATUS, status)) return row;
  return { ...row, status: LEGACY_DECISION_STATUS[status] };
}
