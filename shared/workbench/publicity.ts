import { addDays, addDaysRemembered, compareDates, type CalendarDate } from '../dates';
import { evaluationStage, openRectification, type Evaluation } from '../publicity/evaluation';
import { NOTICE_DAYS_MAX, noticeState, type PublicNotice } from '../publicity/notice';

/** One line of the 工作台's 公示 and 评议 section. */
export interface PublicityDue {
  kind: 'noticeEnding' | 'evaluationToOrganise' | 'recheckDue';
  /** The decision a 结果公示 or 评议 is about (its line opens /followup/:decisionId); absent for a 决议公示. */
  decisionId?: string;
  /** The meeting: a 决议公示's line opens it. */
  meetingId: string;
  title: string;
  /** The notice's last day; for a 评议 the day its notice ends; for 再次验收 the 整改 deadline. */
  date: CalendarDate;
  orgUnitId: string;
}

/** A 公示 ending within this many days is shown. */
export const PUBLICITY_SOON_DAYS = 3;
/**
 * How long after a 结果公示 ended an unrated result is still offered for 评议. Older ones stay on
 * the decision's page: the 工作台 reads notices by their end date and must not read ten years.
 */
export const EVALUATION_LOOKBACK_DAYS = 60;

/**
 * The range of notice end dates the 工作台 reads (the `endDate` index): every notice running now
 * (a result may be rated from a notice's first day, and a notice lasts at most NOTICE_DAYS_MAX)
 * and those ended within EVALUATION_LOOKBACK_DAYS.
 */
export function noticeEndWindow(today: CalendarDate): { from: CalendarDate; to: CalendarDate } {
  return { from: addDays(today, -EVALUATION_LOOKBACK_DAYS), to: addDays(today, NOTICE_DAYS_MAX) };
}

export interface PublicityInput {
  /** Notices whose end date is in noticeEndWindow(today). */
  notices: readonly PublicNotice[];
  /** The 评议 record of each decision that has one. */
  evaluations: ReadonlyMap<string, Evaluation>;
  /** Title and compound of each meeting the notices belong to. */
  meetings: ReadonlyMap<string, { title: string; orgUnitId: string }>;
  /** Title of each decision the result notices are about. */
  decisionTitles: ReadonlyMap<string, string>;
}

/**
 * 公示 ending soon (still running, or an objection waiting for its answer), 评议 to organise (the
 * result published, nobody rated it yet) and 再次验收 due (a 整改 open), soonest first, in scope.
 */
export function publicityDue(
  input: PublicityInput,
  today: CalendarDate,
  scope: ReadonlySet<string> | null,
): PublicityDue[] {
  const lines: PublicityDue[] = [];
  for (const notice of input.notices) {
    const meeting = input.meetings.get(notice.meetingId);
    if (!meeting || (scope !== null && !scope.has(meeting.orgUnitId))) continue;
    const title =
      notice.decisionId !== undefined ? (input.decisionTitles.get(notice.decisionId) ?? meeting.title) : meeting.title;
    const base = { decisionId: notice.decisionId, meetingId: notice.meetingId, title, orgUnitId: meeting.orgUnitId };
    const evaluation = notice.decisionId !== undefined ? (input.evaluations.get(notice.decisionId) ?? null) : null;
    for (const due of noticeDue(notice, evaluation, today)) lines.push({ ...due, ...base });
  }
  return lines.sort((a, b) => compareDates(a.date, b.date) || a.title.localeCompare(b.title));
}

/**
 * What one notice puts on the 工作台, before its meeting is known: so that only the meetings and
 * decisions of notices that show a line are read (a district's 482 notices in the window read 634
 * meetings and 351 decisions to show a few lines). `evaluation`: the 评议 of the notice's decision.
 */
export function noticeDue(
  notice: PublicNotice,
  evaluation: Evaluation | null,
  today: CalendarDate,
): Array<Pick<PublicityDue, 'kind' | 'date'>> {
  const due: Array<Pick<PublicityDue, 'kind' | 'date'>> = [];
  const state = noticeState(notice, today);
  const endsSoon = compareDates(notice.endDate, addDaysRemembered(today, PUBLICITY_SOON_DAYS)) <= 0;
  if ((state === 'running' || state === 'objectionOpen') && endsSoon && compareDates(notice.endDate, today) >= 0)
    due.push({ kind: 'noticeEnding', date: notice.endDate });
  if (notice.kind !== 'result' || notice.decisionId === undefined) return due;
  const stage = evaluationStage(evaluation, notice, today);
  if (stage === 'toRate') due.push({ kind: 'evaluationToOrganise', date: notice.endDate });
  const rectification = stage === 'rectifying' ? openRectification(evaluation) : undefined;
  if (rectification) due.push({ kind: 'recheckDue', date: rectification.deadline });
  return due;
}
