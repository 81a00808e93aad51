import { describe, expect, it } from 'vitest';
import {
  attentionCount,
  boardRows,
  byState,
  exportLines,
  EXPORT_HEADERS,
  filterBoard,
  groupCounts,
  latestSteps,
  mergeBoardRows,
  summonedBoardRows,
  type BoardMeeting,
  type SummonedBoardTask,
} from './board';
import type { ProgressEvent } from './state';
import { followedDecision } from '../fixtures/followedDecision';

const meeting = (id: string, orgUnitId: string, status: BoardMeeting['status'] = 'signed'): BoardMeeting => ({
  id,
  title: '党群议事日',
  orgUnitId,
  issueYear: 2026,
  issueNo: 7,
  startAt: '2026-10-10T09:00:00+08:00',
  status,
});
const meetings = [meeting('m1', 'u1'), meeting('m2', 'u2'), meeting('m3', 'u1', 'closed')];
const units = new Map([
  ['u1', '帝纱富仕城'],
  ['u2', '新东方小区'],
]);

const decision = followedDecision;
const decisions = [
  decision('a', { deadline: '2026-11-19', status: 'inProgress' }), // overdue
  decision('b', { deadline: '2026-11-20', responsible: { kind: 'text', name: '物业公司' } }), // due today
  decision('c', { deadline: '2026-11-22', status: 'reported', meetingId: 'm2' }), // due soon
  decision('d', { deadline: '2026-11-01', status: 'done', responsible: { kind: 'text', name: '物业公司' } }),
  decision('e', { meetingId: 'm3' }), // meeting not signed: not followed
];
const step = (decisionId: string, at: string, text: string): ProgressEvent => ({
  id: `${decisionId}${at}`,
  decisionId,
  meetingId: 'm1',
  at,
  by: '王建国',
  kind: 'note',
  text,
});
const steps = [step('a', '2026-11-02T01:00:00.000Z', '旧'), step('a', '2026-11-18T15:30:00.000Z', '新')];
const rows = boardRows(decisions, meetings, units, latestSteps(steps), '2026-11-20');

describe('the 督办 board', () => {
  it('follows only decisions of signed meetings, soonest deadline first, with timing and latest step', () => {
    expect(rows.map((r) => [r.decision.id, r.timing])).toEqual([
      ['d', 'none'],
      ['a', 'overdue'],
      ['b', 'dueToday'],
      ['c', 'dueSoon'],
    ]);
    expect(rows.find((r) => r.decision.id === 'a')?.latest?.text).toBe('新');
    expect(rows.find((r) => r.decision.id === 'c')?.orgUnitName).toBe('新东方小区');
  });

  it('filters by compound, responsible, supervisor, meeting and due-date range', () => {
    const ids = (f: Parameters<typeof filterBoard>[1]) => filterBoard(rows, f).map((r) => r.decision.id);
    expect(ids({ orgUnitId: 'u2' })).toEqual(['c']);
    expect(ids({ responsible: '物业公司' })).toEqual(['d', 'b']);
    expect(ids({ supervisor: '业委会', meetingId: 'm1' })).toEqual(['d', 'a', 'b']);
    expect(ids({ dueFrom: '2026-11-19', dueTo: '2026-11-20' })).toEqual(['a', 'b']);
    expect(ids({})).toHaveLength(4);
  });

  it('puts each decision in its state’s column and counts overdue + due today for the badge', () => {
    const columns = byState(rows);
    expect(Object.fromEntries(Object.entries(columns).map(([k, v]) => [k, v.map((r) => r.decision.id)]))).toEqual({
      notStarted: ['b'],
      inProgress: ['a'],
      reported: ['c'],
      done: ['d'],
    });
    expect(attentionCount(rows)).toBe(2);
  });

  it('groups by person and by unit with open and overdue counts', () => {
    expect(groupCounts(rows, 'person')).toEqual([{ name: '王建国', total: 2, open: 2, overdue: 1, done: 0 }]);
    expect(groupCounts(rows, 'unit')).toEqual([{ name: '物业公司', total: 2, open: 1, overdue: 0, done: 1 }]);
  });

  it('exports Chinese columns, the deadline and the latest step’s wall-clock day as dates', () => {
    const lines = exportLines(rows);
    expect(EXPORT_HEADERS).toHaveLength(lines[0]!.length);
    const a = lines[1]!;
    expect(a.slice(0, 7)).toEqual(['事项a', '王建国', '按标准', '2026-11-19', '业委会', '进行中', '逾期']);
    expect(a[7]).toBe('党群议事日（2026年第7期）');
    expect(a[9]).toBe('王建国：新');
    // 15:30 UTC on the 18th is the 18th or the 19th depending on the zone the app runs in.
    expect(a[10]).toBe(new Date('2026-11-18T15:30:00.000Z').getDate() === 19 ? '2026-11-19' : '2026-11-18');
  });
});

