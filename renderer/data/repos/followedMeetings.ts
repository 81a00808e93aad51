import { MEETING_STATUSES } from '../../../shared/domain/meeting';
import { followupRefusal } from '../../../shared/followup/access';
import type { YishiDb } from '../db';

/** The meeting states whose decisions are followed (督办): signed ones, by the rule in access.ts. */
const FOLLOWED = MEETING_STATUSES.filter((s) => followupRefusal(s) === null);

/**
 * The meetings whose decisions are not followed, by their status index, one key range per state:
 * Dexie's noneOf/notEqual walk every key of the index (21,000 meetings), equals reads only these.
 */
export async function unfollowedMeetingIds(db: YishiDb): Promise<string[]> {
  const states = MEETING_STATUSES.filter((s) => !FOLLOWED.includes(s));
  return (await Promise.all(states.map((s) => db.meetings.where('status').equals(s).primaryKeys()))).flat();
}

/**
 * Which meetings' decisions the 督办 follows in the scope, decided from index keys alone: the
 * meetings not signed (`unfollowed`: drafts, meetings being finalised, cancelled ones, a few
 * hundred in ten years, which the caller has from the cache, boardCachedReads.ts) and, for a
 * scope, the meetings of its units. Reading the meeting rows of thousands of open decisions was
 * most of the 工作台's and the badge's time on a ten-year database.
 */
export async function followedMeetingTest(
  db: YishiDb,
  scope: ReadonlySet<string> | null,
  unfollowed: ReadonlySet<string>,
): Promise<(meetingId: string) => boolean> {
  const inScope = scope
    ? await db.meetings
        .where('orgUnitId')
        .anyOf([...scope])
        .primaryKeys()
    : null;
  const within = inScope ? new Set(inScope) : null;
  return (meetingId) => !unfollowed.has(meetingId) && (within === null || within.has(meetingId));
}
