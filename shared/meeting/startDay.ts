import { dateParts, daysBetween, meetingDay, shiftMoment, type CalendarDate } from '../dates';
import type { Meeting } from '../domain/meeting';
import { nextIssueNo } from './schedule';

/**
 * Starting a meeting on another day than its date. The record keeps the meeting's date: a
 * meeting dated the 10th and started on the 3rd would be "held" on the 10th and "signed" on
 * the 3rd. So the chair is told, and offered to move the date to today.
 */
export type StartTiming =
  | { kind: 'onDay'; day: CalendarDate }
  /** `days`: how many days apart the meeting's date and today are (always positive). */
  | { kind: 'early' | 'late'; day: CalendarDate; today: CalendarDate; days: number };

export function startTiming(meeting: Pick<Meeting, 'startAt'>, today: CalendarDate): StartTiming {
  const day = meetingDay(meeting);
  const apart = daysBetween(today, day);
  if (apart === 0) return { kind: 'onDay', day };
  return { kind: apart > 0 ? 'early' : 'late', day, today, days: Math.abs(apart) };
}

export type MovedDate = Pick<Meeting, 'startAt' | 'plannedEndAt' | 'issueYear' | 'issueNo'>;

/**
 * The meeting moved to another day: start and planned end move by the same number of days,
 * each keeping its time of day (and its offset, see shiftMoment). The 期数 stays, unless the
 * year changes: then it is the next number of the new year for the compound (nextIssueNo).
 * `others` are the meetings to number against (the meeting itself is left out if present).
 */
export function moveMeetingToDay(
  meeting: Meeting,
  day: CalendarDate,
  others: ReadonlyArray<Pick<Meeting, 'id' | 'orgUnitId' | 'issueYear' | 'issueNo'>>,
): MovedDate {
  const shift = daysBetween(meetingDay(meeting), day);
  const startAt = shiftMoment(meeting.startAt, shift);
  const plannedEndAt = shiftMoment(meeting.plannedEndAt, shift);
  if (startAt === null || plannedEndAt === null) throw new RangeError(`会议时间无法移到${day}`);
  const year = dateParts(day).year;
  if (year === meeting.issueYear)
    return { startAt, plannedEndAt, issueYear: meeting.issueYear, issueNo: meeting.issueNo };
  const rest = others.filter((m) => m.id !== meeting.id);
  return { startAt, plannedEndAt, issueYear: year, issueNo: nextIssueNo(rest, meeting.orgUnitId, year) };
}
