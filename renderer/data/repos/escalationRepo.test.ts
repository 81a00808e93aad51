import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { createDb, type YishiDb } from '../db';
import { backupFile, checkBackup, exportDatabase, restoreBackup } from '../backup';
import { memoryBridge } from '../../bridge/memoryBridge';
import { BrowserBackupStore } from '../../bridge/backupStore';
import { escalateMatter, registerMatter, closeMatter, loadMatterEvents } from './mattersRepo';
import {
  assignSummonedTask,
  checkInDepartment,
  EscalationRefused,
  goBackEscalation,
  loadEscalation,
  loadSummonedForBoard,
  recordEscalationStep,
  recordTaskStep,
} from './escalationRepo';
import { LADDER_STEPS, type LadderStepInput } from '../../../shared/escalation/ladder';

/** 3 December 2026, 10:00 in Beijing. */
const NOW = new Date('2026-12-03T02:00:00Z');
const originalTz = process.env.TZ;
beforeEach(() => {
  process.env.TZ = 'Asia/Shanghai';
});
afterEach(() => {
  if (originalTz === undefined) delete process.env.TZ;
  else process.env.TZ = originalTz;
});

const freshOptions = () => ({ indexedDB: new IDBFactory(), IDBKeyRange });

async function setUp(path: 'escalate' | 'none' = 'escalate'): Promise<{ db: YishiDb; matterId: string }> {
  const db = createDb('yishi', freshOptions());
  await db.orgUnits.add({ id: 'c1', parentId: null, level: 'community', name: '胜兴社区', order: 1 });
  const m = await registerMatter(
    db,
    {
      orgUnitId: 'c1',
      raisedBy: { kind: 'anonymous' },
      channel: '居民说事厅',
      raisedAt: '2026-10-08',
      category: '民生服务',
      title: '70岁以上老人补贴发放',
      urgency: 'normal',
    },
    '李网格',
    { now: new Date('2026-10-08T02:00:00Z') },
  );
  if (path === 'escalate')
    await escalateMatter(db, m.id, '涉及区级多个部门', '李网格', new Date('2026-10-09T02:00:00Z'));
  return { db, matterId: m.id };
}

const step = (s: LadderStepInput['step'], date: string, extra: Partial<LadderStepInput> = {}): LadderStepInput => ({
  step: s,
  mode: 'done',
  date,
  participants: ['社区党委'],
  outcome: '同意',
  by: '王书记',
  ...extra,
});

async function walkAll(db: YishiDb, matterId: string): Promise<void> {
  for (const [i, s] of LADDER_STEPS.entries())
    await recordEscalationStep(db, matterId, step(s, `2026-11-${String(10 + i).padStart(2, '0')}`), NOW);
}

async function refusal(promise: Promise<unknown>): Promise<string> {
  const error = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(EscalationRefused);
  return (error as Error).message;
}

