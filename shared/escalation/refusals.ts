import { refusalMaker, type RefusalValues } from '../codedRefusal';

/**
 * Why the ladder's store refuses an action for a reason outside the step rules (the matter is
 * gone or closed, a linked meeting or task is gone, a stored row is damaged, an edited list of
 * departments is too long). Codes, so each screen words them in its locale; the Chinese here is
 * the default wording and the message of the thrown error.
 */
export const ESCALATION_REFUSALS_ZH = {
  matterMissing: '事项不存在，可能已被删除',
  matterMerged: '事项已合并到其他事项，请在合并后的事项上办理',
  matterClosed: '事项已办结，不能再改动',
  notEscalated: '只有上报件才能进入五议一备两公开程序，请先把事项上报',
  meetingMissing: '所选会议不存在，可能已被删除，请重新选择',
  notOpened: '这个事项还没有开始上报程序',
  tasksAssigned: '已经给报到部门分派了任务，不能退回到“吹哨报到”之前',
  taskMissing: '找不到这项任务，可能已被删除',
  storedRowInvalid: '保存的上报记录已损坏，不能继续办理',
  departmentNameTooLong: '部门“{name}”名称太长，不能超过{max}个字',
  tooManyDepartments: '报到部门最多{max}个',
} as const;
export type EscalationRefusal = keyof typeof ESCALATION_REFUSALS_ZH;

/** A refusal by code with its values (shared/codedRefusal.ts). */
export const escalationRefusal = refusalMaker<EscalationRefusal>('escalation', ESCALATION_REFUSALS_ZH);

/** The Chinese wording of a refusal with its values filled in. */
export function escalationRefusalZh(code: EscalationRefusal, values: RefusalValues = {}): string {
  return escalationRefusal(code, values).message;
}
