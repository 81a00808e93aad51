import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import Dexie from 'dexie';
import { createDb, type YishiDb } from '../db';
import { openAppDatabase } from '../openDatabase';
import { loadDemoCommunity } from './setupRepo';
import { createMeeting } from './meetingRepo';
import { templateFor } from './templatesRepo';
import { moveMeeting } from './lifecycleRepo';
import { addItemFromMatter, deleteAgendaItem } from './agendaRepo';
import { saveDecision } from './decisionsRepo';
import {
  closeMatter,
  escalateMatter,
  editMatter,
  handleAndClose,
  loadMatter,
  loadMatterEvents,
  loadMatterList,
  mergeMatter,
  MatterRefused,
  registerMatter,
  triageMatter,
  type MatterDraft,
} from './mattersRepo';
import { DEMO_RED_BENCH_COMPOUND_ID } from '../../../shared/demo/demoCommunity';
import { matterSchema } from '../../../shared/domain/matter';

/** 3 December 2026, 10:00 in Beijing. */
const now = new Date('2026-12-03T02:00:00Z');
const originalTz = process.env.TZ;
beforeEach(() => {
  process.env.TZ = 'Asia/Shanghai';
});
afterEach(() => {
  if (originalTz === undefined) delete process.env.TZ;
  else process.env.TZ = originalTz;
});

async function demoDb(): Promise<YishiDb> {
  const db = createDb('yishi', { indexedDB: new IDBFactory(), IDBKeyRange });
  await loadDemoCommunity(db, now);
  return db;
}

const draft: MatterDraft = {
  orgUnitId: DEMO_RED_BENCH_COMPOUND_ID,
  raisedBy: { kind: 'oneOff', name: '王大爷', phone: '13905460001' },
  channel: '红马扎',
  raisedAt: '2026-12-03',
  category: '设施',
  title: '5号楼前健身器材损坏',
  description: '单杠松动，老人锻炼不安全。',
  urgency: 'urgent',
};

