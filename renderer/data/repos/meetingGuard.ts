import type { Meeting, MeetingStatus } from '../../../shared/domain/meeting';
import { editRefusal, type EditablePart } from '../../../shared/meeting/lifecycle';
import { Refusal, refusal } from '../../../shared/refusal';
import type { YishiDb } from '../db';

/**
 * Raised when a change is asked of a meeting whose state does not allow it. Its message is the
 * lifecycle table's Chinese reason; the screens word it per locale from its status and part.
 */
export class MeetingLockedError extends Refusal {
  constructor(
    readonly status: MeetingStatus,
    readonly part: EditablePart,
  ) {
    super('editRefused', editRefusal(status, part) ?? '会议当前状态不允许修改', { status, part });
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
  if (!meeting) throw refusal('meetingMissing');
  if (editRefusal(meeting.status, part) !== null) throw new MeetingLockedError(meeting.status, part);
  return meeting;
}
