import { z } from 'zod';
import { calendarDateSchema, compareDates, isCalendarDate, momentSchema, type CalendarDate } from '../dates';
import { fillIn } from '../codedRefusal';

/**
 * The escalation ladder of a 上报件 (issue #12, shared/domain.md "五议一备两公开" and "Escalation
 * beyond the community"). A matter the compound cannot solve goes to the 社区党委, which runs
 * 五议一备两公开: 提议 → 商议 → 联议 → 审议 → 决议 → 备案 → 决议公开 → 结果公开. What the community
 * cannot solve goes further: a 街道专题联席会议, then 吹哨报到 (departments summoned).
 *
 * One ordered list of steps; the record keeps the steps taken so far as a prefix of that list, so
 * "in order" is a property of the stored shape itself. A step is either done (date, participants,
 * outcome) or skipped with a reason; going back withdraws the later steps with a reason and keeps
 * them on record (`withdrawn`), so nothing recorded is ever lost.
 */
export const LADDER_STEPS = [
  'proposal', // 提议
  'consultation', // 商议
  'jointConsultation', // 联议
  'review', // 审议
  'resolution', // 决议
  'filing', // 备案
  'resolutionPublic', // 决议公开
  'resultPublic', // 结果公开
  'streetJoint', // 街道专题联席会议
  'summons', // 吹哨报到
] as const;
export type LadderStep = (typeof LADDER_STEPS)[number];

/** The community's own procedure (五议一备两公开); the two after it are the sub-district's and the district's. */
export const COMMUNITY_STEPS: readonly LadderStep[] = LADDER_STEPS.slice(0, 8);

export const LADDER_STEP_LABELS: Readonly<Record<LadderStep, string>> = {
  proposal: '提议',
  consultation: '商议',
  jointConsultation: '联议',
  review: '审议',
  resolution: '决议',
  filing: '备案',
  resolutionPublic: '决议公开',
  resultPublic: '结果公开',
  streetJoint: '街道专题联席会议',
  summons: '吹哨报到',
};

/** Who does each step, as the report words it (shown under the step). */
export const LADDER_STEP_ACTORS: Readonly<Record<LadderStep, string>> = {
  proposal: '社区党组织提议',
  consultation: '社区“两委”班子商议',
  jointConsultation: '社区与驻区单位联议',
  review: '党员大会或居民代表会议审议',
  resolution: '集体决议',
  filing: '向街道党工委书面备案',
  resolutionPublic: '向全体居民公开决议',
  resultPublic: '向全体居民公开实施结果',
  streetJoint: '街道党工委召开专题联席会议',
  summons: '社区吹哨、部门报到',
};

export const LADDER_LIMITS = {
  participants: 200,
  participant: 60,
  outcome: 2000,
  reason: 1000,
  meetingNote: 200,
  by: 30,
  withdrawn: 500,
} as const;

const text = (max: number) => z.string().trim().max(max);

export const ladderEntrySchema = z.object({
  step: z.enum(LADDER_STEPS),
  mode: z.enum(['done', 'skipped']),
  /** The calendar day the step was taken (or the skip decided), China Standard Time as everywhere. */
  date: calendarDateSchema,
  participants: z.array(text(LADDER_LIMITS.participant).min(1)).max(LADDER_LIMITS.participants),
  outcome: text(LADDER_LIMITS.outcome),
  /** Why the step was skipped; required when skipped. */
  reason: text(LADDER_LIMITS.reason).optional(),
  /** The meeting that did the step, when the app holds it. */
  meetingId: z.string().min(1).optional(),
  /** The meeting in words, when it is not in the app (e.g. 街道专题联席会议 held at the 街道). */
  meetingNote: text(LADDER_LIMITS.meetingNote).optional(),
  recordedAt: momentSchema,
  recordedBy: text(LADDER_LIMITS.by).min(1),
});
export type LadderEntry = z.infer<typeof ladderEntrySchema>;

export const withdrawnEntrySchema = ladderEntrySchema.extend({
  withdrawnAt: momentSchema,
  withdrawnBy: text(LADDER_LIMITS.by).min(1),
  withdrawReason: text(LADDER_LIMITS.reason).min(1),
});
export type WithdrawnEntry = z.infer<typeof withdrawnEntrySchema>;

export const escalationSchema = z
  .object({
    id: z.string().min(1),
    matterId: z.string().min(1),
    /** The matter's unit, copied so the ladder can be listed by community without reading matters. */
    orgUnitId: z.string().min(1),
    openedAt: momentSchema,
    openedBy: text(LADDER_LIMITS.by).min(1),
    steps: z.array(ladderEntrySchema).max(LADDER_STEPS.length),
    withdrawn: z.array(withdrawnEntrySchema).max(LADDER_LIMITS.withdrawn),
    updatedAt: momentSchema,
  })
  .superRefine((row, ctx) => {
    const problem = storedLadderProblem(row.steps);
    if (problem) ctx.addIssue({ code: 'custom', path: ['steps'], message: problem });
  });
export type Escalation = z.infer<typeof escalationSchema>;

