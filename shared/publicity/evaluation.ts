import { z } from 'zod';
import { calendarDateSchema, compareDates, isCalendarDate, momentSchema, type CalendarDate } from '../dates';
import { NAME_MAX, noticeState, type PublicNotice } from './notice';
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

export type EvaluationResult = { ok: true; evaluation: Evaluation } | { ok: false; message: string };

const STAGE_REFUSALS: Readonly<Record<EvaluationStage, string>> = {
  awaitingNotice: '结果公示开始后才能组织评议',
  objectionOpen: '结果公示还有异议未答复，答复后才能评议',
  toRate: '',
  passed: '评议已经通过，不需要再次评议',
  needsRectification: '满意度未达标，请先安排整改（写明整改任务和新的完成时限），整改后再次验收',
  rectifying: '',
};

function dateProblem(
  value: string,
  what: string,
  today: CalendarDate,
  notBefore?: { date: CalendarDate; what: string },
) {
  if (!isCalendarDate(value)) return `${what}不是有效日期`;
  if (compareDates(value, today) > 0) return `${what}不能晚于今天`;
  if (notBefore && compareDates(value, notBefore.date) < 0)
    return `${what}不能早于${notBefore.what}（${notBefore.date}）`;
  return null;
}

function rate(e: Evaluation, input: RateInput, ctx: EvaluationContext, stage: EvaluationStage): EvaluationResult {
  if (stage !== 'toRate' && stage !== 'rectifying') return { ok: false, message: STAGE_REFUSALS[stage] };
  const rect = openRectification(e);
  const notBefore = rect
    ? { date: rect.openedOn, what: '整改开始日期' }
    : { date: ctx.resultNotice?.startDate ?? ctx.today, what: '结果公示开始日期' };
  const bad = dateProblem(input.on, '评议日期', ctx.today, notBefore);
  if (bad) return { ok: false, message: bad };
  if (!input.by.trim()) return { ok: false, message: '请填写组织评议的人' };
  const raters = input.raters?.map((r) => ({ name: r.name.trim(), rating: r.rating }));
  if (raters?.some((r) => !r.name)) return { ok: false, message: '逐人评议时每一行都要写姓名' };
  if (raters && new Set(raters.map((r) => r.name)).size !== raters.length)
    return { ok: false, message: '同一人只能评议一次（姓名重复）' };
  const counts = raters ? tally(raters) : input.counts;
  const verdict = counts ? satisfaction(counts, input.thresholdPercent) : null;
  if (!verdict || !verdict.ok) return { ok: false, message: verdict?.message ?? '请填写评议结果' };
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
  if (stage !== 'needsRectification')
    return { ok: false, message: stage === 'rectifying' ? '整改已经安排，请再次验收' : '只有满意度未达标时才安排整改' };
  const last = lastRound(e)!;
  const r = input.input;
  const bad = dateProblem(r.openedOn, '整改开始日期', ctx.today, { date: last.on, what: '评议日期' });
  if (bad) return { ok: false, message: bad };
  if (!isCalendarDate(r.deadline)) return { ok: false, message: '新的完成时限不是有效日期' };
  if (compareDates(r.deadline, r.openedOn) <= 0) return { ok: false, message: '新的完成时限应晚于整改开始日期' };
  if (!r.task.trim()) return { ok: false, message: '请写明整改任务（整改什么、达到什么标准）' };
  if (!r.responsible.trim()) return { ok: false, message: '请填写整改责任人' };
  if (!r.openedBy.trim()) return { ok: false, message: '请填写是谁安排的整改' };
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
  if (!last) return { ok: false, message: '还没有评议记录，无可撤回' };
  if (!reason.trim()) return { ok: false, message: '撤回评议必须写明原因' };
  if (!by.trim()) return { ok: false, message: '请填写是谁撤回' };
  if (e.rectifications.some((r) => r.afterRound === last.no))
    return { ok: false, message: '这次评议已经据此安排了整改，不能撤回' };
  if (e.reports.some((r) => r.round === last.no)) return { ok: false, message: '这次评议结果已经报社区党委，不能撤回' };
  const withdrawn = { reason: reason.trim().slice(0, 300), by: by.trim(), at: ctx.now.toISOString() };
  return { ok: true, evaluation: { ...e, rounds: e.rounds.map((r) => (r.no === last.no ? { ...r, withdrawn } : r)) } };
}

function report(e: Evaluation, on: string, by: string, ctx: EvaluationContext): EvaluationResult {
  const last = lastRound(e);
  if (!last) return { ok: false, message: '评议之后才能报社区党委' };
  if (e.reports.some((r) => r.round === last.no)) return { ok: false, message: '这次评议结果已经报过社区党委' };
  const bad = dateProblem(on, '上报日期', ctx.today, { date: last.on, what: '评议日期' });
  if (bad) return { ok: false, message: bad };
  if (!by.trim()) return { ok: false, message: '请填写上报人' };
  return {
    ok: true,
    evaluation: { ...e, reports: [...e.reports, { round: last.no, on: on as CalendarDate, by: by.trim() }] },
  };
}

/** The one transition function of 评议 / 整改: the new record, or why the action is refused. */
export function applyEvaluation(e: Evaluation, action: EvaluationAction, ctx: EvaluationContext): EvaluationResult {
  if (!ctx.decisionDone) return { ok: false, message: '决定事项经监督人确认完成后才能公示结果和评议' };
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
