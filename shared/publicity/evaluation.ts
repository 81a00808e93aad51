import { z } from 'zod';
import type { CodedRefusal } from '../codedRefusal';
import { calendarDateSchema, compareDates, isCalendarDate, momentSchema, type CalendarDate } from '../dates';
import { NAME_MAX, noticeState, type PublicNotice } from './notice';
import { dateRefusal, publicityRefusal, type PublicityRefusal } from './refusals';
import { satisfaction, ratingCountsSchema, tally, type RatingCounts, type Rating } from './satisfaction';

/**
 * 评议 and 整改 of one decision's result (群众评事). Resident representatives inspect the result and
 * rate it; the satisfaction rate (shared rule: ./satisfaction.ts) at or above the threshold passes,
 * below it a 整改 (rectification) task with a new deadline is opened, then a 再次验收 (second
 * inspection) rates again, which may again pass or fail. Each round's outcome is reported to the
 * 社区党委. One row per decision (table `evaluations`), rewritten whole by each action in one
 * transaction; a round is never deleted: withdrawing it keeps it, with the reason.
 *
 * The order, decided from domain.md ("群众评事": the result is published, THEN representatives
 * inspect and rate it): a round may be recorded only once the decision is confirmed done
 * (监督人确认) and its 结果公示 has begun, on or after its first day. The 公示 need not have
 * ended — representatives may inspect while it is up — but an objection not yet answered blocks
 * rating: it questions the very result being rated.
 */

const name = z.string().trim().min(1, '请填写姓名').max(NAME_MAX);

export const raterSchema = z.object({ name, rating: z.enum(['satisfied', 'basic', 'unsatisfied']) });

export const roundSchema = z.object({
  no: z.number().int().min(1),
  /** 评议 (the first) or 再次验收 (after a 整改). */
  kind: z.enum(['first', 'reinspection']),
  on: calendarDateSchema,
  by: name,
  counts: ratingCountsSchema,
  /** When rated person by person: the names (the counts are then their tally). */
  raters: z.array(raterSchema).max(500).optional(),
  /** The threshold in force that day (percent): a later change in 设置 does not alter a past verdict. */
  thresholdPercent: z.number().int().min(1).max(100),
  passed: z.boolean(),
  recordedAt: momentSchema,
  withdrawn: z.object({ reason: z.string().trim().min(1).max(300), by: name, at: momentSchema }).optional(),
});
export type EvaluationRound = z.infer<typeof roundSchema>;

export const rectificationSchema = z.object({
  afterRound: z.number().int().min(1),
  task: z.string().trim().min(1).max(500),
  responsible: name,
  deadline: calendarDateSchema,
  openedOn: calendarDateSchema,
  openedBy: name,
});
export type Rectification = z.infer<typeof rectificationSchema>;

export const reportSchema = z.object({ round: z.number().int().min(1), on: calendarDateSchema, by: name });
export type PartyReport = z.infer<typeof reportSchema>;

export const evaluationSchema = z.object({
  id: z.string().min(1),
  decisionId: z.string().min(1),
  meetingId: z.string().min(1),
  rounds: z.array(roundSchema).max(50),
  rectifications: z.array(rectificationSchema).max(50),
  reports: z.array(reportSchema).max(50),
  updatedAt: momentSchema,
});
export type Evaluation = z.infer<typeof evaluationSchema>;

/**
 * 待结果公示 · 有异议未答复 · 待评议 · 已通过 · 待整改 (failed, no task yet) · 整改中 (task open, 再次验收 due).
 */
export type EvaluationStage =
  'awaitingNotice' | 'objectionOpen' | 'toRate' | 'passed' | 'needsRectification' | 'rectifying';

export function activeRounds(e: Pick<Evaluation, 'rounds'> | null): EvaluationRound[] {
  return (e?.rounds ?? []).filter((r) => !r.withdrawn);
}

export function lastRound(e: Pick<Evaluation, 'rounds'> | null): EvaluationRound | undefined {
  return activeRounds(e).at(-1);
}

