import { describe, expect, it } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import Dexie from 'dexie';
import { createDb, type YishiDb } from '../db';
import { exportDatabase, backupFile, checkBackup, restoreBackup } from '../backup';
import { verifySignedMeetings } from '../verifySigned';
import { memoryBridge } from '../../bridge/memoryBridge';
import { BrowserBackupStore } from '../../bridge/backupStore';
import { loadMeetingRecord } from './meetingRepo';
import { loadDemoCommunity } from './setupRepo';
import { countNeedingAttention, loadBoard, loadDecisionFollowup, recordStep } from './followupRepo';
import { verifyRecord } from '../../../shared/meeting/fingerprint';
import { dexieStores } from '../../../shared/store/schema';
import type { Decision } from '../../../shared/domain/decision';

const NOW = new Date('2026-11-20T10:00:00+08:00');
const TODAY = '2026-11-20';
const freshOptions = () => ({ indexedDB: new IDBFactory(), IDBKeyRange });

async function demoDb(): Promise<{ db: YishiDb; decision: Decision }> {
  const db = createDb('yishi', freshOptions());
  await loadDemoCommunity(db, NOW);
  const board = await loadBoard(db, TODAY);
  // A meeting's decision: the board also holds 吹哨报到 tasks (source: summoned).
  const row = board.rows.find((r) => r.decision.status === 'notStarted' && !r.source);
  if (!row) throw new Error('the demo has no decision not yet started');
  return { db, decision: row.decision };
}