describe('吹哨报到 tasks on the board', () => {
  const task = (id: string, over: Partial<SummonedBoardTask>): SummonedBoardTask => ({
    id,
    escalationId: 'e1',
    matterId: 'mat1',
    orgUnitId: 'u2',
    department: '区水务局',
    task: `任务${id}`,
    standard: '雨季前不再积水',
    deadline: '2026-11-20',
    supervisor: '垦利街道党工委',
    status: 'notStarted',
    progress: [],
    createdAt: '2026-11-01T09:00:00+08:00',
    ...over,
  });
  const summoned = summonedBoardRows(
    [
      { task: task('t1', {}), matterTitle: '小区积水' },
      {
        task: task('t2', {
          department: '区住房和城乡建设局',
          deadline: '2026-12-31',
          status: 'inProgress',
          progress: [{ at: '2026-11-05T10:00:00+08:00', by: '张科长', kind: 'note', text: '已勘查' }],
        }),
        matterTitle: '小区积水',
      },
    ],
    units,
    '2026-12-03',
  );
  const decisions = boardRows([decision('a', { deadline: '2026-11-25' })], meetings, units, new Map(), '2026-12-03');
  const rows = mergeBoardRows(decisions, summoned);

  it('are rows with a type marker, the department as 谁来干, in deadline order with the decisions', () => {
    expect(rows.map((r) => [r.decision.title, r.source?.kind ?? 'decision'])).toEqual([
      ['任务t1', 'summoned'],
      ['事项a', 'decision'],
      ['任务t2', 'summoned'],
    ]);
    expect(rows[0]).toMatchObject({ timing: 'overdue', orgUnitName: '新东方小区', source: { matterId: 'mat1' } });
    expect(rows[2]!.latest).toMatchObject({ by: '张科长', text: '已勘查' });
  });

  it('the filters, counts and export treat them as any decision', () => {
    expect(filterBoard(rows, { responsible: '区水务局' }).map((r) => r.decision.id)).toEqual(['t1']);
    expect(filterBoard(rows, { supervisor: '垦利街道党工委' })).toHaveLength(2);
    expect(filterBoard(rows, { orgUnitId: 'u2' }).map((r) => r.decision.id)).toEqual(['t1', 't2']);
    // The meeting filter names a real meeting: a task has none.
    expect(filterBoard(rows, { meetingId: 'm1' }).map((r) => r.decision.id)).toEqual(['a']);
    expect(byState(rows).inProgress.map((r) => r.decision.id)).toEqual(['t2']);
    expect(groupCounts(rows, 'unit').find((g) => g.name === '区水务局')).toMatchObject({ total: 1, overdue: 1 });
    expect(attentionCount(rows)).toBe(2);
    const line = exportLines(rows)[0]!;
    expect(line[1]).toBe('区水务局');
    expect(line[7]).toBe('吹哨报到：小区积水');
    expect(line[8]).toBe('新东方小区');
  });
});