export function openRectification(e: Evaluation | null): Rectification | undefined {
  const last = lastRound(e);
  return last && !last.passed ? e?.rectifications.find((r) => r.afterRound === last.no) : undefined;
}

export function evaluationStage(
  e: Evaluation | null,
  resultNotice: PublicNotice | null,
  today: CalendarDate,
): EvaluationStage {
  const last = lastRound(e);
  if (last?.passed) return 'passed';
  if (last) return openRectification(e) ? 'rectifying' : 'needsRectification';
  if (!resultNotice || compareDates(today, resultNotice.startDate) < 0) return 'awaitingNotice';
  if (noticeState(resultNotice, today) === 'objectionOpen') return 'objectionOpen';
  return 'toRate';
}

export interface RateInput {
  on: string;
  by: string;
  /** Counts, or names with their ratings (then the counts are their tally). */
  counts?: RatingCounts;
  raters?: { name: string; rating: Rating }[];
  thresholdPercent: number;
}

export type EvaluationAction =
  | { kind: 'rate'; input: RateInput }
  | { kind: 'rectify'; input: Omit<Rectification, 'afterRound'> }
  | { kind: 'withdraw'; reason: string; by: string }
  | { kind: 'report'; on: string; by: string };

export interface EvaluationContext {
  /** Whether the decision is confirmed done (监督人确认). */
  decisionDone: boolean;
  resultNotice: PublicNotice | null;
  today: CalendarDate;
  now: Date;
}

/** The new record, or the refusal (its `message` is the Chinese sentence). */
export type EvaluationResult =
  { ok: true; evaluation: Evaluation } | { ok: false; message: string; refusal: CodedRefusal };

function refused(refusal: CodedRefusal): EvaluationResult {
  return { ok: false, message: refusal.message, refusal };
}
const refuse = (code: PublicityRefusal, values?: Record<string, string | number>) =>
  refused(publicityRefusal(code, values));

const STAGE_REFUSALS: Readonly<Record<Exclude<EvaluationStage, 'toRate' | 'rectifying'>, PublicityRefusal>> = {
  awaitingNotice: 'awaitingNotice',
  objectionOpen: 'objectionOpen',
  passed: 'passedAlready',
  needsRectification: 'needsRectification',
};

function rate(e: Evaluation, input: RateInput, ctx: EvaluationContext, stage: EvaluationStage): EvaluationResult {
  if (stage !== 'toRate' && stage !== 'rectifying') return refuse(STAGE_REFUSALS[stage]);
  const rect = openRectification(e);
  const notBefore = rect
    ? { date: rect.openedOn, what: 'rectifyStart' as const }
    : { date: ctx.resultNotice?.startDate ?? ctx.today, what: 'resultNoticeStart' as const };
  const bad = dateRefusal(input.on, 'rateDate', ctx.today, notBefore);
  if (bad) return refused(bad);
  if (!input.by.trim()) return refuse('rateByMissing');
  const raters = input.raters?.map((r) => ({ name: r.name.trim(), rating: r.rating }));
  if (raters?.some((r) => !r.name)) return refuse('raterNameMissing');
  if (raters && new Set(raters.map((r) => r.name)).size !== raters.length) return refuse('raterTwice');
  const counts = raters ? tally(raters) : input.counts;
  const verdict = counts ? satisfaction(counts, input.thresholdPercent) : null;
  if (!verdict) return refuse('ratingMissing');
  if (!verdict.ok) return refused(verdict.refusal);
  const round: EvaluationRound = {
    no: e.rounds.length + 1,
    kind: rect ? 'reinspection' : 'first',
    on: input.on as CalendarDate,
    by: input.by.trim(),
    counts: verdict.counts,
    ...(raters ? { raters } : {}),
    thresholdPercent: input.thresholdPercent,
    passed: verdict.passed,
    recordedAt: ctx.now.toISOString(),
  };
  return { ok: true, evaluation: { ...e, rounds: [...e.rounds, round] } };
}