describe('the matters register', () => {
  it('registers with its first timeline step, and refuses bad input without writing anything', async () => {
    const db = await demoDb();
    const before = await db.matters.count();
    const events = await db.matterEvents.count();
    const m = await registerMatter(db, draft, '李网格', { now });
    expect(matterSchema.parse(m)).toMatchObject({ path: 'untriaged', raisedAt: '2026-12-03' });
    expect((await loadMatterEvents(db, m.id)).map((e) => [e.kind, e.by])).toEqual([['registered', '李网格']]);

    const refused = [
      { ...draft, title: ' ' },
      { ...draft, raisedAt: '2026-02-30' as MatterDraft['raisedAt'] },
      { ...draft, raisedBy: { kind: 'oneOff' as const, name: '王大爷', phone: '123' } },
      { ...draft, orgUnitId: 'nowhere' },
      { ...draft, raisedBy: { kind: 'resident' as const, personId: 'ghost', name: '张三' } },
      { ...draft, path: 'escalate' as const },
    ];
    const messages = [];
    for (const bad of refused) {
      const error = await registerMatter(db, bad, '李网格', { now }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(MatterRefused);
      messages.push((error as Error).message);
    }
    expect(messages).toEqual([
      expect.stringContaining('事项标题'),
      expect.stringContaining('提出日期'),
      expect.stringContaining('电话号码格式不正确'),
      '所属社区、小区或网格不存在，请重新选择',
      '提出人不在名册中，请重新选择或改为登记姓名',
      '上报请先登记，再使用“上报”并写明原因',
    ]);
    expect(await db.matters.count()).toBe(before + 1);
    expect(await db.matterEvents.count()).toBe(events + 1);
  });

  it('handles and closes a 即办件 with who did what, in one step on the timeline', async () => {
    const db = await demoDb();
    const m = await registerMatter(db, { ...draft, path: 'immediate' }, '李网格', { now });
    expect((await loadMatter(db, m.id))?.stage).toBe('handling');
    await handleAndClose(db, m.id, { by: '物业维修班', action: '紧固单杠', result: '已修好，回访满意' }, '李网格', now);
    const after = (await loadMatter(db, m.id))!;
    expect(after.stage).toBe('closed');
    expect(after.matter.handling).toMatchObject({ by: '物业维修班', result: '已修好，回访满意' });
    expect((await loadMatterEvents(db, m.id)).map((e) => e.kind)).toEqual([
      'registered',
      'triaged',
      'handled',
      'closed',
    ]);
    await expect(editMatter(db, m.id, { title: '改' }, '李网格')).rejects.toThrow('事项已办结');
  });

  it('escalates with a reason, edits, and closes', async () => {
    const db = await demoDb();
    const m = await registerMatter(db, draft, '李网格', { now });
    await expect(escalateMatter(db, m.id, ' ', '李网格')).rejects.toThrow('请写明上报原因');
    await escalateMatter(db, m.id, '器材归体育部门管理', '李网格', now);
    expect((await loadMatter(db, m.id))?.stage).toBe('escalated');
    const edited = await editMatter(db, m.id, { address: '5号楼前', description: '' }, '李网格', now);
    expect(edited.address).toBe('5号楼前');
    expect(edited).not.toHaveProperty('description');
    await closeMatter(db, m.id, '体育部门已更换器材', '李网格', now);
    expect((await loadMatter(db, m.id))?.stage).toBe('closed');
  });

  it('merges a matter raised again, keeping every raiser, on both timelines', async () => {
    const db = await demoDb();
    const kept = await registerMatter(db, { ...draft, path: 'pending' }, '李网格', { now });
    const again = await registerMatter(
      db,
      { ...draft, raisedBy: { kind: 'anonymous' }, title: '健身器材坏了' },
      '李网格',
      { now, mergeInto: kept.id },
    );
    const stored = (await loadMatter(db, kept.id))!;
    expect(stored.matter.alsoRaisedBy).toEqual([{ kind: 'anonymous' }]);
    const absorbed = (await db.matters.where('mergedInto').equals(kept.id).toArray())[0]!;
    expect((await loadMatter(db, absorbed.id))?.stage).toBe('merged');
    expect((await loadMatterEvents(db, kept.id)).map((e) => e.kind)).toContain('absorbed');
    expect((await loadMatterEvents(db, absorbed.id)).at(-1)).toMatchObject({ kind: 'merged', otherMatterId: kept.id });
    expect(again.id).toBe(kept.id);
    // A merged matter cannot take another merge, and nothing is written on refusal.
    const count = await db.matterEvents.count();
    await expect(mergeMatter(db, absorbed.id, kept.id, '李网格')).rejects.toThrow('已合并');
    await expect(mergeMatter(db, kept.id, kept.id, '李网格')).rejects.toThrow('合并到它自己');
    expect(await db.matterEvents.count()).toBe(count);
  });

  it('merges two matters already registered (合并到其他事项), keeping both raisers', async () => {
    const db = await demoDb();
    const kept = await registerMatter(db, { ...draft, path: 'pending' }, '李网格', { now });
    const other = await registerMatter(
      db,
      { ...draft, raisedBy: { kind: 'anonymous' }, title: '健身器材又坏了' },
      '李网格',
      { now },
    );
    const merged = await mergeMatter(db, other.id, kept.id, '李网格', now);
    expect(merged.alsoRaisedBy).toEqual([{ kind: 'anonymous' }]);
    expect((await loadMatter(db, other.id))?.stage).toBe('merged');
    expect((await loadMatterEvents(db, other.id)).at(-1)).toMatchObject({ kind: 'merged', otherMatterId: kept.id });
  });

  it('moves on when a meeting puts it on the agenda and decides, with no write to the matter', async () => {
    const db = await demoDb();
    const m = await registerMatter(db, draft, '李网格', { now });
    await triageMatter(db, m.id, 'pending', '李网格', now);
    const meeting = await createMeeting(
      db,
      {
        type: 'redBench',
        title: '帝纱富仕城红板凳议事会',
        orgUnitId: DEMO_RED_BENCH_COMPOUND_ID,
        startAt: '2026-12-03T19:30:00+08:00',
        plannedEndAt: '2026-12-03T21:00:00+08:00',
        place: '党群服务站',
        template: await templateFor(db, 'redBench'),
      },
      now,
    );
    const item = await addItemFromMatter(db, meeting.id, (await db.matters.get(m.id))!, '刘书记');
    expect(item.raisedBy).toBe('王大爷');
    const written = (await db.matters.get(m.id))!.updatedAt;
    expect((await loadMatter(db, m.id))?.stage).toBe('onAgenda');
    await expect(triageMatter(db, m.id, 'immediate', '李网格')).rejects.toThrow('请先从议程中移除');

    expect(await moveMeeting(db, meeting.id, 'live')).toEqual({ ok: true });
    const decided = await saveDecision(db, meeting.id, item.id, {
      title: '更换单杠',
      responsible: { kind: 'text', name: '物业公司' },
      standard: '器材稳固，验收合格',
      deadline: '2026-12-20',
      supervisor: { kind: 'text', name: '业委会' },
    });
    expect(decided.ok).toBe(true);
    const after = (await loadMatter(db, m.id))!;
    expect(after.stage).toBe('decided');
    expect(after.matter.updatedAt).toBe(written);
    const list = await loadMatterList(db, [DEMO_RED_BENCH_COMPOUND_ID]);
    expect(list.find((r) => r.matter.id === m.id)?.stage).toBe('decided');
    expect((await loadMatterEvents(db, m.id)).at(-1)).toMatchObject({
      kind: 'onAgenda',
      by: '刘书记',
      agendaItemId: item.id,
    });
  });

  it('records taking a matter off the agenda on its timeline, and it waits for a meeting again', async () => {
    const db = await demoDb();
    const m = await registerMatter(db, { ...draft, path: 'pending' }, '李网格', { now });
    const meeting = await createMeeting(
      db,
      {
        type: 'redBench',
        title: '帝纱富仕城红板凳议事会',
        orgUnitId: DEMO_RED_BENCH_COMPOUND_ID,
        startAt: '2026-12-10T19:30:00+08:00',
        plannedEndAt: '2026-12-10T21:00:00+08:00',
        place: '党群服务站',
        template: await templateFor(db, 'redBench'),
      },
      now,
    );
    const item = await addItemFromMatter(db, meeting.id, m);
    await deleteAgendaItem(db, item.id);
    expect((await loadMatter(db, m.id))?.stage).toBe('awaitingMeeting');
    expect((await loadMatterEvents(db, m.id)).map((e) => e.kind)).toEqual([
      'registered',
      'triaged',
      'onAgenda',
      'offAgenda',
    ]);
  });
});

describe('a matter carried forward', () => {
  it('reads 转下次会议 once its meeting closed without a decision, then 已列入议程 on the next, with both steps on its timeline', async () => {
    const db = await demoDb();
    const m = await registerMatter(db, { ...draft, path: 'pending' }, '李网格', { now });
    const input = async (day: string) => ({
      type: 'redBench' as const,
      title: '帝纱富仕城红板凳议事会',
      orgUnitId: DEMO_RED_BENCH_COMPOUND_ID,
      startAt: `${day}T19:30:00+08:00`,
      plannedEndAt: `${day}T21:00:00+08:00`,
      place: '党群服务站',
      template: await templateFor(db, 'redBench'),
      recorder: { kind: 'text' as const, name: '赵记录' },
    });
    const first = await createMeeting(db, await input('2026-12-03'), now);
    const item = await addItemFromMatter(db, first.id, m);
    expect(await moveMeeting(db, first.id, 'live', now)).toEqual({ ok: true });
    expect(await moveMeeting(db, first.id, 'closed', now)).toEqual({ ok: true });
    expect((await loadMatter(db, m.id))?.stage).toBe('carriedOver');

    const next = await createMeeting(db, await input('2026-12-20'), now);
    const carried = (await db.agendaItems.where('meetingId').equals(next.id).toArray()).find(
      (i) => i.matterId === m.id,
    );
    expect(carried?.carriedFromItemId).toBe(item.id);
    expect((await loadMatter(db, m.id))?.stage).toBe('onAgenda');
    expect((await loadMatterEvents(db, m.id)).at(-1)).toMatchObject({
      kind: 'onAgenda',
      meetingId: next.id,
      agendaItemId: carried!.id,
      by: '赵记录',
    });
  });
});

describe('upgrading a version 1 database', () => {
  it('opens a real v1 database with the app and finds its matters migrated and valid', async () => {
    const opts = { indexedDB: new IDBFactory(), IDBKeyRange };
    const v1 = new Dexie('yishi', opts);
    // The stores of schema version 1, as shipped.
    v1.version(1).stores({
      orgUnits: 'id, parentId, level',
      people: 'id, orgUnitId, name, initials, *roles, updatedAt',
      meetings: 'id, orgUnitId, status, startAt, [orgUnitId+startAt], [status+startAt]',
      agendaItems: 'id, meetingId, [meetingId+order], matterId',
      minutes: 'agendaItemId, meetingId',
      attendance: 'id, meetingId, personId',
      decisions: 'id, meetingId, agendaItemId, deadline, status',
      votes: 'id, meetingId, agendaItemId',
      householdConsultations: 'id, meetingId, agendaItemId',
      amendments: 'id, meetingId, at',
      meetingTemplates: 'id, type',
      matters: 'id, orgUnitId, status, createdAt',
      settings: 'key',
    });
    await v1.table('matters').bulkAdd([
      {
        id: 'm1',
        orgUnitId: 'o1',
        title: '楼道堆放杂物',
        raisedBy: '王晓光',
        channel: 'visit',
        kind: 'immediate',
        status: 'registered',
        createdAt: '2026-10-05T01:30:00.000Z',
      },
      {
        id: 'm2',
        orgUnitId: 'o1',
        title: '开通北门',
        channel: 'compoundPoint',
        kind: 'pending',
        status: 'solved',
        createdAt: '2026-06-01T01:30:00.000Z',
      },
    ]);
    v1.close();

    let backedUpFrom = 0;
    const db = await openAppDatabase(
      { backupBeforeUpgrade: async (from) => void (backedUpFrom = from) },
      'yishi',
      opts,
    );
    expect(backedUpFrom).toBe(1);
    const rows = await db.matters.orderBy('id').toArray();
    for (const row of rows) expect(matterSchema.safeParse(row).error).toBeUndefined();
    expect(rows.map((r) => [r.raisedBy, r.channel, r.path, r.raisedAt])).toEqual([
      [{ kind: 'oneOff', name: '王晓光' }, '网格员走访', 'immediate', '2026-10-05'],
      [{ kind: 'anonymous' }, '党群睦邻说事点', 'pending', '2026-06-01'],
    ]);
    // The new indexes work on the migrated rows.
    expect(await db.matters.where('path').equals('pending').primaryKeys()).toEqual(['m2']);
    expect(await db.matterEvents.count()).toBe(0);
    db.close();
  });
});