/** Why a stored list of steps breaks the ladder's rules (order, skip reasons, dates), or null. */
export function storedLadderProblem(steps: readonly LadderEntry[]): string | null {
  for (const [i, entry] of steps.entries()) {
    if (entry.step !== LADDER_STEPS[i]) return '上报步骤的顺序不正确';
    if (entry.mode === 'skipped' && !entry.reason) return `跳过“${LADDER_STEP_LABELS[entry.step]}”没有写明原因`;
    const previous = steps[i - 1];
    if (previous && compareDates(entry.date, previous.date) < 0)
      return `“${LADDER_STEP_LABELS[entry.step]}”的日期早于上一步`;
  }
  return null;
}

/** The step to take next, or null when every step has been taken or skipped. */
export function nextLadderStep(steps: readonly Pick<LadderEntry, 'step'>[]): LadderStep | null {
  return LADDER_STEPS[steps.length] ?? null;
}

export type LadderProblem =
  | 'complete'
  | 'alreadyRecorded'
  | 'earlierStepOpen'
  | 'byMissing'
  | 'dateInvalid'
  | 'dateBeforePrevious'
  | 'dateBeforeRaised'
  | 'dateInFuture'
  | 'participantsMissing'
  | 'tooManyParticipants'
  | 'participantTooLong'
  | 'outcomeMissing'
  | 'outcomeTooLong'
  | 'reasonMissing'
  | 'reasonTooLong'
  | 'meetingNoteTooLong'
  | 'notRecorded';

/** The sentence each problem shows; `{step}` / `{date}` are filled in by `ladderProblemText`. */
export const LADDER_PROBLEMS_ZH: Readonly<Record<LadderProblem, string>> = {
  complete: '上报与协调的各个步骤都已完成',
  alreadyRecorded: '“{step}”已经记录过了；如需重新办理，请先退回到这一步并写明原因',
  earlierStepOpen: '请先完成“{step}”，或写明原因后跳过它',
  byMissing: '请填写记录人',
  dateInvalid: '日期不正确，请选择日期',
  dateBeforePrevious: '日期不能早于上一步（{date}）',
  dateBeforeRaised: '日期不能早于事项登记的日期（{date}）',
  dateInFuture: '日期不能晚于今天',
  participantsMissing: '请填写参加人员（至少一人或一个单位）',
  tooManyParticipants: '参加人员最多200个',
  participantTooLong: '每个参加人员的名称不能超过60个字',
  outcomeMissing: '请填写办理结果',
  outcomeTooLong: '办理结果不能超过2000个字',
  reasonMissing: '跳过或退回必须写明原因',
  reasonTooLong: '原因不能超过1000个字',
  meetingNoteTooLong: '会议说明不能超过200个字',
  notRecorded: '只能退回到已经记录的步骤',
};

export interface LadderIssue {
  problem: LadderProblem;
  step?: LadderStep;
  date?: CalendarDate;
}

/** A problem as the sentence the screen shows (the Chinese words; screens may translate the code). */
export function ladderProblemText(issue: LadderIssue): string {
  return fillIn(LADDER_PROBLEMS_ZH[issue.problem], {
    step: issue.step ? LADDER_STEP_LABELS[issue.step] : '',
    date: issue.date ?? '',
  });
}

export interface LadderStepInput {
  step: LadderStep;
  mode: 'done' | 'skipped';
  date: string;
  participants: readonly string[];
  outcome: string;
  reason?: string;
  meetingId?: string;
  meetingNote?: string;
  by: string;
}

export interface LadderContext {
  /** The moment the step is recorded (stored as recordedAt). */
  now: string;
  /** Today's calendar day (a step cannot be dated later). */
  today: CalendarDate;
  /** The day the matter was raised: no step of its ladder can come before it. */
  raisedAt: CalendarDate;
}

export type LadderResult = { ok: true; escalation: Escalation } | { ok: false; issues: LadderIssue[] };

/** The cleaned participant list: trimmed, blanks and repeats dropped, order kept. */
export function cleanParticipants(list: readonly string[]): string[] {
  return [...new Set(list.map((p) => p.trim()).filter((p) => p !== ''))];
}

function entryIssues(input: LadderStepInput, steps: readonly LadderEntry[], ctx: LadderContext): LadderIssue[] {
  const issues: LadderIssue[] = [];
  const participants = cleanParticipants(input.participants);
  if (!input.by.trim()) issues.push({ problem: 'byMissing' });
  if (!isCalendarDate(input.date)) issues.push({ problem: 'dateInvalid' });
  else {
    const previous = steps.at(-1);
    if (previous && compareDates(input.date, previous.date) < 0)
      issues.push({ problem: 'dateBeforePrevious', date: previous.date });
    else if (compareDates(input.date, ctx.raisedAt) < 0)
      issues.push({ problem: 'dateBeforeRaised', date: ctx.raisedAt });
    if (compareDates(input.date, ctx.today) > 0) issues.push({ problem: 'dateInFuture' });
  }
  if (input.mode === 'done') {
    if (participants.length === 0) issues.push({ problem: 'participantsMissing' });
    if (!input.outcome.trim()) issues.push({ problem: 'outcomeMissing' });
  } else if (!input.reason?.trim()) issues.push({ problem: 'reasonMissing' });
  if (participants.length > LADDER_LIMITS.participants) issues.push({ problem: 'tooManyParticipants' });
  if (participants.some((p) => [...p].length > LADDER_LIMITS.participant))
    issues.push({ problem: 'participantTooLong' });
  if (input.outcome.trim().length > LADDER_LIMITS.outcome) issues.push({ problem: 'outcomeTooLong' });
  if ((input.reason?.trim().length ?? 0) > LADDER_LIMITS.reason) issues.push({ problem: 'reasonTooLong' });
  if ((input.meetingNote?.trim().length ?? 0) > LADDER_LIMITS.meetingNote)
    issues.push({ problem: 'meetingNoteTooLong' });
  return issues;
}