describe('the escalation ladder in the database', () => {
  it('opens with the first step of a 上报件 and writes each step on the matter timeline', async () => {
    const { db, matterId } = await setUp();
    await recordEscalationStep(db, matterId, step('proposal', '2026-11-01'), NOW);
    await recordEscalationStep(
      db,
      matterId,
      step('consultation', '2026-11-02', { mode: 'skipped', reason: '已在两委会上商议', participants: [] }),
      NOW,
    );
    const { escalation } = await loadEscalation(db, matterId);
    expect(escalation?.steps.map((s) => [s.step, s.mode])).toEqual([
      ['proposal', 'done'],
      ['consultation', 'skipped'],
    ]);
    const events = await loadMatterEvents(db, matterId);
    expect(events.filter((e) => e.kind === 'ladder').map((e) => e.note)).toEqual([
      '提议：同意；参加：社区党委',
      '商议（跳过）：已在两委会上商议',
    ]);
  });

  it('refuses in Chinese and writes nothing: not a 上报件, out of order, a date before the previous step, a missing meeting', async () => {
    const plain = await setUp('none');
    expect(await refusal(recordEscalationStep(plain.db, plain.matterId, step('proposal', '2026-11-01'), NOW))).toBe(
      '只有上报件才能进入五议一备两公开程序，请先把事项上报',
    );
    expect(await plain.db.escalations.count()).toBe(0);

    const { db, matterId } = await setUp();
    await recordEscalationStep(db, matterId, step('proposal', '2026-11-05'), NOW);
    const events = await db.matterEvents.count();
    const before = await db.escalations.toArray();
    expect(await refusal(recordEscalationStep(db, matterId, step('consultation', '2026-11-04'), NOW))).toBe(
      '日期不能早于上一步（2026-11-05）',
    );
    expect(await refusal(recordEscalationStep(db, matterId, step('review', '2026-11-06'), NOW))).toBe(
      '请先完成“商议”，或写明原因后跳过它',
    );
    expect(
      await refusal(recordEscalationStep(db, matterId, step('consultation', '2026-11-06', { mode: 'skipped' }), NOW)),
    ).toBe('跳过或退回必须写明原因');
    expect(
      await refusal(recordEscalationStep(db, matterId, step('consultation', '2026-11-06', { meetingId: 'gone' }), NOW)),
    ).toBe('所选会议不存在，可能已被删除，请重新选择');
    expect(await db.escalations.toArray()).toEqual(before);
    expect(await db.matterEvents.count()).toBe(events);
  });

  it('goes back only with a reason, and refuses on a closed matter', async () => {
    const { db, matterId } = await setUp();
    await recordEscalationStep(db, matterId, step('proposal', '2026-11-01'), NOW);
    await recordEscalationStep(db, matterId, step('consultation', '2026-11-02'), NOW);
    expect(await refusal(goBackEscalation(db, matterId, 'proposal', '', '王书记', NOW))).toBe('跳过或退回必须写明原因');
    const back = await goBackEscalation(db, matterId, 'consultation', '参加人员记错', '王书记', NOW);
    expect(back.steps).toHaveLength(1);
    expect(back.withdrawn[0]).toMatchObject({ step: 'consultation', withdrawReason: '参加人员记错' });
    await closeMatter(db, matterId, '已解决', '王书记', NOW);
    expect(await refusal(recordEscalationStep(db, matterId, step('consultation', '2026-11-02'), NOW))).toBe(
      '事项已办结，不能再改动',
    );
  });

  it('吹哨报到: tasks only after the step, 报到, follow-up to the supervisor, board rows; no going back under them', async () => {
    const { db, matterId } = await setUp();
    const draft = {
      department: '区民政局',
      task: '核定补贴名单',
      standard: '符合条件的老人全部纳入',
      deadline: '2026-12-31',
      supervisor: '垦利街道党工委',
    };
    expect(await refusal(assignSummonedTask(db, matterId, draft, '王书记', NOW))).toBe(
      '请先记录“吹哨报到”这一步，再给部门分派任务',
    );
    await walkAll(db, matterId);
    const task = await assignSummonedTask(db, matterId, draft, '王书记', NOW);
    await assignSummonedTask(db, matterId, { ...draft, department: '区财政局', task: '落实补贴资金' }, '王书记', NOW);
    expect(await refusal(assignSummonedTask(db, matterId, draft, '王书记', NOW))).toBe('这个部门已经有同样的任务');
    expect(
      await refusal(
        assignSummonedTask(db, matterId, { ...draft, task: '另一项', deadline: '2026-11-18' }, '王书记', NOW),
      ),
    ).toBe('完成时限不能早于吹哨报到的日期');
    expect(await refusal(recordTaskStep(db, task.id, { kind: 'reportDone', by: '张科长', text: '' }, NOW))).toBe(
      '部门报到后才能报告完成',
    );
    expect(await refusal(checkInDepartment(db, task.id, '2026-11-18', '张科长', NOW))).toBe(
      '报到日期不能早于吹哨报到的日期',
    );
    await checkInDepartment(db, task.id, '2026-11-20', '张科长', NOW);
    await recordTaskStep(db, task.id, { kind: 'reportDone', by: '张科长', text: '名单已核定' }, NOW);
    expect(await refusal(recordTaskStep(db, task.id, { kind: 'confirm', by: '张科长', text: '' }, NOW))).toBe(
      '确认人不是记录的监督人，请确认由此人代为验收',
    );
    const done = await recordTaskStep(db, task.id, { kind: 'confirm', by: '垦利街道党工委', text: '' }, NOW);
    expect(done.status).toBe('done');
    expect(done.progress.map((p) => p.kind)).toEqual(['reportDone', 'confirm']);

    const board = await loadSummonedForBoard(db);
    expect(board.map((r) => [r.task.department, r.matterTitle]).sort()).toEqual(
      [
        ['区民政局', '70岁以上老人补贴发放'],
        ['区财政局', '70岁以上老人补贴发放'],
      ].sort(),
    );
    expect(await refusal(goBackEscalation(db, matterId, 'streetJoint', '重开', '王书记', NOW))).toBe(
      '已经给报到部门分派了任务，不能退回到“吹哨报到”之前',
    );
    const summons = (await loadMatterEvents(db, matterId)).filter((e) => e.kind === 'summons').map((e) => e.note);
    expect(summons).toContain('区民政局报到（2026-11-20）');
    expect(summons).toContain('区民政局：监督人确认完成');
  });

  it('keeps the ladder and the tasks through a backup and restore', async () => {
    const { db, matterId } = await setUp();
    await walkAll(db, matterId);
    await assignSummonedTask(
      db,
      matterId,
      { department: '区水务局', task: '管网排查', standard: '不再积水', deadline: '2027-01-31', supervisor: '街道' },
      '王书记',
      NOW,
    );
    const text = await exportDatabase(db, 't', NOW);
    const escalations = await db.escalations.toArray();
    const tasks = await db.summonedTasks.toArray();
    await db.escalations.clear();
    await db.summonedTasks.clear();
    const source = () => backupFile(new TextEncoder().encode(text));
    expect((await checkBackup(source())).ok).toBe(true);
    const store = new BrowserBackupStore('backups', freshOptions());
    expect((await restoreBackup(db, memoryBridge(store), source(), 't')).ok).toBe(true);
    expect(await db.escalations.toArray()).toEqual(escalations);
    expect(await db.summonedTasks.toArray()).toEqual(tasks);
  });
});
