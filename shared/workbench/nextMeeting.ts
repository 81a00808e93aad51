import { addDays, meetingDay, type CalendarDate } from '../dates';
import type { Matter } from '../domain/matter';
import { AGENDA_READY_STAGES, type MatterStage } from '../domain/matterStage';
import type { Meeting } from '../domain/meeting';
import { nextMonthlyMeetingDate } from '../meeting/schedule';

/**
 * The next 党群议事日 on the 工作台: the 10th of this month while it has not passed (the 10th
 * itself included), else next month's (shared/meeting/schedule.ts), and the meetings already
 * prepared for it.
 */
export function nextMeetingDay(today: CalendarDate): CalendarDate {
  return nextMonthlyMeetingDate(today);
}

/**
 * The startAt keys to read through the index for a day: a day either side, since a moment written
 * in UTC (…Z) may carry the previous or next date in its characters; `meetingsOnDay` then keeps
 * only those whose wall-clock day (shared/dates `meetingDay`) is the day.
 */
export function startAtRange(day: CalendarDate): [string, string] {
  return [addDays(day, -1), addDays(day, 2)];
}

/** The 党群议事日 meetings held or prepared on `day` in the scope (none cancelled), by start time. */
export function meetingsOnDay<M extends Pick<Meeting, 'type' | 'status' | 'startAt' | 'orgUnitId'>>(
  meetings: readonly M[],
  day: CalendarDate,
  scope: ReadonlySet<string> | null,
): M[] {
  return meetings
    .filter((m) => m.type === 'monthlyDay' && m.status !== 'cancelled' && meetingDay(m) === day)
    .filter((m) => scope === null || scope.has(m.orgUnitId))
    .sort((a, b) => (a.startAt < b.startAt ? -1 : a.startAt > b.startAt ? 1 : 0));
}

/**
 * The 待办件 a meeting should take up: on the deliberation path, waiting for a meeting or carried
 * over, and not already on this agenda. A 待办件 on another meeting still to be held is 已列入议程
 * (matterStage.ts), so it is never offered twice; a closed or merged one is no longer open.
 */
export function proposedMatters<T extends { matter: Matter; stage: MatterStage }>(
  matters: readonly T[],
  onThisAgenda: ReadonlySet<string> = new Set(),
): T[] {
  return matters.filter(
    (m) => m.matter.path === 'pending' && AGENDA_READY_STAGES.has(m.stage) && !onThisAgenda.has(m.matter.id),
  );
}
