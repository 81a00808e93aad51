import { compareDates } from '../dates';
import type { BoardFilter, BoardRow } from './board';
import { FOLLOWUP_STATES, type FollowupState } from './state';

/**
 * The 督办 board one page at a time (issue #12: 107,000 decisions over ten years). The repository
 * reads a page through indexes; these pure rules say which rows a page holds and in what order,
 * so the paged board shows exactly what the whole board would.
 */

/** 未完成 (the three open states together) or one state. */
export type BoardTab = 'open' | FollowupState;
export const BOARD_TABS: readonly BoardTab[] = ['open', ...FOLLOWUP_STATES];
export const BOARD_PAGE_SIZE = 20;

export function boardTab(value: string | null | undefined): BoardTab {
  return BOARD_TABS.find((t) => t === value) ?? 'open';
}

export function tabStates(tab: BoardTab): FollowupState[] {
  return tab === 'open' ? FOLLOWUP_STATES.filter((s) => s !== 'done') : [tab];
}

/** Open work soonest deadline first; what is done, the latest first (the reverse of that order). */
export function newestFirst(tab: BoardTab): boolean {
  return tab === 'done';
}

/**
 * By deadline, then title, then id: decisions of one deadline often share a title (the same
 * task for many compounds), and a page read through an index must order them as the whole board.
 */
export function compareRows(a: BoardRow, b: BoardRow): number {
  return (
    compareDates(a.decision.deadline, b.decision.deadline) ||
    a.decision.title.localeCompare(b.decision.title) ||
    compareIds(a.decision.id, b.decision.id)
  );
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A tab's rows in the order the board shows them. */
export function sortForTab(rows: readonly BoardRow[], tab: BoardTab): BoardRow[] {
  const states = new Set(tabStates(tab));
  const sorted = rows.filter((r) => states.has(r.decision.status)).sort(compareRows);
  return newestFirst(tab) ? sorted.reverse() : sorted;
}

/** How many rows each tab holds. */
export function tabCounts(rows: readonly BoardRow[]): Record<BoardTab, number> {
  const counts: Record<BoardTab, number> = { open: 0, notStarted: 0, inProgress: 0, reported: 0, done: 0 };
  for (const r of rows) {
    counts[r.decision.status] += 1;
    if (r.decision.status !== 'done') counts.open += 1;
  }
  return counts;
}

/** The page asked for, or the last one when the filter left fewer pages (never below the first). */
export function clampPage(page: number, total: number, size = BOARD_PAGE_SIZE): number {
  const last = Math.max(0, Math.ceil(total / size) - 1);
  return Math.min(Math.max(0, Math.floor(Number.isFinite(page) ? page : 0)), last);
}

/**
 * A filter that names one meeting, compound, responsible or supervisor picks a few hundred
 * decisions through its own index: the board reads them all and pages in memory. Without one,
 * the board pages through the [status+deadline] index and counts without reading rows.
 */
export function narrowsBoard(filter: BoardFilter): boolean {
  return !!(filter.meetingId || filter.orgUnitId || filter.responsible || filter.supervisor);
}