describe('follow-up repository', () => {
  it('note → 进行中, report → 待验收, only the supervisor confirms → 已完成; each step stored with the state', async () => {
    const { db, decision } = await demoDb();
    const responsible = decision.responsible.name;
    const supervisor = decision.supervisor.name;
    let minute = 0;
    const at = () => new Date(NOW.getTime() + ++minute * 60_000);
    expect(
      await recordStep(db, decision.id, { kind: 'note', by: responsible, text: '已进场施工' }, at()),
    ).toMatchObject({
      ok: true,
      decision: { status: 'inProgress' },
    });
    expect((await recordStep(db, decision.id, { kind: 'reportDone', by: responsible, text: '' }, at())).ok).toBe(true);
    expect(await recordStep(db, decision.id, { kind: 'confirm', by: '张三', text: '' }, at())).toEqual({
      ok: false,
      message: '确认人不是记录的监督人，请确认由此人代为验收',
    });
    expect(await recordStep(db, decision.id, { kind: 'return', by: supervisor, text: ' ' }, at())).toEqual({
      ok: false,
      message: '退回必须写明原因',
    });
    expect((await recordStep(db, decision.id, { kind: 'confirm', by: supervisor, text: '符合标准' }, at())).ok).toBe(
      true,
    );
    expect(await recordStep(db, decision.id, { kind: 'note', by: responsible, text: '再补一句' }, at())).toMatchObject({
      ok: false,
      message: expect.stringContaining('已经由监督人确认完成'),
    });
    const loaded = await loadDecisionFollowup(db, decision.id);
    expect(loaded?.decision.status).toBe('done');
    expect(loaded?.steps.map((s) => [s.kind, s.by])).toEqual([
      ['note', responsible],
      ['reportDone', responsible],
      ['confirm', supervisor],
    ]);
  });

  it('refuses decisions of a meeting not yet signed, and writes nothing', async () => {
    const { db, decision } = await demoDb();
    await db.meetings.update(decision.meetingId, { status: 'finalised' });
    const before = await db.decisionProgress.count();
    expect(await recordStep(db, decision.id, { kind: 'note', by: '王建国', text: 'x' }, NOW)).toEqual({
      ok: false,
      message: '会议尚未签字，决定事项还可能修改，签字后才能督办',
    });
    expect(await db.decisionProgress.count()).toBe(before);
    expect((await loadBoard(db, TODAY)).rows.some((r) => r.decision.id === decision.id)).toBe(false);
  });

  it('writes the step and the state in one transaction: a failed state write leaves no note', async () => {
    const { db, decision } = await demoDb();
    const before = await db.decisionProgress.count();
    db.decisions.hook('updating', () => {
      throw new Error('disk full');
    });
    await expect(
      recordStep(db, decision.id, { kind: 'note', by: decision.responsible.name, text: '进展' }, NOW),
    ).rejects.toThrow('disk full');
    expect(await db.decisionProgress.count()).toBe(before);
    expect((await db.decisions.get(decision.id))?.status).toBe('notStarted');
  });

  it('leaves the seal and 核验 of the signed meeting untouched', async () => {
    const { db, decision } = await demoDb();
    const by = decision.responsible.name;
    await recordStep(db, decision.id, { kind: 'note', by, text: '开始' }, NOW);
    await recordStep(db, decision.id, { kind: 'reportDone', by, text: '完成' }, NOW);
    const record = await loadMeetingRecord(db, decision.meetingId);
    expect((await verifyRecord(record!)).state).toBe('consistent');
    expect((await verifySignedMeetings(db)).failed).toEqual([]);
  });

  it('counts overdue and due-today decisions for the badge, and the count follows a confirmation', async () => {
    const { db } = await demoDb();
    const board = await loadBoard(db, TODAY);
    const attention = board.rows.filter((r) => r.timing === 'overdue' || r.timing === 'dueToday');
    expect(await countNeedingAttention(db, TODAY)).toBe(attention.length);
    expect(attention.length).toBeGreaterThan(0);
    const late = attention[0]!.decision;
    const by = late.responsible.name;
    if (late.status !== 'reported') await recordStep(db, late.id, { kind: 'reportDone', by, text: '' }, NOW);
    await recordStep(db, late.id, { kind: 'confirm', by: late.supervisor.name, text: '' }, NOW);
    expect(await countNeedingAttention(db, TODAY)).toBe(attention.length - 1);
  });

  it('keeps progress notes through a backup and restore', async () => {
    const { db, decision } = await demoDb();
    await recordStep(db, decision.id, { kind: 'note', by: decision.responsible.name, text: '备份前的进展' }, NOW);
    const text = await exportDatabase(db, 't', NOW);
    const steps = await db.decisionProgress.toArray();
    await db.decisionProgress.clear();
    const source = () => backupFile(new TextEncoder().encode(text));
    expect((await checkBackup(source())).ok).toBe(true);
    const store = new BrowserBackupStore('backups', freshOptions());
    expect((await restoreBackup(db, memoryBridge(store), source(), 't')).ok).toBe(true);
    expect(await db.decisionProgress.toArray()).toEqual(steps);
    expect((await db.decisions.get(decision.id))?.status).toBe('inProgress');
  });
});

describe('schema 1 → 2 upgrade', () => {
  it('maps stored decision statuses inside the version change and adds the progress table', async () => {
    const opts = freshOptions();
    const v1Stores: Record<string, string> = { ...dexieStores() };
    delete v1Stores.decisionProgress;
    const old = new Dexie('yishi', opts);
    old.version(1).stores(v1Stores);
    const base = {
      meetingId: 'm',
      agendaItemId: 'i',
      title: '清理楼道杂物',
      responsible: { kind: 'text', name: '物业公司' },
      standard: '楼道无杂物',
      deadline: '2026-08-10',
      supervisor: { kind: 'text', name: '业委会' },
      createdAt: '2026-07-10T01:00:00.000Z',
    };
    await old
      .table('decisions')
      .bulkAdd(['open', 'done', 'overdue', 'rated'].map((status) => ({ ...base, id: status, status })));
    old.close();
    const db = createDb('yishi', opts, 1);
    await db.open();
    const rows = await db.decisions.orderBy('id').toArray();
    expect(rows.map((d) => [d.id, d.status])).toEqual([
      ['done', 'done'],
      ['open', 'notStarted'],
      ['overdue', 'notStarted'],
      ['rated', 'done'],
    ]);
    // No confirmation is invented for decisions marked done before 督办 existed.
    expect(await db.decisionProgress.count()).toBe(0);
    db.close();
  });
});
