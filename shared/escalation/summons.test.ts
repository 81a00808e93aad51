import { describe, expect, it } from 'vitest';
import {
  applyTaskStep,
  checkInProblem,
  cleanDepartmentList,
  DEFAULT_SUMMON_DEPARTMENTS,
  summonedTaskSchema,
  taskProblems,
  type TaskDraft,
} from './summons';

const draft: TaskDraft = {
  department: '区住房和城乡建设局',
  task: '制定老旧管网改造方案',
  standard: '方案经社区居民代表会议通过',
  deadline: '2026-12-31',
  supervisor: '垦利街道党工委',
};

describe('吹哨报到 tasks', () => {
  it('needs the 吹哨报到 step recorded first', () => {
    expect(taskProblems(draft, undefined, [])).toEqual(['notSummoned']);
    expect(taskProblems(draft, '2026-12-01', [])).toEqual([]);
  });

  it('checks the four fields, the deadline against the summons day and duplicates', () => {
    expect(
      taskProblems(
        { department: ' ', task: '', standard: '', deadline: '2026-02-30', supervisor: '' },
        '2026-12-01',
        [],
      ),
    ).toEqual(['departmentMissing', 'taskMissing', 'standardMissing', 'deadlineInvalid', 'supervisorMissing']);
    expect(taskProblems({ ...draft, deadline: '2026-11-30' }, '2026-12-01', [])).toEqual(['deadlineBeforeSummons']);
    expect(taskProblems({ ...draft, deadline: '2026-12-01' }, '2026-12-01', [])).toEqual([]);
    expect(taskProblems({ ...draft, supervisor: draft.department }, '2026-12-01', [])).toEqual([
      'supervisorIsDepartment',
    ]);
    expect(taskProblems(draft, '2026-12-01', [{ department: draft.department, task: ` ${draft.task} ` }])).toEqual([
      'duplicateTask',
    ]);
    expect(taskProblems({ ...draft, department: '局'.repeat(41), task: '任'.repeat(201) }, '2026-12-01', [])).toEqual([
      'departmentTooLong',
      'taskTooLong',
    ]);
  });

  it('报到: once, not before the summons, not in the future, with a person', () => {
    expect(checkInProblem({}, '2026-12-02', '张科长', '2026-12-01', '2026-12-03')).toBeNull();
    expect(checkInProblem({ checkedInOn: '2026-12-02' }, '2026-12-02', '张科长', '2026-12-01', '2026-12-03')).toBe(
      'alreadyCheckedIn',
    );
    expect(checkInProblem({}, '2026-11-30', '张科长', '2026-12-01', '2026-12-03')).toBe('checkInBeforeSummons');
    expect(checkInProblem({}, '2026-12-04', '张科长', '2026-12-01', '2026-12-03')).toBe('checkInInFuture');
    expect(checkInProblem({}, 'x', '张科长', '2026-12-01', '2026-12-03')).toBe('checkInDateInvalid');
    expect(checkInProblem({}, '2026-12-02', ' ', '2026-12-01', '2026-12-03')).toBe('checkInByMissing');
  });

  it('follows the decision table: report after 报到, only the supervisor confirms', () => {
    const task = { status: 'notStarted' as const, supervisor: '垦利街道党工委' };
    expect(applyTaskStep(task, { kind: 'reportDone', by: '张科长', text: '' })).toEqual({
      ok: false,
      problem: 'notCheckedIn',
    });
    const checked = { ...task, checkedInOn: '2026-12-02' as const };
    expect(applyTaskStep(checked, { kind: 'note', by: '张科长', text: '已勘查现场' })).toEqual({
      ok: true,
      state: 'inProgress',
    });
    const reported = { ...checked, status: 'reported' as const };
    expect(applyTaskStep(reported, { kind: 'confirm', by: '张科长', text: '' })).toEqual({
      ok: false,
      problem: 'notSupervisor',
    });
    expect(applyTaskStep(reported, { kind: 'confirm', by: '垦利街道党工委', text: '' })).toEqual({
      ok: true,
      state: 'done',
    });
    expect(applyTaskStep(reported, { kind: 'return', by: '垦利街道党工委', text: '' })).toEqual({
      ok: false,
      problem: 'reasonMissing',
    });
  });

  it('the default list holds realistic district departments (the 垦利 case had 18)', () => {
    expect(DEFAULT_SUMMON_DEPARTMENTS).toHaveLength(18);
    expect(DEFAULT_SUMMON_DEPARTMENTS.some((d) => d.includes('住房和城乡建设局'))).toBe(true);
    expect(cleanDepartmentList([...DEFAULT_SUMMON_DEPARTMENTS]).ok).toBe(true);
  });

  it('an edited list is cleaned, or refused in Chinese', () => {
    expect(cleanDepartmentList([' 区水务局', '区水务局', '', '区民政局'])).toEqual({
      ok: true,
      list: ['区水务局', '区民政局'],
    });
    const long = cleanDepartmentList(['局'.repeat(41)]);
    expect(long.ok).toBe(false);
    if (!long.ok) expect(long.message).toMatch(/不能超过40个字/);
    const many = cleanDepartmentList(Array.from({ length: 101 }, (_, i) => `部门${i}`));
    expect(many).toMatchObject({
      ok: false,
      message: '报到部门最多100个',
      refusal: { table: 'escalation', code: 'tooManyDepartments', values: { max: 100 } },
    });
  });

  it('the stored row is validated', () => {
    const row = {
      id: 't1',
      escalationId: 'e1',
      matterId: 'm1',
      orgUnitId: 'u1',
      ...draft,
      status: 'notStarted',
      progress: [],
      createdAt: '2026-12-01T09:00:00+08:00',
      updatedAt: '2026-12-01T09:00:00+08:00',
    };
    expect(summonedTaskSchema.safeParse(row).success).toBe(true);
    expect(summonedTaskSchema.safeParse({ ...row, status: 'open' }).success).toBe(false);
    expect(summonedTaskSchema.safeParse({ ...row, deadline: '2026-12-32' }).success).toBe(false);
  });
});
