import type { MeetingStatus } from '../domain/meeting';
import { isLocked } from '../meeting/lifecycle';

/**
 * Follow-up starts when the meeting is signed: only then can its decisions no longer change
 * except by an amendment. A finalised (定稿) record can still go back to 已结束 and its decisions
 * be rewritten or deleted, which would leave progress notes about a decision nobody agreed to;
 * a cancelled meeting decided nothing. The rule reads the lifecycle table (`isLocked`).
 */
export function followupRefusal(status: MeetingStatus): string | null {
  if (isLocked({ status })) return null;
  if (status === 'cancelled') return '会议已取消，其决定事项不需要督办';
  return '会议尚未签字，决定事项还可能修改，签字后才能督办';
}
