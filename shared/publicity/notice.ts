import { z } from 'zod';
import { addDays, calendarDateSchema, compareDates, isCalendarDate, momentSchema, type CalendarDate } from '../dates';
import type { CodedRefusal } from '../codedRefusal';
import { dateRefusal, publicityRefusal, type PublicityPhrase } from './refusals';

/**
 * 公示 (两公开: 决议公开 and 结果公开), tracked as records. The 决议公示 is one per meeting: the
 * existing document prints all of a meeting's resolutions and decisions together, and it is posted
 * once after 定稿. The 结果公示 is one per decision: each decision is carried out and confirmed
 * (监督人确认) on its own day, and residents rate that one result. A notice is never rewritten:
 * objections and answers are added to it.
 */
export const PUBLICITY_KINDS = ['resolution', 'result'] as const;
export type PublicityKind = (typeof PUBLICITY_KINDS)[number];

export const PUBLICITY_PLACES = ['meeting', 'board', 'wechat', 'online'] as const;
export type PublicityPlace = (typeof PUBLICITY_PLACES)[number];
export const PLACE_LABELS: Readonly<Record<PublicityPlace, string>> = {
  meeting: '会议',
  board: '公示栏',
  wechat: '微信群',
  online: '网络平台',
};

export const NOTICE_DAYS_MIN = 1;
export const NOTICE_DAYS_MAX = 90;
export const NOTICE_DAYS_DEFAULT = 7;
export const NAME_MAX = 30;
export const OBJECTION_TEXT_MAX = 500;

const name = z.string().trim().min(1, '请填写姓名').max(NAME_MAX, `姓名不能超过${NAME_MAX}个字`);
const textOf = (what: string) =>
  z.string().trim().min(1, `请填写${what}`).max(OBJECTION_TEXT_MAX, `${what}不能超过${OBJECTION_TEXT_MAX}个字`);

export const objectionSchema = z.object({
  id: z.string().min(1),
  by: name,
  text: textOf('意见内容'),
  receivedOn: calendarDateSchema,
  answer: z.object({ text: textOf('答复内容'), on: calendarDateSchema, by: name }).optional(),
});
export type Objection = z.infer<typeof objectionSchema>;

export const CORRECTION_REASON_MAX = 300;

/** A correction of where or how long a notice is posted: what it was, who changed it, when and why. */
export const noticeCorrectionSchema = z.object({
  at: momentSchema,
  by: name,
  why: z.string().trim().min(1, '请写明更正原因').max(CORRECTION_REASON_MAX),
  before: z.object({
    places: z.array(z.enum(PUBLICITY_PLACES)).min(1),
    startDate: calendarDateSchema,
    days: z.number().int(),
    endDate: calendarDateSchema,
  }),
});
export type NoticeCorrection = z.infer<typeof noticeCorrectionSchema>;

export const publicNoticeSchema = z
  .object({
    id: z.string().min(1),
    kind: z.enum(PUBLICITY_KINDS),
    meetingId: z.string().min(1),
    /** The decision whose result is published; absent for a meeting's 决议公示. */
    decisionId: z.string().min(1).optional(),
    places: z.array(z.enum(PUBLICITY_PLACES)).min(1, '请选择公示方式').max(PUBLICITY_PLACES.length),
    startDate: calendarDateSchema,
    days: z.number().int().min(NOTICE_DAYS_MIN).max(NOTICE_DAYS_MAX),
    /** The last day, stored for the index that finds notices ending soon; always start + days − 1. */
    endDate: calendarDateSchema,
    postedBy: name,
    recordedAt: momentSchema,
    objections: z.array(objectionSchema).max(200),
    /** Corrections of places or period while the notice was up, oldest first (shared/publicity/correction.ts). */
    corrections: z.array(noticeCorrectionSchema).max(50).optional(),
  })
  // Zod runs these even when a field above failed (the row is then refused anyway): each looks
  // only at fields that are well formed, so a crafted row gets a message, never an exception.
  .refine((n) => endMatches(n), { message: '公示结束日期与公示天数不符' })
  .refine((n) => (n.kind === 'result') === (n.decisionId !== undefined), { message: '结果公示必须对应一项决定事项' })
  .refine((n) => !Array.isArray(n.places) || new Set(n.places).size === n.places.length, { message: '公示方式重复' });
export type PublicNotice = z.infer<typeof publicNoticeSchema>;

/** Whether a row's end date is its start plus its days; false (never a throw) for dates out of range. */
function endMatches(n: { startDate: unknown; days: unknown; endDate: unknown }): boolean {
  if (typeof n.startDate !== 'string' || !isCalendarDate(n.startDate) || !Number.isInteger(n.days)) return true;
  try {
    return n.endDate === noticeEnd(n.startDate, n.days as number);
  } catch {
    return false;
  }
}

