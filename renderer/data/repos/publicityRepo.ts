import type { CodedRefusal } from '../../../shared/codedRefusal';
import { correctNotice, type CorrectionInput } from '../../../shared/publicity/correction';
import { dayOf, meetingDay, today as todayOf, type CalendarDate } from '../../../shared/dates';
import type { Decision } from '../../../shared/domain/decision';
import type { Meeting } from '../../../shared/domain/meeting';
import { newId } from '../../../shared/ids';
import {
  answerProblem,
  noticeEnd,
  objectionProblem,
  postProblem,
  publicNoticeSchema,
  type AnswerInput,
  type ObjectionInput,
  type PostInput,
  type PublicityKind,
  type PublicNotice,
} from '../../../shared/publicity/notice';
import {
  applyEvaluation,
  evaluationSchema,
  type Evaluation,
  type EvaluationAction,
} from '../../../shared/publicity/evaluation';
import { publicityRefusal, type PublicityPhrase, type PublicityRefusal } from '../../../shared/publicity/refusals';
import type { ProgressEvent } from '../../../shared/followup/state';
import type { ResultNoticeInput } from '../../../shared/documents/resultNotice';
import type { YishiDb } from '../db';
import { loadMeetingRecord } from './meetingRepo';

/**
 * 公示 and 评议 of a decision: each action reads what it acts on and writes it back in ONE
 * transaction, judged by the pure rules of shared/publicity against what is found inside it.
 */

/** Done, or refused: `message` is the Chinese sentence; `refusal` (when the rules refused) lets a screen word it in its locale. */
export type Outcome<T> = { ok: true; value: T } | { ok: false; message: string; refusal?: CodedRefusal };

function refused(refusal: CodedRefusal): { ok: false; message: string; refusal: CodedRefusal } {
  return { ok: false, message: refusal.message, refusal };
}
const refuse = (code: PublicityRefusal) => refused(publicityRefusal(code));

export interface DecisionPublicity {
  /** The meeting's 决议公示, if posted. */
  resolutionNotice: PublicNotice | null;
  /** This decision's 结果公示, if posted. */
  resultNotice: PublicNotice | null;
  evaluation: Evaluation | null;
  /** The day the supervisor confirmed it done, or null (not done, or done before confirmations were recorded). */
  confirmedOn: CalendarDate | null;
}

export async function loadPublicity(db: YishiDb, decisionId: string): Promise<DecisionPublicity | null> {
  return db.transaction('r', [db.decisions, db.publicNotices, db.evaluations, db.decisionProgress], async () => {
    const decision = await db.decisions.get(decisionId);
    if (!decision) return null;
    const resolutionNotice =
      (await db.publicNotices
        .where('meetingId')
        .equals(decision.meetingId)
        .filter((n) => n.kind === 'resolution')
        .first()) ?? null;
    const resultNotice = (await db.publicNotices.where('decisionId').equals(decisionId).first()) ?? null;
    const evaluation = (await db.evaluations.where('decisionId').equals(decisionId).first()) ?? null;
    const steps = await db.decisionProgress.where('decisionId').equals(decisionId).toArray();
    return { resolutionNotice, resultNotice, evaluation, confirmedOn: confirmedOn(decision, steps) };
  });
}

function confirmedOn(decision: Decision, steps: readonly ProgressEvent[]): CalendarDate | null {
  if (decision.status !== 'done') return null;
  const confirm = steps
    .filter((s) => s.kind === 'confirm')
    .sort((a, b) => a.at.localeCompare(b.at))
    .at(-1);
  return confirm ? dayOf(confirm.at) : null;
}

/** The first day a notice may begin, and its name for a refusal. */
function earliestDay(
  kind: PublicityKind,
  meeting: Meeting,
  done: CalendarDate | null,
): [CalendarDate, PublicityPhrase] {
  if (kind === 'resolution' || !done) return [meetingDay(meeting), 'meetingDay'];
  return [done, 'confirmedDay'];
}

/**
 * Posts the meeting's 决议公示 (kind 'resolution': after 定稿, once per meeting) or the decision's
 * 结果公示 (kind 'result': only for a decision the supervisor confirmed done, once per decision).
 */
export async function postNotice(
  db: YishiDb,
  decisionId: string,
  kind: PublicityKind,
  input: PostInput,
  now = new Date(),
): Promise<Outcome<PublicNotice>> {
  return db.transaction('rw', [db.meetings, db.decisions, db.publicNotices, db.decisionProgress], async () => {
    const decision = await db.decisions.get(decisionId);
    const meeting = decision ? await db.meetings.get(decision.meetingId) : undefined;
    if (!decision || !meeting) return refuse('decisionMissing');
    if (kind === 'resolution' && meeting.status !== 'finalised' && meeting.status !== 'signed')
      return refuse('notFinalised');
    if (kind === 'result' && decision.status !== 'done') return refuse('resultNotDone');
    const existing =
      kind === 'resolution'
        ? await db.publicNotices
            .where('meetingId')
            .equals(meeting.id)
            .filter((n) => n.kind === 'resolution')
            .first()
        : await db.publicNotices.where('decisionId').equals(decisionId).first();
    if (existing) return refuse(kind === 'resolution' ? 'resolutionPosted' : 'resultPosted');
    const steps = await db.decisionProgress.where('decisionId').equals(decisionId).toArray();
    const [earliest, what] = earliestDay(kind, meeting, confirmedOn(decision, steps));
    const problem = postProblem(input, earliest, what);
    if (problem) return refused(problem);
    const start = input.startDate as CalendarDate;
    const parsed = publicNoticeSchema.safeParse({
      id: newId(),
      kind,
      meetingId: meeting.id,
      ...(kind === 'result' ? { decisionId } : {}),
      places: [...input.places],
      startDate: start,
      days: input.days,
      endDate: noticeEnd(start, input.days),
      postedBy: input.postedBy.trim(),
      recordedAt: now.toISOString(),
      objections: [],
    });
    if (!parsed.success) return { ok: false, message: parsed.error.issues[0]?.message ?? '公示内容不符合要求' };
    await db.publicNotices.add(parsed.data);
    return { ok: true, value: parsed.data };
  });
}

