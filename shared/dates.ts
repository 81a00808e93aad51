import { z } from 'zod';

/**
 * The one date module of the app: calendar dates, the calendar day of a moment, today, adding
 * and comparing days, and dates as Chinese official documents write them (2026年11月10日).
 *
 * Two kinds of value:
 * - a calendar date (`CalendarDate`, 'YYYY-MM-DD'): a day, with no time and no zone — a
 *   decision's 完成时限, the day of a meeting. Only real Gregorian dates between FIRST_YEAR and
 *   LAST_YEAR are calendar dates: 2026-02-29, 2026-02-31, 2026-99-99, 0000-01-01 and 2026-1-5
 *   are not. `calendarDateSchema` is the schema of every stored date.
 * - a moment (ISO 8601 date-time: '2026-11-10T19:30:00+08:00' or '2026-11-10T11:30:00.000Z').
 *
 * THE time-zone rule (the only one; every caller goes through `wallClock`/`dayOf`): a moment's
 * calendar day and time of day are its wall clock as written. A moment written with its own
 * offset (+08:00), or with none, reads as written, whatever the zone of the machine reading it;
 * a UTC moment (Z) reads in the machine's zone, which is the meeting's, since the app runs
 * where the meeting is held. So '2026-11-10T07:30:00+08:00' is on 10 November everywhere, and
 * never on the 9th, as its UTC characters (`slice(0, 10)`) would say.
 */

/** 'YYYY-MM-DD', a real date in the supported range; check with isCalendarDate or calendarDateSchema. */
export type CalendarDate = `${number}-${number}-${number}`;

/** Dates outside these years are typing mistakes in this app (meetings are numbered 2000–2100). */
export const FIRST_YEAR = 1900;
export const LAST_YEAR = 2100;

const DATE_SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/** The calendar date of a year, month (1–12) and day, or null when there is no such day. */
export function toCalendarDate(year: number, month: number, day: number): CalendarDate | null {
  if (![year, month, day].every(Number.isInteger)) return null;
  if (year < FIRST_YEAR || year > LAST_YEAR || month < 1 || month > 12) return null;
  if (day < 1 || day > daysInMonth(year, month)) return null;
  return `${year}-${pad2(month)}-${pad2(day)}` as CalendarDate;
}

export function isCalendarDate(value: unknown): value is CalendarDate {
  if (typeof value !== 'string') return false;
  const m = DATE_SHAPE.exec(value);
  return m !== null && toCalendarDate(Number(m[1]), Number(m[2]), Number(m[3])) !== null;
}

/** The year, month (1–12) and day of a calendar date. */
export function dateParts(date: CalendarDate): { year: number; month: number; day: number } {
  const [year, month, day] = date.split('-').map(Number);
  return { year: year ?? NaN, month: month ?? NaN, day: day ?? NaN };
}

export const CALENDAR_DATE_MESSAGE = '不是有效日期（应为“年-月-日”，如 2026-12-10）';

/**
 * The schema of every calendar date the app stores. The pattern is in the JSON Schema of the
 * meeting file; the refinement (real day of the month, year range) is checked by zod only.
 */
export const calendarDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, CALENDAR_DATE_MESSAGE)
  // The message continues the field's name ("第2项决定的完成时限不是有效日期…"): the marker is
  // shared/validation/messages.ts's PREDICATE_PARAM, spelled out to keep this module first in line.
  .refine(isCalendarDate, { message: CALENDAR_DATE_MESSAGE, params: { yishiPredicate: true } }) as unknown as z.ZodType<
  CalendarDate,
  string
>;

/** The schema of every stored moment: ISO 8601 with Z or an offset, a real date and time. */
export const momentSchema = z.string().datetime({ offset: true, message: '时间格式不正确' });

/** A moment written with its own offset, or with none: read as written (see the rule above). */
const WRITTEN_MOMENT = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(?:[+-]\d{2}:?\d{2})?$/;

/** The calendar day of a Date in the machine's zone. */
export function localDay(date: Date): CalendarDate {
  return `${date.getFullYear()}-${pad2(date.getMonth() + 1)}-${pad2(date.getDate())}` as CalendarDate;
}

/** Today's date where the app runs (the meeting's place). */
export function today(now: Date = new Date()): CalendarDate {
  return localDay(now);
}