export function noticeEnd(startDate: CalendarDate, days: number): CalendarDate {
  return addDays(startDate, days - 1);
}

/** 待公示 (not yet begun) · 公示中 · 已结束 · 有异议未答复 (whatever the dates: someone waits for an answer). */
export type NoticeState = 'scheduled' | 'running' | 'ended' | 'objectionOpen';

export function noticeState(
  notice: Pick<PublicNotice, 'startDate' | 'endDate' | 'objections'>,
  today: CalendarDate,
): NoticeState {
  if (notice.objections.some((o) => !o.answer)) return 'objectionOpen';
  if (compareDates(today, notice.startDate) < 0) return 'scheduled';
  if (compareDates(today, notice.endDate) > 0) return 'ended';
  return 'running';
}

export interface PostInput {
  places: readonly PublicityPlace[];
  startDate: string;
  days: number;
  postedBy: string;
}

/** Why the places of a notice are refused (none, repeated, unknown), or null; also for a correction. */
export function placesRefusal(places: readonly PublicityPlace[]): CodedRefusal | null {
  if (places.length === 0) return publicityRefusal('placesMissing');
  if (new Set(places).size !== places.length || places.some((p) => !PUBLICITY_PLACES.includes(p)))
    return publicityRefusal('placesInvalid');
  return null;
}

/** Why a notice's first day and number of days are refused, or null; also for a correction. */
export function periodRefusal(startDate: string, days: number): CodedRefusal | null {
  if (!isCalendarDate(startDate)) return publicityRefusal('startDateInvalid');
  if (!Number.isInteger(days) || days < NOTICE_DAYS_MIN || days > NOTICE_DAYS_MAX)
    return publicityRefusal('daysOutOfRange', { min: NOTICE_DAYS_MIN, max: NOTICE_DAYS_MAX });
  return null;
}

/**
 * Why a notice cannot be posted as asked, or null. `earliest` is the first day it may begin: the
 * meeting's day for a 决议公示, the day the supervisor confirmed the decision for a 结果公示 (a
 * result is published once it is a result); `earliestWhat` names that day.
 */
export function postProblem(
  input: PostInput,
  earliest: CalendarDate,
  earliestWhat: PublicityPhrase,
): CodedRefusal | null {
  const bad = placesRefusal(input.places) ?? periodRefusal(input.startDate, input.days);
  if (bad) return bad;
  if (compareDates(input.startDate as CalendarDate, earliest) < 0)
    return publicityRefusal('dateBefore', { date: earliest }, { what: 'noticeStart', before: earliestWhat });
  if (!input.postedBy.trim()) return publicityRefusal('postedByMissing');
  if (input.postedBy.trim().length > NAME_MAX) return publicityRefusal('nameTooLong', { max: NAME_MAX });
  return null;
}

export interface ObjectionInput {
  by: string;
  text: string;
  receivedOn: string;
}

/** An objection is received while the notice is up or after it (never before it was posted), and not in the future. */
export function objectionProblem(
  notice: PublicNotice,
  input: ObjectionInput,
  today: CalendarDate,
): CodedRefusal | null {
  if (!input.by.trim()) return publicityRefusal('objectionByMissing');
  if (!input.text.trim()) return publicityRefusal('objectionTextMissing');
  if (input.text.trim().length > OBJECTION_TEXT_MAX)
    return publicityRefusal('objectionTextTooLong', { max: OBJECTION_TEXT_MAX });
  return dateRefusal(input.receivedOn, 'receivedOn', today, { date: notice.startDate, what: 'noticeStart' });
}

export interface AnswerInput {
  by: string;
  text: string;
  on: string;
}

/** Each objection is answered once; an answer is never rewritten (a later word is a new objection's answer). */
export function answerProblem(
  objection: Objection | undefined,
  input: AnswerInput,
  today: CalendarDate,
): CodedRefusal | null {
  if (!objection) return publicityRefusal('objectionMissing');
  if (objection.answer) return publicityRefusal('answeredAlready');
  if (!input.by.trim()) return publicityRefusal('answerByMissing');
  if (!input.text.trim()) return publicityRefusal('answerTextMissing');
  if (input.text.trim().length > OBJECTION_TEXT_MAX)
    return publicityRefusal('answerTextTooLong', { max: OBJECTION_TEXT_MAX });
  return dateRefusal(input.on, 'answerOn', today, { date: objection.receivedOn, what: 'objectionReceived' });
}
