import Dexie from 'dexie';
import { boardMeeting, type BoardMeeting } from '../../../shared/followup/board';
import type { YishiDb } from '../db';
import { loadSummonedForBoard } from './escalationRepo';

/** The choices of the 督办 board's filters (boardRepo.ts reads the board itself). */

export interface BoardOptions {
  responsible: string[];
  supervisors: string[];
  meetings: BoardMeeting[];
}

/** How many signed meetings the meeting filter offers (the newest); a compound's are all offered. */
const MEETING_OPTIONS = 300;

/**
 * The choices of the filters, read when a filter is opened: the names from the decisions'
 * name indexes (each name once, no row read), the newest signed meetings (or all of the
 * chosen compound's) and the 吹哨报到 departments.
 */
export async function loadBoardOptions(db: YishiDb, orgUnitId: string | undefined): Promise<BoardOptions> {
  return db.transaction('r', [db.decisions, db.meetings, db.summonedTasks, db.matters], async () => {
    const [responsible, supervisors, summoned] = await Promise.all([
      db.decisions.orderBy('responsible.name').uniqueKeys(),
      db.decisions.orderBy('supervisor.name').uniqueKeys(),
      loadSummonedForBoard(db),
    ]);
    const meetings = orgUnitId
      ? await db.meetings
          .where('[orgUnitId+startAt]')
          .between([orgUnitId, Dexie.minKey], [orgUnitId, Dexie.maxKey])
          .reverse()
          .filter((m) => m.status === 'signed')
          .toArray()
      : await db.meetings
          .where('[status+startAt]')
          .between(['signed', Dexie.minKey], ['signed', Dexie.maxKey])
          .reverse()
          .limit(MEETING_OPTIONS)
          .toArray();
    return {
      responsible: [...(responsible as string[]), ...summoned.map((s) => s.task.department)],
      supervisors: [...(supervisors as string[]), ...summoned.map((s) => s.task.supervisor)],
      meetings: meetings.map(boardMeeting),
    };
  });
}
