import { z } from 'zod';
import { calendarDateSchema, compareDates, isCalendarDate, momentSchema, type CalendarDate } from '../dates';
import {
  applyStep,
  FOLLOWUP_STATES,
  PROGRESS_KINDS,
  PROGRESS_TEXT_MAX,
  type ProgressProblem,
  type ProgressStep,
} from '../followup/state';
import type { CodedRefusal, RefusalValues } from '../codedRefusal';
import { escalationRefusal, type EscalationRefusal } from './refusals';

/**
 * 吹哨报到 ("社区吹哨、部门报到"): the district's departments summoned to a matter the community and
 * the sub-district could not solve. Each department gets tasks; each task has the four fields of
 * any decision (谁来干 = the department, 干到什么标准, 什么时间干完, 谁来监督), the department's
 * 报到 (date and person) and the same follow-up states as a decision (shared/followup/state.ts),
 * so it is followed on the same 督办 board.
 */

/** Offered when settings hold no list of their own: district departments a community calls on. */
export const DEFAULT_SUMMON_DEPARTMENTS = [
  '区住房和城乡建设局',
  '区综合行政执法局（城管局）',
  '区自然资源局',
  '区水务局',
  '市生态环境局垦利分局',
  '公安垦利分局',
  '区民政局',
  '区卫生健康局',
  '区市场监督管理局',
  '区应急管理局',
  '区交通运输局',
  '区教育和体育局',
  '区人力资源和社会保障局',
  '区医疗保障局',
  '区消防救援大队',
  '区供电公司',
  '区城乡社区治理办公室',
  '区信访局',
] as const;

export const DEPARTMENT_MAX = 40;
export const DEPARTMENT_LIST_MAX = 100;

/** A step of a task's follow-up, kept on the task row (a task has few). */
export const summonsProgressSchema = z.object({
  at: momentSchema,
  by: z.string().trim().min(1).max(30),
  kind: z.enum(PROGRESS_KINDS),
  text: z.string().trim().max(PROGRESS_TEXT_MAX),
});
export type SummonsProgress = z.infer<typeof summonsProgressSchema>;

export const summonedTaskSchema = z.object({
  id: z.string().min(1),
  escalationId: z.string().min(1),
  matterId: z.string().min(1),
  orgUnitId: z.string().min(1),
  department: z.string().trim().min(1).max(DEPARTMENT_MAX),
  task: z.string().trim().min(1).max(200),
  standard: z.string().trim().min(1).max(1000),
  deadline: calendarDateSchema,
  /** 谁来监督: the sub-district or the governance office, in words. */
  supervisor: z.string().trim().min(1).max(60),
  /** 报到: when the department reported in, and who came. */
  checkedInOn: calendarDateSchema.optional(),
  checkedInBy: z.string().trim().min(1).max(30).optional(),
  status: z.enum(FOLLOWUP_STATES),
  progress: z.array(summonsProgressSchema).max(500),
  createdAt: momentSchema,
  updatedAt: momentSchema,
});
export type SummonedTask = z.infer<typeof summonedTaskSchema>;

export type SummonsProblem =
  | 'departmentMissing'
  | 'departmentTooLong'
  | 'taskMissing'
  | 'taskTooLong'
  | 'standardMissing'
  | 'standardTooLong'
  | 'deadlineInvalid'
  | 'deadlineBeforeSummons'
  | 'supervisorMissing'
  | 'supervisorIsDepartment'
  | 'duplicateTask'
  | 'notSummoned'
  | 'checkInDateInvalid'
  | 'checkInBeforeSummons'
  | 'checkInInFuture'
  | 'checkInByMissing'
  | 'alreadyCheckedIn'
  | 'notCheckedIn'
  | ProgressProblem;

export const SUMMONS_PROBLEMS_ZH: Readonly<Record<SummonsProblem, string>> = {
  departmentMissing: '请选择报到部门',
  departmentTooLong: '部门名称不能超过40个字',
  taskMissing: '请填写任务（谁来干什么）',
  taskTooLong: '任务不能超过200个字',
  standardMissing: '请填写干到什么标准',
  standardTooLong: '完成标准不能超过1000个字',
  deadlineInvalid: '请选择完成时限',
  deadlineBeforeSummons: '完成时限不能早于吹哨报到的日期',
  supervisorMissing: '请填写谁来监督',
  supervisorIsDepartment: '监督人不能是责任部门本身',
  duplicateTask: '这个部门已经有同样的任务',
  notSummoned: '请先记录“吹哨报到”这一步，再给部门分派任务',
  checkInDateInvalid: '请选择报到日期',
  checkInBeforeSummons: '报到日期不能早于吹哨报到的日期',
  checkInInFuture: '报到日期不能晚于今天',
  checkInByMissing: '请填写报到人',
  alreadyCheckedIn: '这个部门已经报到',
  notCheckedIn: '部门报到后才能报告完成',
  byMissing: '请填写是谁（姓名）',
  textMissing: '请填写进展情况',
  textTooLong: '内容太长，请控制在1000字以内',
  reasonMissing: '退回必须写明原因',
  alreadyDone: '这项任务已经由监督人确认完成，不能再变更',
  alreadyReported: '已经报告完成，正在等待监督人验收',
  notReported: '责任部门报告完成后，监督人才能确认或退回',
  notSupervisor: '确认人不是记录的监督人，请确认由此人代为验收',
};

