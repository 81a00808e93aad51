import { compareDates, isCalendarDate, type CalendarDate } from '../dates';
import {
  CORRECTION_REASON_MAX,
  NAME_MAX,
  NOTICE_DAYS_MAX,
  NOTICE_DAYS_MIN,
  PUBLICITY_PLACES,
  noticeEnd,
  noticeState,
  type PublicityPlace,
  type PublicNotice,
} from './notice';

/**
 * 更正公示: the places or the period of a notice entered wrongly can be corrected while it is not
 * ended — never silently: the notice keeps what it was before, who corrected it, when and why
 * (`corrections`). A period that has begun keeps its start day (residents saw it from then);
 * the corrected end is never before today. An ended notice is a record and is not corrected.
 */
export interface CorrectionInput {
  places: readonly PublicityPlace[];
  startDate: string;
  days: number;
  by: string;
  why: string;
}

export function correctionProblem(notice: PublicNotice, input: CorrectionInput, today: CalendarDate): string | null {
  if (noticeState(notice, today) === 'ended' || compareDates(today, notice.endDate) > 0)
    return '公示已经结束，不能再更正';
  if (input.places.length === 0) return '请至少选择一种公示方式（会议、公示栏、微信群、网络平台）';
  if (new Set(input.places).size !== input.places.length || input.places.some((p) => !PUBLICITY_PLACES.includes(p)))
    return '公示方式不正确';
  if (!isCalendarDate(input.startDate)) return '公示开始日期不是有效日期（应为“年-月-日”）';
  if (!Number.isInteger(input.days) || input.days < NOTICE_DAYS_MIN || input.days > NOTICE_DAYS_MAX)
    return `公示天数应为${NOTICE_DAYS_MIN}至${NOTICE_DAYS_MAX}天`;
  const started = compareDates(today, notice.startDate) >= 0;
  if (started && input.startDate !== notice.startDate) return `公示已于${notice.startDate}开始，开始日期不能更改`;
  if (!started && compareDates(input.startDate, today) < 0) return '更正后的开始日期不能早于今天';
  if (compareDates(noticeEnd(input.startDate, input.days), today) < 0) return '更正后的结束日期不能早于今天';
  const samePlaces = [...input.places].sort().join() === [...notice.places].sort().join();
  if (samePlaces && input.startDate === notice.startDate && input.days === notice.days) return '没有需要更正的内容';
  if (!input.by.trim()) return '请填写更正人';
  if (input.by.trim().length > NAME_MAX) return `姓名不能超过${NAME_MAX}个字`;
  if (!input.why.trim()) return '请写明更正原因';
  if (input.why.trim().length > CORRECTION_REASON_MAX) return `更正原因不能超过${CORRECTION_REASON_MAX}个字`;
  return null;
}

/** The corrected notice, or why not; the notice as it was goes into its corrections. */
export function correctNotice(
  notice: PublicNotice,
  input: CorrectionInput,
  today: CalendarDate,
  now: Date,
): PublicNotice | string {
  const problem = correctionProblem(notice, input, today);
  if (problem) return problem;
  const start = input.startDate as CalendarDate;
  const before = { places: notice.places, startDate: notice.startDate, days: notice.days, endDate: notice.endDate };
  return {
    ...notice,
    places: [...input.places],
    startDate: start,
    days: input.days,
    endDate: noticeEnd(start, input.days),
    corrections: [
      ...(notice.corrections ?? []),
      { at: now.toISOString(), by: input.by.trim(), why: input.why.trim(), before },
    ],
  };
}