/** The wall-clock day and time of a moment, by the module's time-zone rule; null if unreadable. */
export function wallClock(moment: string): { date: CalendarDate; hour: number; minute: number } | null {
  const written = WRITTEN_MOMENT.exec(moment);
  if (written) {
    const date = written[1];
    const hour = Number(written[2]);
    const minute = Number(written[3]);
    if (!isCalendarDate(date) || hour > 23 || minute > 59) return null;
    return { date, hour, minute };
  }
  if (!/^\d{4}-\d{2}-\d{2}T.*Z$/.test(moment)) return null;
  const t = new Date(moment);
  // Date rolls 2026-02-31 over into March: only a moment whose UTC date is real is read.
  if (
    Number.isNaN(t.getTime()) ||
    !isCalendarDate(moment.slice(0, 10)) ||
    t.toISOString().slice(0, 10) !== moment.slice(0, 10)
  )
    return null;
  const date = localDay(t);
  return isCalendarDate(date) ? { date, hour: t.getHours(), minute: t.getMinutes() } : null;
}

/** The calendar day of a date ('YYYY-MM-DD' as it is), a moment (its wall-clock day) or a Date (local). */
export function dayOf(value: string | Date): CalendarDate | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : localDay(value);
  if (DATE_SHAPE.test(value)) return isCalendarDate(value) ? value : null;
  return wallClock(value)?.date ?? null;
}

/** THE calendar day of a meeting: the wall-clock day of its start. */
export function meetingDay(meeting: { startAt: string }): CalendarDate {
  const day = dayOf(meeting.startAt);
  // Stored meetings are validated, so this only fires on a value that bypassed the schema.
  if (!day) throw new RangeError(`会议开始时间不是有效的时间：${meeting.startAt}`);
  return day;
}

function toUtcDays(date: CalendarDate): number {
  const { year, month, day } = dateParts(date);
  return Date.UTC(year, month - 1, day) / 86_400_000;
}

function fromUtcDays(days: number): CalendarDate {
  const t = new Date(days * 86_400_000);
  return `${String(t.getUTCFullYear()).padStart(4, '0')}-${pad2(t.getUTCMonth() + 1)}-${pad2(t.getUTCDate())}` as CalendarDate;
}

/** A date plus n days (n may be negative). Pure calendar arithmetic: no zone can shift it. */
export function addDays(date: CalendarDate, n: number): CalendarDate {
  const next = fromUtcDays(toUtcDays(date) + n);
  if (!isCalendarDate(next)) throw new RangeError(`日期超出范围：${date} + ${n}`);
  return next;
}

// The same few sums (today + 3, today + 7) are asked for once per row of ten-year lists (the
// 工作台's ~5,200 due decisions): each addDays parses, builds a Date and checks the result.
const recentSums = new Map<string, CalendarDate>();

/** addDays, remembered for the last few dozen (date, n) asked. */
export function addDaysRemembered(date: CalendarDate, n: number): CalendarDate {
  const key = `${date}|${n}`;
  const known = recentSums.get(key);
  if (known !== undefined) return known;
  if (recentSums.size >= 64) recentSums.clear();
  const sum = addDays(date, n);
  recentSums.set(key, sum);
  return sum;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return toUtcDays(to) - toUtcDays(from);
}

/** Orders calendar dates (for sort): 'YYYY-MM-DD' compares by its characters. */
export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** 0 = Sunday … 6 = Saturday, of the date itself. */
export function weekdayOf(date: CalendarDate): number {
  return new Date(toUtcDays(date) * 86_400_000).getUTCDay();
}

/**
 * A moment moved by n calendar days, keeping its wall-clock time and the way it is written: an
 * offset-written moment keeps its offset, a UTC one keeps the machine-zone time of day.
 */
export function shiftMoment(moment: string, n: number): string | null {
  const written = WRITTEN_MOMENT.exec(moment);
  if (written) {
    const date = written[1];
    if (!isCalendarDate(date)) return null;
    const moved = fromUtcDays(toUtcDays(date) + n);
    return isCalendarDate(moved) ? `${moved}${moment.slice(10)}` : null;
  }
  if (!wallClock(moment)) return null;
  const t = new Date(moment);
  // The local constructor keeps the time of day across a daylight-saving change.
  const moved = new Date(
    t.getFullYear(),
    t.getMonth(),
    t.getDate() + n,
    t.getHours(),
    t.getMinutes(),
    t.getSeconds(),
    t.getMilliseconds(),
  );
  return isCalendarDate(localDay(moved)) ? moved.toISOString() : null;
}

/** WRITTEN_MOMENT with its seconds and offset captured (fractions of a second are dropped). */
const WRITTEN_MOMENT_PARTS = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?([+-]\d{2}:?\d{2})?$/;

/**
 * A moment n minutes later, written the way it was: a moment written with its own offset (or
 * none) moves on its wall clock and keeps its offset ('2026-12-10T09:00:00+08:00' + 120 min is
 * '2026-12-10T11:00:00+08:00'); a UTC moment stays UTC. Null if the moment cannot be read.
 */
