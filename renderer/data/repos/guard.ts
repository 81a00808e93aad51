import type { Meeting, MeetingStatus } from '../../../shared/domain/meeting';
import type { YishiDb } from '../db';

/** Raised when a change is asked of a meeting whose state does not allow it. */
export class MeetingLockedError extends Error {
  constructor(readonly status: MeetingStatus) {
    super(status === 'signed' ? '会议已签字锁定，只能通过修订更正' : '会议当前状态不允许修改');
  }
}

/** The meeting, if it is in one of the states that allow the change; throws otherwise. */
export async function requireMeeting(
  db: YishiDb,
  meetingId: string,
  allowed: readonly MeetingStatus[],
): Promise<Meeting> {
  const meeting = await db.meetings.get(meetingId);
  if (!meeting) throw new Error('会议不存在');
  if (!allowed.includes(meeting.status)) throw new MeetingLockedError(meeting.status);
  return meeting;
}

/** Agenda and invitations are prepared before and adjusted during the meeting. */
export const PREPARE_STATES: readonly MeetingStatus[] = ['draft', 'live', 'closed'];
/** Attendance, minutes, decisions and votes are taken while live and tidied after closing. */
export const RECORD_STATES: readonly MeetingStatus[] = ['live', 'closed'];
