import type { CodedRefusal } from '../codedRefusal';
import { compareDates, type CalendarDate } from '../dates';
import { publicityRefusal } from './refusals';
import {
  CORRECTION_REASON_MAX,
  NAME_MAX,
  noticeEnd,
  periodRefusal,
  placesRefusal,
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

export function correctionProblem(
  notice: PublicNotice,
  input: CorrectionInput,
  today: CalendarDate,
): CodedRefusal | null {
  if (noticeState(notice, today) === 'ended' || compareDates(today, notice.endDate) > 0)
    return publicityRefusal('noticeEnded');
  const bad = placesRefusal(input.places) ?? periodRefusal(input.startDate, input.days);
  if (bad) return bad;
  const started = compareDates(today, notice.startDate) >= 0;
  if (started && input.startDate !== notice.startDate)
    return publicityRefusal('startFixed', { date: notice.startDate });
  if (!started && compareDates(input.startDate as CalendarDate, today) < 0)
    return publicityRefusal('correctedStartPast');
  if (compareDates(noticeEnd(input.startDate as CalendarDate, input.days), today) < 0)
    return publicityRefusal('correctedEndPast');
  const samePlaces = [...input.places].sort().join() === [...notice.places].sort().join();
  if (samePlaces && input.startDate === notice.startDate && input.days === notice.days)
    return publicityRefusal('nothingToCorrect');
  if (!input.by.trim()) return publicityRefusal('correctByMissing');
  if (input.by.trim().length > NAME_MAX) return publicityRefusal('nameTooLong', { max: NAME_MAX });
  if (!input.why.trim()) return publicityRefusal('correctWhyMissing');
  if (input.why.trim().length > CORRECTION_REASON_MAX)
    return publicityRefusal('correctWhyTooLong', { max: CORRECTION_REASON_MAX });
  return null;
}

/** The corrected notice, or why not; the notice as it was goes into its corrections. */
export function correctNotice(
  notice: PublicNotice,
  input: CorrectionInput,
  today: CalendarDate,
  now: Date,
): PublicNotice | CodedRefusal {
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
