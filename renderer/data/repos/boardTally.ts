import type Dexie from 'dexie';
import type { CalendarDate } from '../../../shared/dates';
import type { Decision } from '../../../shared/domain/decision';
import {
  emptyTally,
  talliedLists,
  tallyDecisions,
  type GroupCount,
  type Grouping,
} from '../../../shared/followup/groups';

/** Rows a page: 2,000 decisions are ~60 ms of IndexedDB at ×1 here, as long as a writer waits. */
export const TALLY_PAGE = 2_000;

/**
 * 按责任人 / 按责任单位 of the whole board (no filter): every decision of a followed meeting,
 * counted page by page in key order. A transaction a page, so a write in the window waits for
 * one page, never for the whole ten years; a write meanwhile makes the caller's cache read
 * again (tableCache.ts), so a count that straddled it is never kept.
 */
export async function tallyFollowedDecisions(
  db: Dexie,
  unfollowed: ReadonlySet<string>,
  today: CalendarDate,
  pageSize = TALLY_PAGE,
): Promise<Record<Grouping, GroupCount[]>> {
  const tally = emptyTally();
  const decisions = db.table<Decision, string>('decisions');
  let after = '';
  for (;;) {
    const page = await decisions.where(':id').above(after).limit(pageSize).toArray();
    tallyDecisions(tally, page, unfollowed, today);
    if (page.length < pageSize) return talliedLists(tally);
    after = page[page.length - 1]!.id;
  }
}
