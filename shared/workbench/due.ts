import { addDays, compareDates, type CalendarDate } from '../dates';
import type { BoardRow } from '../followup/board';
import { DUE_SOON_DAYS, followupTiming, needsAttention, type FollowupState } from '../followup/state';

/**
 * What the 工作台 shows of the follow-up (督办): the decisions due within a week and those overdue,
 * and at its top the reminders (逾期 · 今天到期 · 3天内到期). The reminder of a decision is decided
 * here and nowhere else: the 督办 badge counts the reminders this module calls urgent, so the badge
 * and the 工作台 can never disagree about a decision.
 */

/**
 * How many lines the 工作台's cards show: of each reminder kind, and of the people or units (those
 * with most overdue first) with their first lines. A district's thousands of overdue decisions
 * belong to thousands of names; the rest are on the 督办 board.
 */
export const REMINDER_LINES = 5;
export const GROUPS_SHOWN = 12;
/** A person's or unit's first lines: the rest are a click away, on the board filtered to them. */
export const GROUP_LINES_SHOWN = 3;
export const LINES_SHOWN = 8;

/** The 工作台 lists decisions due within this many days (and every overdue one). */
export const DUE_WINDOW_DAYS = 7;

/** The tables the 督办 badge's count reads: after a write to one of them it is counted again. */
export const BADGE_TABLES = ['decisions', 'meetings', 'summonedTasks', 'orgUnits'] as const;

/** 逾期 · 今天到期 · 3天内到期 (DUE_SOON_DAYS). */
export type ReminderKind = 'overdue' | 'dueToday' | 'dueSoon';
export const REMINDER_KINDS: readonly ReminderKind[] = ['overdue', 'dueToday', 'dueSoon'];

/** THE reminder of a decision on `today`, or null (done, or due later than in 3 days). */
export function reminderKind(deadline: CalendarDate, state: FollowupState, today: CalendarDate): ReminderKind | null {
  const timing = followupTiming(deadline, state, today);
  return timing === 'overdue' || timing === 'dueToday' || timing === 'dueSoon' ? timing : null;
}

/**
 * The deadlines of a reminder kind as the 督办 board's due-date filter takes them: where a
 * reminder's "还有N项" leads, so that the board shows those N and no others.
 */
export function reminderDeadlines(
  kind: ReminderKind,
  today: CalendarDate,
): { dueFrom?: CalendarDate; dueTo: CalendarDate } {
  if (kind === 'overdue') return { dueTo: addDays(today, -1) };
  if (kind === 'dueToday') return { dueFrom: today, dueTo: today };
  return { dueFrom: addDays(today, 1), dueTo: addDays(today, DUE_SOON_DAYS) };
}

/** Whether a reminder counts on the 督办 badge: overdue or due today (what must be done today). */
export function countsOnBadge(kind: ReminderKind | null): boolean {
  return kind !== null && needsAttention(kind);
}

/** How many of these count on the 督办 badge (overdue or due today): the reminders' own rule. */
export function badgeCount(items: readonly { deadline: CalendarDate; status: FollowupState }[], today: CalendarDate) {
  return items.filter((i) => countsOnBadge(reminderKind(i.deadline, i.status, today))).length;
}

/** The last deadline the 工作台 reads: today + DUE_WINDOW_DAYS (the reminders need only 3 of them). */
export function dueWindowEnd(today: CalendarDate): CalendarDate {
  return addDays(today, Math.max(DUE_WINDOW_DAYS, DUE_SOON_DAYS));
}

// One collator each, made once: localeCompare with a locale builds a collator on every call,
// and a district's thousands of due decisions are sorted several times per 工作台.
const compareIds = new Intl.Collator().compare;
const compareNames = new Intl.Collator('zh-CN').compare;

// The 工作台 asks for the due rows of the same rows several times (its lines, its reminders, its
// groupings); the answer depends only on the rows and the day. Each list asked about, and each copy
// handed out, leads to the one sorted list, and the groupings are kept per sorted list.
const dueRowsOf = new WeakMap<readonly BoardRow[], { today: CalendarDate; due: readonly BoardRow[] }>();

function sortedDue(rows: readonly BoardRow[], today: CalendarDate): readonly BoardRow[] {
  const known = dueRowsOf.get(rows);
  if (known?.today === today) return known.due;
  const end = dueWindowEnd(today);
  const due = rows
    .filter((r) => r.decision.status !== 'done' && compareDates(r.decision.deadline, end) <= 0)
    .sort((a, b) => compareDates(a.decision.deadline, b.decision.deadline) || compareIds(a.decision.id, b.decision.id));
  dueRowsOf.set(rows, { today, due });
  dueRowsOf.set(due, { today, due });
  return due;
}

