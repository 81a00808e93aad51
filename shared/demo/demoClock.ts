import { dateParts, dayOf, wallClock } from '../dates';
import { nextMonthlyMeetingDate } from '../meeting/schedule';
import { addDays } from './builders';

/**
 * The demo's calendar, in the wall-clock time of the computer that loads it (Beijing time for
 * the people it is made for): a 党群议事日 at 9:00 on the 10th shows as 9:00 on the 10th.
 * Meeting times are written like the new-meeting form writes them ("2026-11-10T09:00:00+08:00"),
 * moments like the app stamps them (toISOString).
 */
export interface DemoClock {
  readonly now: Date;
  /** Minutes east of UTC. */
  readonly offsetMinutes: number;
  /** Today's date on the wall clock (YYYY-MM-DD). */
  readonly today: string;
  /** A wall-clock time on a day, with its offset, as the meeting form stores startAt. */
  wall(day: string, hour: number, minute?: number): string;
  /** The same moment as toISOString gives it. */
  iso(day: string, hour: number, minute?: number): string;
  /** Milliseconds since the epoch of that moment. */
  ms(day: string, hour: number, minute?: number): number;
}

const pad2 = (n: number) => String(n).padStart(2, '0');

function offsetText(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${pad2(Math.floor(abs / 60))}:${pad2(abs % 60)}`;
}

export function demoClock(now: Date, offsetMinutes: number): DemoClock {
  const zone = offsetText(offsetMinutes);
  const ms = (day: string, hour: number, minute = 0) => {
    const date = dayOf(day);
    if (!date) throw new RangeError(`demo: not a date: ${day}`);
    const { year, month, day: d } = dateParts(date);
    return Date.UTC(year, month - 1, d) + ((hour - offsetMinutes / 60) * 60 + minute) * 60_000;
  };
  // The wall-clock reading of a moment in the demo's zone, written with its offset.
  const wallOf = (at: number) => `${new Date(at + offsetMinutes * 60_000).toISOString().slice(0, 19)}${zone}`;
  const today = wallClock(wallOf(now.getTime()))?.date;
  if (!today) throw new RangeError('demo: now is not a date');
  return {
    now,
    offsetMinutes,
    today,
    // Hours past 23 or minutes past 59 roll over, so "19:75" is written 20:15.
    wall: (day, hour, minute = 0) => wallOf(ms(day, hour, minute)),
    iso: (day, hour, minute = 0) => new Date(ms(day, hour, minute)).toISOString(),
    ms,
  };
}

/** The same day `months` months later (or earlier); only used on the 10th, which every month has. */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  return `${Math.floor(index / 12)}-${pad2((index % 12) + 1)}-${pad2(d)}`;
}

/**
 * The 党群议事日 of the demo: the next one (prepared as a draft) and the `count` before it,
 * oldest first. Today's meeting counts as the next one until the day is over.
 */
export function monthlyMeetingDays(today: string, count: number): { past: string[]; next: string } {
  const next = nextMonthlyMeetingDate(today);
  const past = Array.from({ length: count }, (_, i) => addMonths(next, i - count));
  return { past, next };
}

/** A day `daysAgo` days before today, moved off the 10th so an ad-hoc meeting is not taken for the monthly one. */
export function adHocDay(today: string, daysAgo: number): string {
  const day = addDays(today, -daysAgo);
  return day.endsWith('-10') ? addDays(day, -1) : day;
}