function rectify(
  e: Evaluation,
  input: EvaluationAction & { kind: 'rectify' },
  ctx: EvaluationContext,
  stage: EvaluationStage,
): EvaluationResult {
  if (stage !== 'needsRectification') return refuse(stage === 'rectifying' ? 'rectifyingAlready' : 'rectifyNotNeeded');
  const last = lastRound(e)!;
  const r = input.input;
  const bad = dateRefusal(r.openedOn, 'rectifyStart', ctx.today, { date: last.on, what: 'rateDate' });
  if (bad) return refused(bad);
  if (!isCalendarDate(r.deadline)) return refused(publicityRefusal('dateInvalid', {}, { what: 'newDeadline' }));
  if (compareDates(r.deadline, r.openedOn) <= 0) return refuse('deadlineNotAfterStart');
  if (!r.task.trim()) return refuse('taskMissing');
  if (!r.responsible.trim()) return refuse('responsibleMissing');
  if (!r.openedBy.trim()) return refuse('openedByMissing');
  const rectification = {
    ...r,
    task: r.task.trim(),
    responsible: r.responsible.trim(),
    openedBy: r.openedBy.trim(),
    afterRound: last.no,
  };
  return { ok: true, evaluation: { ...e, rectifications: [...e.rectifications, rectification] } };
}

/**
 * Going back: the last round is withdrawn (kept, marked, with the reason), e.g. votes counted
 * wrongly. Not once a 整改 was opened on it or it was reported: those acted on it.
 */
function withdraw(e: Evaluation, reason: string, by: string, ctx: EvaluationContext): EvaluationResult {
  const last = lastRound(e);
  if (!last) return refuse('nothingToWithdraw');
  if (!reason.trim()) return refuse('withdrawReasonMissing');
  if (!by.trim()) return refuse('withdrawByMissing');
  if (e.rectifications.some((r) => r.afterRound === last.no)) return refuse('withdrawRectified');
  if (e.reports.some((r) => r.round === last.no)) return refuse('withdrawReported');
  const withdrawn = { reason: reason.trim().slice(0, 300), by: by.trim(), at: ctx.now.toISOString() };
  return { ok: true, evaluation: { ...e, rounds: e.rounds.map((r) => (r.no === last.no ? { ...r, withdrawn } : r)) } };
}

function report(e: Evaluation, on: string, by: string, ctx: EvaluationContext): EvaluationResult {
  const last = lastRound(e);
  if (!last) return refuse('reportNoRound');
  if (e.reports.some((r) => r.round === last.no)) return refuse('reportedAlready');
  const bad = dateRefusal(on, 'reportDate', ctx.today, { date: last.on, what: 'rateDate' });
  if (bad) return refused(bad);
  if (!by.trim()) return refuse('reportByMissing');
  return {
    ok: true,
    evaluation: { ...e, reports: [...e.reports, { round: last.no, on: on as CalendarDate, by: by.trim() }] },
  };
}

/** The one transition function of 评议 / 整改: the new record, or why the action is refused. */
export function applyEvaluation(e: Evaluation, action: EvaluationAction, ctx: EvaluationContext): EvaluationResult {
  if (!ctx.decisionDone) return refuse('notDone');
  const stage = evaluationStage(e.rounds.length > 0 ? e : null, ctx.resultNotice, ctx.today);
  const result = (() => {
    switch (action.kind) {
      case 'rate':
        return rate(e, action.input, ctx, stage);
      case 'rectify':
        return rectify(e, action, ctx, stage);
      case 'withdraw':
        return withdraw(e, action.reason, action.by, ctx);
      case 'report':
        return report(e, action.on, action.by, ctx);
    }
  })();
  return result.ok ? { ok: true, evaluation: { ...result.evaluation, updatedAt: ctx.now.toISOString() } } : result;
}

/** Whether the last round was reported to the 社区党委. */
export function lastRoundReported(e: Evaluation | null): boolean {
  const last = lastRound(e);
  return !!last && !!e?.reports.some((r) => r.round === last.no);
}
