import type Dexie from 'dexie';
import type { CalendarDate } from '../../../shared/dates';
import { talliedLists, type GroupCount, type Grouping } from '../../../shared/followup/groups';
import { tallyFromRows } from '../../../shared/followup/tallyRows';
import { readStoredTally, resetStoredTally, tallyPiece } from '../decisionTally';
import { rowsWithAnyOf } from '../indexReads';
import type { Decision } from '../../../shared/domain/decision';

/**
 * Decisions counted per piece while the stored rows are built (after the upgrade that added
 * them, or a restore): 2,000 are ~60 ms of IndexedDB at ×1 here, as long as a writer waits.
 */
export const TALLY_PAGE = 2_000;

/**
 * 按责任人 / 按责任单位 of the whole board (no filter), where the stored rows may not cover every
 * decision yet (the window reads complete rows itself: boardClient.ts): the stored rows per person and unit
 * (renderer/data/decisionTally.ts), judged against today, less the decisions of the meetings the
 * board does not follow. Where the rows do not cover every decision yet, the rest are counted
 * first, a transaction a piece, so a write in the window waits for one piece, never for the
 * whole ten years; a write meanwhile makes the caller's cache read again (tableCache.ts).
 */
export async function tallyFollowedDecisions(
  db: Dexie,
  unfollowed: ReadonlySet<string>,
  today: CalendarDate,
  pageSize = TALLY_PAGE,
): Promise<Record<Grouping, GroupCount[]>> {
  // Twice at most: rows found unsound are counted once afresh; unsound again is a fault to report.
  for (let attempt = 0; attempt < 2; attempt++) {
    let rows: Awaited<ReturnType<typeof readStoredTally>> = null;
    // A restore may empty the rows between the last piece and the reading: then count again.
    while (rows === null) {
      while (!(await tallyPiece(db, pageSize)));
      rows = await readStoredTally(db);
    }
    if (rows !== 'unsound') {
      const notFollowed = await rowsWithAnyOf(db.table<Decision, string>('decisions'), 'meetingId', [...unfollowed]);
      return talliedLists(tallyFromRows(rows, notFollowed, today));
    }
    await resetStoredTally(db);
  }
  throw new Error('decision tally rows unsound after a recount');
}
