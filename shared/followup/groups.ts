// 按责任人 / 按责任单位: how many decisions each responsible person or unit has, open, overdue and
// done. Counted from board rows in the window, or from bare decisions page by page where the
// ten years' 105,000 are read off the window's thread (renderer/data/boardWorker.ts): both
// through the same tally, so the two can never count differently.
import type { CalendarDate } from '../dates';
import type { Decision } from '../domain/decision';
import type { BoardRow } from './board';
import { followupTiming, type FollowupState, type FollowupTiming } from './state';

/** 按责任人: a roster person; 按责任单位: a unit written as text (物业公司, 业委会, a 共建单位). */
export type Grouping = 'person' | 'unit';

export interface GroupCount {
  name: string;
  total: number;
  /** Not yet confirmed done. */
  open: number;
  overdue: number;
  done: number;
}

/** Both groupings' counts so far, by name. */
export type GroupTally = Record<Grouping, Map<string, GroupCount>>;

export function groupingOf(responsible: Decision['responsible']): Grouping {
  return responsible.kind === 'person' ? 'person' : 'unit';
}

export function emptyTally(): GroupTally {
  return { person: new Map(), unit: new Map() };
}

/**
 * Counts one followed row (a decision or a 吹哨报到 task) into its person's or unit's group, or
 * (sign -1) takes it out again.
 */
export function tallyOne(
  tally: GroupTally,
  responsible: Decision['responsible'],
  status: FollowupState,
  timing: FollowupTiming,
  sign: 1 | -1 = 1,
): void {
  const groups = tally[groupingOf(responsible)];
  const name = responsible.name.trim();
  const g = groups.get(name) ?? { name, total: 0, open: 0, overdue: 0, done: 0 };
  g.total += sign;
  if (status === 'done') g.done += sign;
  else g.open += sign;
  if (timing === 'overdue') g.overdue += sign;
  groups.set(name, g);
}

export function tallyRows(tally: GroupTally, rows: readonly BoardRow[]): GroupTally {
  for (const { decision: d, timing } of rows) tallyOne(tally, d.responsible, d.status, timing);
  return tally;
}

/**
 * Decisions of followed meetings (not in `unfollowed`), as the board times them today. What a
 * decision needs to be counted and nothing else, so a page of them is all a reader keeps.
 */
export function tallyDecisions(
  tally: GroupTally,
  decisions: readonly Pick<Decision, 'meetingId' | 'responsible' | 'status' | 'deadline'>[],
  unfollowed: ReadonlySet<string>,
  today: CalendarDate,
): GroupTally {
  for (const d of decisions)
    if (!unfollowed.has(d.meetingId))
      tallyOne(tally, d.responsible, d.status, followupTiming(d.deadline, d.status, today));
  return tally;
}

/** A tally as plain lists (to cross from a worker), and back, adding to what is there. */
export function talliedLists(tally: GroupTally): Record<Grouping, GroupCount[]> {
  return { person: [...tally.person.values()], unit: [...tally.unit.values()] };
}

export function addLists(tally: GroupTally, lists: Record<Grouping, readonly GroupCount[]>): GroupTally {
  for (const grouping of ['person', 'unit'] as const)
    for (const g of lists[grouping]) {
      const had = tally[grouping].get(g.name);
      tally[grouping].set(
        g.name,
        had
          ? {
              name: g.name,
              total: had.total + g.total,
              open: had.open + g.open,
              overdue: had.overdue + g.overdue,
              done: had.done + g.done,
            }
          : { ...g },
      );
    }
  return tally;
}

/** One grouping's counts, those with the most overdue first. */
export function talliedGroups(tally: GroupTally, grouping: Grouping): GroupCount[] {
  return [...tally[grouping].values()].sort(
    (a, b) => b.overdue - a.overdue || b.open - a.open || a.name.localeCompare(b.name),
  );
}

/** Counts per responsible person or unit, those with the most overdue first. */
export function groupCounts(rows: readonly BoardRow[], grouping: Grouping): GroupCount[] {
  return talliedGroups(tallyRows(emptyTally(), rows), grouping);
}
