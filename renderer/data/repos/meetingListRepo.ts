import Dexie from 'dexie';
import type { Meeting, MeetingStatus } from '../../../shared/domain/meeting';
import type { YishiDb } from '../db';
import { instantOf } from '../../../shared/dates';

/** How many meetings a tab holds. Counting a long archive costs ~0.1-0.3 s, so it runs per tab, not per page. */
export async function meetingCount(db: YishiDb, statuses: readonly MeetingStatus[]): Promise<number> {
  const counts = await Promise.all(statuses.map((s) => db.meetings.where('status').equals(s).count()));
  return counts.reduce((a, b) => a + b, 0);
}

/** The newest meetings of one status, read through the [status+startAt] index: only this page's rows. */
function newestOfStatus(db: YishiDb, status: MeetingStatus, take: number): Promise<Meeting[]> {
  return db.meetings
    .where('[status+startAt]')
    .between([status, Dexie.minKey], [status, Dexie.maxKey])
    .reverse()
    .limit(take)
    .toArray();
}

/**
 * One page of the meeting list, newest first. A ten-year archive holds tens of thousands of
 * signed meetings: they stay on disk, and only the rows shown are read.
 */
export async function meetingPage(
  db: YishiDb,
  statuses: readonly MeetingStatus[],
  page: number,
  pageSize: number,
): Promise<Meeting[]> {
  const skip = (page - 1) * pageSize;
  if (statuses.length === 1) {
    const rows = await db.meetings
      .where('[status+startAt]')
      .between([statuses[0], Dexie.minKey], [statuses[0], Dexie.maxKey])
      .reverse()
      .offset(skip)
      .limit(pageSize)
      .toArray();
    return rows;
  }
  const merged = (await Promise.all(statuses.map((s) => newestOfStatus(db, s, skip + pageSize)))).flat();
  // By the instant, not the text: a time written with +08:00 and one in UTC compare as written.
  merged.sort((a, b) => instantOf(b.startAt) - instantOf(a.startAt));
  return merged.slice(skip, skip + pageSize);
}