export function addMinutes(moment: string, n: number): string | null {
  const written = WRITTEN_MOMENT_PARTS.exec(moment);
  if (written) {
    const [, date, hour, minute, second = '00', offset = ''] = written;
    if (!date || !isCalendarDate(date) || !wallClock(moment)) return null;
    const { year, month, day } = dateParts(date);
    const t = new Date(Date.UTC(year, month - 1, day, Number(hour), Number(minute) + n, Number(second)));
    const movedDay = `${String(t.getUTCFullYear()).padStart(4, '0')}-${pad2(t.getUTCMonth() + 1)}-${pad2(t.getUTCDate())}`;
    if (!isCalendarDate(movedDay)) return null;
    return `${movedDay}T${pad2(t.getUTCHours())}:${pad2(t.getUTCMinutes())}:${pad2(t.getUTCSeconds())}${offset}`;
  }
  if (!wallClock(moment)) return null;
  return new Date(Date.parse(moment) + n * 60_000).toISOString();
}

/** 2026年11月10日, no zero padding, of a date or a moment (its wall-clock day); '' if unreadable. */
export function formatChineseDate(value: string): string {
  const day = dayOf(value);
  if (!day) return '';
  const { year, month, day: d } = dateParts(day);
  return `${year}年${month}月${d}日`;
}

/** 2026年11月10日 09:05, of a moment's wall clock; '' if unreadable. */
export function formatChineseDateTime(moment: string): string {
  const w = wallClock(moment);
  if (!w) return '';
  return `${formatChineseDate(w.date)} ${pad2(w.hour)}:${pad2(w.minute)}`;
}

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/** 10 Nov 2026 (the English screens' date), of a date or a moment's wall-clock day; '' if unreadable. */
export function formatEnglishDate(value: string): string {
  const day = dayOf(value);
  if (!day) return '';
  const { year, month, day: d } = dateParts(day);
  return `${d} ${MONTHS_EN[month - 1]} ${year}`;
}

/** 10 Nov 2026, 09:05, of a moment's wall clock; '' if unreadable. */
export function formatEnglishDateTime(moment: string): string {
  const w = wallClock(moment);
  if (!w) return '';
  return `${formatEnglishDate(w.date)}, ${pad2(w.hour)}:${pad2(w.minute)}`;
}

/** `Date.toISOString()`'s one format: the only one the app writes itself. */
const CANONICAL_ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/**
 * Orders two timestamps in time. Two in `Date.toISOString()`'s format compare by their
 * characters, which is time order and exactly what `localeCompare` gave for them; anything else
 * (an offset, other decimals, a hand-edited meeting file) still goes through `localeCompare`, so
 * the order a signed meeting's fingerprint was computed in never changes. Why not always
 * `localeCompare`: in a Chinese locale its first call loads the Chinese collation tables (10 ms
 * and more on opening a past meeting), and collation is for words, not times.
 */
export function compareIsoTimes(a: string, b: string): number {
  if (CANONICAL_ISO.test(a) && CANONICAL_ISO.test(b)) return a < b ? -1 : a > b ? 1 : 0;
  return a.localeCompare(b);
}

/** The instant a written moment stands for, in milliseconds since 1970 (NaN if unreadable). */
export function instantOf(moment: string): number {
  return Date.parse(moment);
}

/** Excel's day 60 is the 29 February 1900 that never was; serials after it count from 1899-12-30. */
const EXCEL_EPOCH_DAYS = Date.UTC(1899, 11, 30) / 86_400_000;

/**
 * A date as people type it into a spreadsheet, or null when it is not a real calendar date:
 * '2026-03-05', '2026/3/5', '2026.3.5', '2026年3月5日', '20260305', or an Excel date serial
 * (46086) when the cell was not formatted as a date. Serials before day 61 are refused: they sit
 * on Excel's invented 1900-02-29 and no register reaches back that far.
 */
export function readSheetDate(text: string): CalendarDate | null {
  const value = text.normalize('NFKC').trim();
  const written = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(value);
  if (written) return toCalendarDate(Number(written[1]), Number(written[2]), Number(written[3]));
  const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(value);
  if (compact) return toCalendarDate(Number(compact[1]), Number(compact[2]), Number(compact[3]));
  // Whole serials only: a fraction is a time of day, which a register's date column never means.
  if (/^\d{2,5}$/.test(value)) {
    const serial = Number(value);
    if (serial < 61) return null;
    const date = new Date((EXCEL_EPOCH_DAYS + serial) * 86_400_000);
    return toCalendarDate(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
  }
  return null;
}