export interface TaskDraft {
  department: string;
  task: string;
  standard: string;
  deadline: string;
  supervisor: string;
}

/**
 * What keeps a task from being assigned; empty when it can be. `summonedOn` is the 吹哨报到 step's
 * date (undefined when that step is not recorded as done); `existing` the tasks already assigned.
 */
export function taskProblems(
  draft: TaskDraft,
  summonedOn: CalendarDate | undefined,
  existing: readonly Pick<SummonedTask, 'department' | 'task'>[],
): SummonsProblem[] {
  if (!summonedOn) return ['notSummoned'];
  const problems: SummonsProblem[] = [];
  const department = draft.department.trim();
  if (!department) problems.push('departmentMissing');
  else if ([...department].length > DEPARTMENT_MAX) problems.push('departmentTooLong');
  if (!draft.task.trim()) problems.push('taskMissing');
  else if (draft.task.trim().length > 200) problems.push('taskTooLong');
  if (!draft.standard.trim()) problems.push('standardMissing');
  else if (draft.standard.trim().length > 1000) problems.push('standardTooLong');
  if (!isCalendarDate(draft.deadline)) problems.push('deadlineInvalid');
  else if (compareDates(draft.deadline, summonedOn) < 0) problems.push('deadlineBeforeSummons');
  if (!draft.supervisor.trim()) problems.push('supervisorMissing');
  else if (draft.supervisor.trim() === department) problems.push('supervisorIsDepartment');
  if (existing.some((t) => t.department.trim() === department && t.task.trim() === draft.task.trim()))
    problems.push('duplicateTask');
  return problems;
}

/** Why a department's 报到 is refused, or null. */
export function checkInProblem(
  task: Pick<SummonedTask, 'checkedInOn'>,
  date: string,
  by: string,
  summonedOn: CalendarDate,
  today: CalendarDate,
): SummonsProblem | null {
  if (task.checkedInOn) return 'alreadyCheckedIn';
  if (!isCalendarDate(date)) return 'checkInDateInvalid';
  if (compareDates(date, summonedOn) < 0) return 'checkInBeforeSummons';
  if (compareDates(date, today) > 0) return 'checkInInFuture';
  if (!by.trim()) return 'checkInByMissing';
  return null;
}

/**
 * A follow-up step on a task: the decision's own transition table (only the supervisor confirms),
 * plus one rule of 吹哨报到 — a department that has not reported in cannot report the task done.
 */
export function applyTaskStep(
  task: Pick<SummonedTask, 'status' | 'supervisor' | 'checkedInOn'>,
  step: ProgressStep,
): { ok: true; state: SummonedTask['status'] } | { ok: false; problem: SummonsProblem } {
  if (step.kind === 'reportDone' && !task.checkedInOn && task.status !== 'done')
    return { ok: false, problem: 'notCheckedIn' };
  return applyStep(task.status, step, { kind: 'text', name: task.supervisor });
}

/**
 * An edited department list, cleaned (trimmed, blanks and repeats dropped, order kept), or why it
 * cannot be kept. An empty list means "use the defaults".
 */
export function cleanDepartmentList(
  entries: readonly string[],
): { ok: true; list: string[] } | { ok: false; message: string; refusal: CodedRefusal } {
  const list = [...new Set(entries.map((e) => e.trim()).filter((e) => e !== ''))];
  const refuse = (code: EscalationRefusal, values: RefusalValues) => {
    const refusal = escalationRefusal(code, values);
    return { ok: false, message: refusal.message, refusal } as const;
  };
  const tooLong = list.find((e) => [...e].length > DEPARTMENT_MAX);
  if (tooLong) return refuse('departmentNameTooLong', { name: tooLong, max: DEPARTMENT_MAX });
  if (list.length > DEPARTMENT_LIST_MAX) return refuse('tooManyDepartments', { max: DEPARTMENT_LIST_MAX });
  return { ok: true, list };
}
