// 按责任人 / 按责任单位 of the whole board, kept as it is written (issue 12): one stored row per
// responsible person or unit, updated in the transaction of every decision write
// (renderer/data/decisionTally.ts), so the view reads a few thousand small rows instead of the
// ten years' 105,000 decisions. What depends on the day (逾期) is not stored: an open decision
// is kept under its deadline and judged against today when the row is read.
import { isCalendarDate, type CalendarDate } from '../dates';
import type { Decision } from '../domain/decision';
import { emptyTally, groupingOf, tallyOne, type GroupTally, type Grouping } from './groups';
import { followupTiming } from './state';

export interface TallyRow {
  /** `person:` or `unit:` and the name as the board groups it (trimmed). */
  key: string;
  grouping: Grouping;
  name: string;
  /** Confirmed done. */
  done: number;
  /** Not yet confirmed done, how many under each deadline. */
  open: Record<string, number>;
}

/** What a decision adds to its row: nothing else of it is read. */
export type TalliedDecision = Pick<Decision, 'responsible' | 'status' | 'deadline'>;

export function tallyKeyOf(responsible: Decision['responsible']): string {
  return `${groupingOf(responsible)}:${responsible.name.trim()}`;
}

function rowFor(rows: Map<string, TallyRow>, responsible: Decision['responsible']): TallyRow {
  const key = tallyKeyOf(responsible);
  let row = rows.get(key);
  if (!row) {
    row = { key, grouping: groupingOf(responsible), name: responsible.name.trim(), done: 0, open: {} };
    rows.set(key, row);
  }
  return row;
}

/**
 * Adds (sign 1) or takes away (sign -1) decisions from the rows they fall in, which must all be
 * in `rows` already (read, or new and empty: rowFor adds them).
 */
export function applyToTallyRows(
  rows: Map<string, TallyRow>,
  decisions: readonly TalliedDecision[],
  sign: 1 | -1,
): void {
  for (const d of decisions) {
    const row = rowFor(rows, d.responsible);
    if (d.status === 'done') row.done += sign;
    else {
      const left = (row.open[d.deadline] ?? 0) + sign;
      if (left === 0) delete row.open[d.deadline];
      else row.open[d.deadline] = left;
    }
  }
}

/** A row nothing is counted in any more: deleted rather than stored. */
export function isEmptyTallyRow(row: TallyRow): boolean {
  return row.done === 0 && Object.keys(row.open).length === 0;
}

/**
 * Whether a stored row is one the writes could have left: not when a bug or a crafted database
 * made a count below zero or not whole, a deadline that is no date, or a key not its name's.
 */
export function isSoundTallyRow(row: TallyRow): boolean {
  const whole = (n: unknown) => typeof n === 'number' && Number.isSafeInteger(n) && n >= 0;
  return (
    (row.grouping === 'person' || row.grouping === 'unit') &&
    typeof row.name === 'string' &&
    row.key === `${row.grouping}:${row.name}` &&
    whole(row.done) &&
    typeof row.open === 'object' &&
    row.open !== null &&
    Object.entries(row.open).every(([deadline, n]) => isCalendarDate(deadline) && whole(n) && n > 0)
  );
}

/**
 * The stored rows as the board counts them today, less the decisions it does not follow (those
 * of unsigned meetings, which are few and are read apart).
 */
export function tallyFromRows(
  rows: readonly TallyRow[],
  unfollowed: readonly TalliedDecision[],
  today: CalendarDate,
): GroupTally {
  const tally = emptyTally();
  for (const row of rows) {
    let open = 0;
    let overdue = 0;
    for (const [deadline, n] of Object.entries(row.open)) {
      open += n;
      if (followupTiming(deadline as CalendarDate, 'notStarted', today) === 'overdue') overdue += n;
    }
    const total = open + row.done;
    if (total > 0) tally[row.grouping].set(row.name, { name: row.name, total, open, overdue, done: row.done });
  }
  for (const d of unfollowed) tallyOne(tally, d.responsible, d.status, followupTiming(d.deadline, d.status, today), -1);
  for (const groups of Object.values(tally)) for (const [name, g] of groups) if (g.total <= 0) groups.delete(name);
  return tally;
}
