import { addDays, dayOf, toCalendarDate, type CalendarDate } from '../dates';

/** The period a statistics view covers: a calendar year or one month of it. */
export type StatsPeriod = { kind: 'year'; year: number } | { kind: 'month'; year: number; month: number };

export interface PeriodRange {
  /** First and last calendar day of the period, both included. */
  from: CalendarDate;
  to: CalendarDate;
}

/** The first and last day of a period; null for a year or month that is not a real one. */
export function periodRange(period: StatsPeriod): PeriodRange | null {
  if (period.kind === 'year') {
    const from = toCalendarDate(period.year, 1, 1);
    const to = toCalendarDate(period.year, 12, 31);
    return from && to ? { from, to } : null;
  }
  const from = toCalendarDate(period.year, period.month, 1);
  const next =
    period.month === 12 ? toCalendarDate(period.year + 1, 1, 1) : toCalendarDate(period.year, period.month + 1, 1);
  return from && next ? { from, to: addDays(next, -1) } : null;
}

/** Whether a calendar day, or the wall-clock day of a moment, lies in the range (ends included). */
export function inRange(value: string, range: PeriodRange): boolean {
  const day = dayOf(value);
  return day !== null && day >= range.from && day <= range.to;
}

/**
 * Index bounds for stored moments of the range: a day wider on each side, because a moment
 * written in UTC (…Z) may fall on the next or previous local day. Rows read between them are
 * then kept or dropped by `inRange`, the one rule.
 */
export function momentBounds(range: PeriodRange): [string, string] {
  return [addDays(range.from, -1), `${addDays(range.to, 1)}\uffff`];
}