/** The followed decisions not yet done and due by the end of the window, soonest first. */
export function dueRows(rows: readonly BoardRow[], today: CalendarDate): BoardRow[] {
  const due = sortedDue(rows, today);
  const copy = [...due];
  dueRowsOf.set(copy, { today, due });
  return copy;
}

export interface Reminders {
  overdue: readonly BoardRow[];
  dueToday: readonly BoardRow[];
  dueSoon: readonly BoardRow[];
  /** What the 督办 badge shows: overdue + due today. */
  badge: number;
}

// The reminders of a sorted list, worked out once: the repo asks for them (shownDueIds) and the
// reminders card again, for the same list.
const remindersOf = new WeakMap<readonly BoardRow[], Reminders>();

/** The reminders among the rows, by kind (each kind soonest deadline first). */
export function reminders(rows: readonly BoardRow[], today: CalendarDate): Reminders {
  const due = sortedDue(rows, today);
  const known = remindersOf.get(due);
  if (known) return known;
  const lists: Record<ReminderKind, BoardRow[]> = { overdue: [], dueToday: [], dueSoon: [] };
  let badge = 0;
  for (const row of due) {
    const kind = reminderKind(row.decision.deadline, row.decision.status, today);
    if (!kind) continue;
    lists[kind].push(row);
    if (countsOnBadge(kind)) badge += 1;
  }
  const out: Reminders = { ...lists, badge };
  remindersOf.set(due, out);
  return out;
}

/** 按责任人 (a roster person) or 按责任单位 (a unit written as text), as on the 督办 board. */
export type DueGrouping = 'person' | 'unit';

export interface DueGroup {
  name: string;
  overdue: number;
  /** Not overdue, due within the window. */
  dueSoon: number;
  rows: BoardRow[];
}

// A district's thousands of names are sorted with a Chinese collator: once per sorted list.
const groupsOf = new WeakMap<readonly BoardRow[], Map<DueGrouping, readonly DueGroup[]>>();

/** The due rows of one grouping, by responsible name; the group with most overdue first. */
export function groupDue(rows: readonly BoardRow[], grouping: DueGrouping, today: CalendarDate): readonly DueGroup[] {
  const due = sortedDue(rows, today);
  const known = groupsOf.get(due) ?? new Map<DueGrouping, readonly DueGroup[]>();
  groupsOf.set(due, known);
  const groups = known.get(grouping) ?? groupedDue(due, grouping, today);
  known.set(grouping, groups);
  return groups;
}

function groupedDue(due: readonly BoardRow[], grouping: DueGrouping, today: CalendarDate): DueGroup[] {
  const groups = new Map<string, DueGroup>();
  for (const row of due) {
    const { responsible } = row.decision;
    if ((responsible.kind === 'person') !== (grouping === 'person')) continue;
    const name = responsible.name.trim();
    const group = groups.get(name) ?? { name, overdue: 0, dueSoon: 0, rows: [] };
    if (compareDates(row.decision.deadline, today) < 0) group.overdue += 1;
    else group.dueSoon += 1;
    group.rows.push(row);
    groups.set(name, group);
  }
  return [...groups.values()].sort(
    (a, b) => b.overdue - a.overdue || b.rows.length - a.rows.length || compareNames(a.name, b.name),
  );
}

/**
 * The grouping the card opens on: by person, unless every due decision belongs to a unit (then by
 * unit), so a 工作台 whose only due work is a unit's never opens on an empty list.
 */
export function firstGrouping(rows: readonly BoardRow[], today: CalendarDate): DueGrouping {
  const due = sortedDue(rows, today);
  return due.length > 0 && due.every((r) => r.decision.responsible.kind !== 'person') ? 'unit' : 'person';
}

/** How many due decisions the other grouping holds, when this one has none (0 otherwise). */
export function dueInOtherGrouping(rows: readonly BoardRow[], grouping: DueGrouping, today: CalendarDate): number {
  if (groupDue(rows, grouping, today).length > 0) return 0;
  return groupDue(rows, grouping === 'person' ? 'unit' : 'person', today).reduce((n, g) => n + g.rows.length, 0);
}

/**
 * The decisions the 工作台 shows as lines: the first of each reminder kind and the first lines of
 * the groups shown, by person and by unit. Only these need their meetings read (title, compound).
 */
export function shownDueIds(rows: readonly BoardRow[], today: CalendarDate): Set<string> {
  const ids = new Set<string>();
  const r = reminders(rows, today);
  for (const kind of REMINDER_KINDS) for (const row of r[kind].slice(0, REMINDER_LINES)) ids.add(row.decision.id);
  for (const grouping of ['person', 'unit'] as const)
    for (const g of groupDue(rows, grouping, today).slice(0, GROUPS_SHOWN))
      for (const row of g.rows.slice(0, GROUP_LINES_SHOWN)) ids.add(row.decision.id);
  return ids;
}