async function changeNotice(
  db: YishiDb,
  noticeId: string,
  change: (n: PublicNotice) => PublicNotice | CodedRefusal,
): Promise<Outcome<PublicNotice>> {
  return db.transaction('rw', db.publicNotices, async () => {
    const notice = await db.publicNotices.get(noticeId);
    if (!notice) return refuse('noticeMissing');
    const next = change(notice);
    if ('code' in next) return refused(next);
    const parsed = publicNoticeSchema.safeParse(next);
    if (!parsed.success) return { ok: false, message: parsed.error.issues[0]?.message ?? '内容不符合要求' };
    await db.publicNotices.put(parsed.data);
    return { ok: true, value: parsed.data };
  });
}

/** 收到异议: who, what, when. */
export function addObjection(db: YishiDb, noticeId: string, input: ObjectionInput, today = todayOf()) {
  return changeNotice(db, noticeId, (n) => {
    const problem = objectionProblem(n, input, today);
    if (problem) return problem;
    const objection = {
      id: newId(),
      by: input.by.trim(),
      text: input.text.trim(),
      receivedOn: input.receivedOn as CalendarDate,
    };
    return { ...n, objections: [...n.objections, objection] };
  });
}

/** 更正公示: places or period of a notice not ended, with the change recorded (shared/publicity/correction.ts). */
export function correctNoticeRecord(
  db: YishiDb,
  noticeId: string,
  input: CorrectionInput,
  today = todayOf(),
  now = new Date(),
) {
  return changeNotice(db, noticeId, (n) => correctNotice(n, input, today, now));
}

/** 答复异议: once, never rewritten. */
export function answerObjection(
  db: YishiDb,
  noticeId: string,
  objectionId: string,
  input: AnswerInput,
  today = todayOf(),
) {
  return changeNotice(db, noticeId, (n) => {
    const objection = n.objections.find((o) => o.id === objectionId);
    const problem = answerProblem(objection, input, today);
    if (problem) return problem;
    const answer = { by: input.by.trim(), text: input.text.trim(), on: input.on as CalendarDate };
    return { ...n, objections: n.objections.map((o) => (o.id === objectionId ? { ...o, answer } : o)) };
  });
}

/** One 评议 / 整改 / 撤回 / 上报 action on a decision, judged by shared/publicity/evaluation.ts. */
export async function evaluate(
  db: YishiDb,
  decisionId: string,
  action: EvaluationAction,
  now = new Date(),
  today: CalendarDate = todayOf(now),
): Promise<Outcome<Evaluation>> {
  return db.transaction('rw', [db.decisions, db.publicNotices, db.evaluations], async () => {
    const decision = await db.decisions.get(decisionId);
    if (!decision) return refuse('decisionMissing');
    const resultNotice = (await db.publicNotices.where('decisionId').equals(decisionId).first()) ?? null;
    const stored = await db.evaluations.where('decisionId').equals(decisionId).first();
    const current: Evaluation = stored ?? {
      id: newId(),
      decisionId,
      meetingId: decision.meetingId,
      rounds: [],
      rectifications: [],
      reports: [],
      updatedAt: now.toISOString(),
    };
    const next = applyEvaluation(current, action, {
      decisionDone: decision.status === 'done',
      resultNotice,
      today,
      now,
    });
    if (!next.ok) return next;
    const parsed = evaluationSchema.safeParse(next.evaluation);
    if (!parsed.success) return { ok: false, message: parsed.error.issues[0]?.message ?? '评议内容不符合要求' };
    await db.evaluations.put(parsed.data);
    return { ok: true, value: parsed.data };
  });
}

/** What the 结果公示 document prints: the signed record, the decision, its steps and the notice. */
export async function loadResultNoticeInput(db: YishiDb, decisionId: string): Promise<ResultNoticeInput | null> {
  const decision = await db.decisions.get(decisionId);
  if (!decision) return null;
  const record = await loadMeetingRecord(db, decision.meetingId);
  const notice = await db.publicNotices.where('decisionId').equals(decisionId).first();
  if (!record || !notice) return null;
  const steps = await db.decisionProgress.where('decisionId').equals(decisionId).toArray();
  return { record, decision, steps, notice };
}