/**
 * Records the next step of the ladder (done or skipped). Refused: a step out of order (an earlier
 * one still open, or this one already recorded), a skip without a reason, a date before the
 * previous step's or the matter's, a date after today, a done step without participants or
 * outcome. Returns the escalation as it is to be stored.
 */
export function recordLadderStep(escalation: Escalation, input: LadderStepInput, ctx: LadderContext): LadderResult {
  const next = nextLadderStep(escalation.steps);
  if (next === null) return { ok: false, issues: [{ problem: 'complete' }] };
  if (input.step !== next) {
    const recorded = escalation.steps.some((s) => s.step === input.step);
    return {
      ok: false,
      issues: [
        recorded ? { problem: 'alreadyRecorded', step: input.step } : { problem: 'earlierStepOpen', step: next },
      ],
    };
  }
  const issues = entryIssues(input, escalation.steps, ctx);
  if (issues.length > 0) return { ok: false, issues };
  const reason = input.reason?.trim();
  const meetingNote = input.meetingNote?.trim();
  const entry: LadderEntry = {
    step: input.step,
    mode: input.mode,
    date: input.date as CalendarDate,
    participants: cleanParticipants(input.participants),
    outcome: input.outcome.trim(),
    ...(reason ? { reason } : {}),
    ...(input.meetingId ? { meetingId: input.meetingId } : {}),
    ...(meetingNote ? { meetingNote } : {}),
    recordedAt: ctx.now,
    recordedBy: input.by.trim(),
  };
  return { ok: true, escalation: { ...escalation, steps: [...escalation.steps, entry], updatedAt: ctx.now } };
}

/**
 * Goes back to `step` (退回): that step and every later one are withdrawn with the reason and kept
 * in `withdrawn`; the ladder continues from `step`. Only a recorded step can be gone back to.
 */
export function goBackTo(
  escalation: Escalation,
  step: LadderStep,
  reason: string,
  by: string,
  now: string,
): LadderResult {
  const index = escalation.steps.findIndex((s) => s.step === step);
  if (index < 0) return { ok: false, issues: [{ problem: 'notRecorded' }] };
  if (!by.trim()) return { ok: false, issues: [{ problem: 'byMissing' }] };
  if (!reason.trim()) return { ok: false, issues: [{ problem: 'reasonMissing' }] };
  if (reason.trim().length > LADDER_LIMITS.reason) return { ok: false, issues: [{ problem: 'reasonTooLong' }] };
  const withdrawn = escalation.steps
    .slice(index)
    .map((s) => ({ ...s, withdrawnAt: now, withdrawnBy: by.trim(), withdrawReason: reason.trim() }));
  // The oldest withdrawals give way first when the (generous) cap is reached: the steps in force never do.
  const kept = [...escalation.withdrawn, ...withdrawn].slice(-LADDER_LIMITS.withdrawn);
  return {
    ok: true,
    escalation: { ...escalation, steps: escalation.steps.slice(0, index), withdrawn: kept, updatedAt: now },
  };
}

export type LadderStepState = 'done' | 'skipped' | 'current' | 'waiting';

/** Each step of the ladder with its state, for the matter page's Steps. */
export function ladderView(
  steps: readonly LadderEntry[],
): { step: LadderStep; state: LadderStepState; entry?: LadderEntry }[] {
  const next = nextLadderStep(steps);
  return LADDER_STEPS.map((step, i) => {
    const entry = steps[i];
    if (entry) return { step, state: entry.mode, entry };
    return { step, state: step === next ? 'current' : 'waiting' };
  });
}

/** The 吹哨报到 step done: departments may now be given tasks. */
export function summonsEntry(steps: readonly LadderEntry[]): LadderEntry | undefined {
  return steps.find((s) => s.step === 'summons' && s.mode === 'done');
}

/** A step as the matter's timeline words it (the record's own words, Chinese in every locale). */
export function ladderEventNote(entry: LadderEntry): string {
  const label = LADDER_STEP_LABELS[entry.step];
  if (entry.mode === 'skipped') return `${label}（跳过）：${entry.reason ?? ''}`;
  const who = entry.participants.length ? `；参加：${entry.participants.join('、')}` : '';
  return `${label}：${entry.outcome}${who}`.slice(0, 2000);
}
