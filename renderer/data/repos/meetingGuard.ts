import type { Meeting, MeetingStatus } from '../../../shared/domain/meeting';
import { editRefusal, type EditablePart } from '../../../shared/meeting/lifecycle';
import type { YishiDb } from '../db';

/** Raised when a change is asked of a meeting whose state does not allow it; the message is the screen's. */
export class MeetingLockedError extends Error {
  constructor(
    readonly status: MeetingStatus,
    readonly part: EditablePart,
  ) {
    super(editRefusal(status, part) ?? '会议当前状态不允许修改');
    this.name = 'MeetingLockedError';
  }
}

/**
 * The meeting, if the lifecycle table (shared/meeting/lifecycle.ts) lets this part of it change
 * in its current state; throws otherwise. Call it inside the write's transaction, so a meeting
 * finalised or signed a moment ago in another window can never receive a late write.
 */
export async function requireEditable(db: YishiDb, meetingId: string, part: EditablePart): Promise<Meeting> {
  const meeting = await db.meetings.get(meetingId);
  if (!meeting) throw new Error('会议不存在');
  if (editRefusal(meeting.status, part) !== null) throw new MeetingLockedError(meeting.status, part);
  return meeting;
}
