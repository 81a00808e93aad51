import type { Decision } from '../../../shared/domain/decision';
import type { SummonedTask } from '../../../shared/escalation/summons';
import { FOLLOWUP_STATES, type FollowupState } from '../../../shared/followup/state';
import type { YishiDb } from '../db';
import { rowsWithAnyOf } from '../indexReads';
import { cachedOrgUnits, cachedRead } from '../tableCache';
import { unfollowedMeetingIds } from './followedMeetings';

/**
 * What the 督办 board reads whatever page it shows, kept until its tables are written
 * (tableCache.ts): boardRepo.ts reads them before its transaction, and at idle (warmBoardReads).
 */

export const OPEN_STATES = FOLLOWUP_STATES.filter((s) => s !== 'done');

/**
 * The units that hold meetings, compounds and communities (吹哨报到 tasks belong to them too), for
 * the compound filter: the same list until a unit is written, so the filters are not drawn again
 * for every page read.
 */
export function meetingHolders(db: YishiDb): Promise<readonly { id: string; name: string }[]> {
  return cachedRead(db, 'board:meetingHolders', ['orgUnits'], async () =>
    (await cachedOrgUnits(db))
      .filter((u) => u.level === 'compound' || u.level === 'community')
      .map((u) => ({ id: u.id, name: u.name })),
  );
}

/**
 * The decisions of meetings the board does not follow (drafts, meetings being finalised,
 * cancelled: ~1,200 at ten years), which the wide counts subtract: read once, then from the
 * cache until a meeting or a decision is written, not on every page and filter change.
 */
export function unsignedDecisions(db: YishiDb): Promise<readonly Decision[]> {
  return cachedRead(db, 'board:unsignedDecisions', ['meetings', 'decisions'], async () =>
    // One getAll per meeting (indexReads.ts): anyOf's cursor took 126 ms for 1,143 rows at ×1.
    rowsWithAnyOf(db.decisions, 'meetingId', [...(await unfollowedMeetings(db))]),
  );
}

/**
 * The meetings not signed (drafts, meetings being finalised, cancelled), by their status index:
 * kept until a meeting is written, so a narrow filter's page does not read them after its
 * decisions (five index reads, ~10 ms at ×1, one after the other).
 */
export function unfollowedMeetings(db: YishiDb): Promise<ReadonlySet<string>> {
  return cachedRead(db, 'board:unfollowedMeetings', ['meetings'], async () => new Set(await unfollowedMeetingIds(db)));
}

/**
 * 吹哨报到 tasks in these states, by the status index: ~1,200 at ten years, read once and kept
 * until a task is written, not on every page and filter change (tableCache.ts). The open ones
 * (~150) are kept apart for the wide board's first page; any ask that includes 已完成 is served
 * from all of them, read once for the 已完成 tab, its count and the narrow filters alike.
 */
export async function summonedTasksIn(db: YishiDb, states: readonly FollowupState[]): Promise<readonly SummonedTask[]> {
  const openOnly = states.every((s) => s !== 'done');
  const read = openOnly ? OPEN_STATES : FOLLOWUP_STATES;
  // One getAll per state (indexReads.ts): anyOf's cursor took 68 ms for the 1,084 done ones at ×1.
  const tasks = await cachedRead(db, `board:summoned:${read.join(',')}`, ['summonedTasks'], () =>
    rowsWithAnyOf(db.summonedTasks, 'status', read),
  );
  return tasks.filter((t) => states.includes(t.status));
}
