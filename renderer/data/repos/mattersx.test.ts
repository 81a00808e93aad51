import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { createDb, type YishiDb } from '../db';
import { loadDemoCommunity } from './setupRepo';
import { editMatter, loadMatterEvents, registerMatter, type MatterDraft } from './mattersRepo';
import { awardMatter, loadPointsLedger, loadResidentPoints, redeemPoints, reverseAward } from './pointsRepo';
import {
  addMediationSession,
  loadDispute,
  loadResolutionRate,
  saveDisputeParties,
  setDisputeOutcome,
} from './disputesRepo';
import { importMatters, loadStoredMatterKeys } from './matterImportRepo';
import { saveSettings, loadSettings } from '../settingsStore';
import { exportDatabase, backupFile, checkBackup, restoreBackup } from '../backup';
import { memoryBridge } from '../../bridge/memoryBridge';
import { BrowserBackupStore } from '../../bridge/backupStore';
import { DEMO_RED_BENCH_COMPOUND_ID } from '../../../shared/demo/demoCommunity';
import { matterIdentity, type ImportedMatter } from '../../../shared/matters/importMatters';

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
  raisedAt: '2026-12-01',
  category: '民生服务',
  title: '建议开设老年食堂',
  urgency: 'normal',
};

/** Everything a refused call must leave untouched. */
async function snapshot(db: YishiDb) {
  return {
    matters: await db.matters.count(),
    events: await db.matterEvents.count(),
    points: await db.pointsEntries.count(),
    disputes: await db.disputes.toArray(),
    sessions: await db.mediationSessions.count(),
  };
}

describe('金点子 points', () => {
  it('awards once, redeems within the balance, refuses an overdraft without writing', async () => {
    const db = await demoDb();
    const m = await registerMatter(db, draft, '李网格', { now });
    const award = await awardMatter(db, m.id, 'golden', '李网格', now);
    expect(award).toMatchObject({ kind: 'earn', points: 10, residentName: '王大爷', matterId: m.id });
    expect((await loadMatterEvents(db, m.id)).map((e) => e.kind)).toContain('pointsAwarded');
    await expect(awardMatter(db, m.id, 'goodMethod', '李网格', now)).rejects.toThrow('已经评为金点子');

    await redeemPoints(db, award.residentKey, 4, '免费理发一次', '李网格', now);
    const before = await snapshot(db);
    await expect(redeemPoints(db, award.residentKey, 7, '家电维修', '李网格', now)).rejects.toThrow(
      '积分不足：现有6分，不能兑换7分',
    );
    await expect(redeemPoints(db, award.residentKey, 1.5, '家电维修', '李网格', now)).rejects.toThrow();
    expect(await snapshot(db)).toEqual(before);
    expect((await loadResidentPoints(db, award.residentKey)).totals).toEqual({ earned: 10, redeemed: 4, balance: 6 });
    expect((await loadPointsLedger(db)).find((r) => r.residentKey === award.residentKey)?.balance).toBe(6);
  });

  it('takes an award back with a new entry and a reason; never below zero; the award row is kept', async () => {
    const db = await demoDb();
    const m = await registerMatter(db, draft, '李网格', { now });
    const award = await awardMatter(db, m.id, 'golden', '李网格', now);
    await redeemPoints(db, award.residentKey, 4, '免费理发一次', '李网格', now);
    // 6 left, 10 to take back: refused, nothing written.
    const before = await snapshot(db);
    await expect(reverseAward(db, m.id, '评错了事项', '王书记', now)).rejects.toThrow('余额不能为负');
    await expect(reverseAward(db, m.id, ' ', '王书记', now)).rejects.toThrow('撤销积分必须写明原因');
    expect(await snapshot(db)).toEqual(before);

    // Another award covers it: taken back, the award itself unchanged, the timeline says why.
    const other = await registerMatter(db, { ...draft, title: '建议增设晾衣架' }, '李网格', { now });
    await awardMatter(db, other.id, 'golden', '李网格', now);
    const reversal = await reverseAward(db, m.id, '与他人重复提出', '王书记', now);
    expect(reversal).toMatchObject({ kind: 'reverse', points: 10, reverses: award.id, matterId: m.id });
    expect(reversal.reason).toContain('与他人重复提出');
    expect(await db.pointsEntries.get(award.id)).toEqual(award);
    expect((await loadResidentPoints(db, award.residentKey)).totals).toEqual({ earned: 10, redeemed: 4, balance: 6 });
    const events = await loadMatterEvents(db, m.id);
    expect(events.find((e) => e.kind === 'pointsReversed')?.note).toContain('与他人重复提出');
    // Taken back once only; the matter may then be rated again.
    await expect(reverseAward(db, m.id, '再撤一次', '王书记', now)).rejects.toThrow('没有可撤销的积分');
    await expect(awardMatter(db, m.id, 'goodMethod', '李网格', now)).resolves.toMatchObject({ points: 5 });
  });

  it('uses the rules in force when awarding; a later rule change leaves past entries alone', async () => {
    const db = await demoDb();
    const first = await registerMatter(db, draft, '李网格', { now });
    const second = await registerMatter(db, { ...draft, title: '建议增设快递柜' }, '李网格', { now });
    await awardMatter(db, first.id, 'goodMethod', '李网格', now);
    await saveSettings(db, { ...(await loadSettings(db)), pointsRules: { golden: 30, goodMethod: 8 } });
    const later = await awardMatter(db, second.id, 'goodMethod', '李网格', now);
    const { entries, totals } = await loadResidentPoints(db, later.residentKey);
    expect(entries.map((e) => e.points).sort()).toEqual([5, 8]);
    expect(totals.balance).toBe(13);
  });

  it('refuses anonymous raisers and named ones without a phone', async () => {
    const db = await demoDb();
    const anon = await registerMatter(db, { ...draft, raisedBy: { kind: 'anonymous' } }, '李网格', { now });
    const noPhone = await registerMatter(db, { ...draft, raisedBy: { kind: 'oneOff', name: '赵强' } }, '李网格', {
      now,
    });
    const before = await snapshot(db);
    await expect(awardMatter(db, anon.id, 'golden', '李网格', now)).rejects.toThrow('匿名提出的事项无法记积分');
    await expect(awardMatter(db, noPhone.id, 'golden', '李网格', now)).rejects.toThrow('没有登记电话');
    expect(await snapshot(db)).toEqual(before);
  });
});

describe('矛盾纠纷', () => {
  it('a 矛盾纠纷 matter is a logged dispute; a session and 调解成功 raise 化解率', async () => {
    const db = await demoDb();
    const rate0 = await loadResolutionRate(db);
    const m = await registerMatter(db, { ...draft, category: '矛盾纠纷', title: '楼上漏水邻里纠纷' }, '李网格', {
      now,
    });
    const rate1 = await loadResolutionRate(db);
    expect(rate1.total).toBe(rate0.total + 1);
    expect(rate1.resolved).toBe(rate0.resolved);

    const mediator = (await db.people.toArray()).find((p) => p.isMediator)!;
    const notMediator = (await db.people.toArray()).find((p) => !p.isMediator)!;
    await expect(
      saveDisputeParties(db, m.id, { parties: [{ name: '张三' }], mediatorId: notMediator.id }, '李网格', now),
    ).rejects.toThrow('不是人民调解员');
    await saveDisputeParties(
      db,
      m.id,
      { parties: [{ name: '张三' }, { name: '李四' }], mediatorId: mediator.id },
      '李网格',
      now,
    );
    await expect(setDisputeOutcome(db, m.id, 'success', '双方和解', '李网格', now)).rejects.toThrow('还没有调解记录');
    await expect(
      addMediationSession(db, m.id, { date: '2026-11-30', place: '平和茶社', agreed: '谈了' }, '李网格', now),
    ).rejects.toThrow('不能早于');
    await addMediationSession(
      db,
      m.id,
      { date: '2026-12-02', place: '平和茶社', agreed: '楼上修好防水，赔偿500元' },
      '李网格',
      now,
    );
    await setDisputeOutcome(db, m.id, 'success', '双方签了调解协议', '李网格', now);
    const rate2 = await loadResolutionRate(db);
    expect(rate2).toMatchObject({ total: rate1.total, resolved: rate1.resolved + 1 });
    const view = await loadDispute(db, m.id);
    expect(view?.dispute).toMatchObject({ outcome: 'success', mediator: { personId: mediator.id } });
    expect(view?.sessions).toHaveLength(1);
    const kinds = (await loadMatterEvents(db, m.id)).map((e) => e.kind);
    expect(kinds).toEqual(['registered', 'disputeUpdated', 'mediationSession', 'disputeOutcome']);
    await expect(
      addMediationSession(db, m.id, { date: '2026-12-03', place: '社区', agreed: '再谈' }, '李网格', now),
    ).rejects.toThrow('已经调解成功');
  });

  it('an untouched dispute leaves the count when its matter changes category or is merged; a mediated one stays', async () => {
    const db = await demoDb();
    const base = (await loadResolutionRate(db)).total;
    const a = await registerMatter(db, { ...draft, category: '矛盾纠纷', title: '甲' }, '李网格', { now });
    const b = await registerMatter(db, { ...draft, category: '矛盾纠纷', title: '乙' }, '李网格', { now });
    await addMediationSession(db, b.id, { date: '2026-12-02', place: '社区', agreed: '未谈拢' }, '李网格', now);
    await editMatter(db, a.id, { category: '物业' }, '李网格', now).catch((e) => {
      console.log('EDIT A', e);
      throw e;
    });
    await editMatter(db, b.id, { category: '物业' }, '李网格', now);
    // Registered and merged at once (mergeMatter on its own is not used here: see the report).
    await registerMatter(db, { ...draft, category: '矛盾纠纷', title: '丙' }, '李网格', { now, mergeInto: b.id });
    expect((await loadResolutionRate(db)).total).toBe(base + 1);
    expect(await loadDispute(db, b.id)).not.toBeNull();
  });
});

describe('importing matters', () => {
  const imported = (title: string, category = '停车'): ImportedMatter => ({
    orgUnitId: DEMO_RED_BENCH_COMPOUND_ID,
    raisedBy: { kind: 'oneOff', name: '周敏' },
    channel: '微信说事群',
    raisedAt: '2026-11-20',
    category,
    title,
    urgency: 'normal',
    path: 'pending',
  });

  it('writes every matter with its timeline and dispute rows, in one go', async () => {
    const db = await demoDb();
    const before = await snapshot(db);
    const count = await importMatters(db, [imported('车位不够'), imported('邻里噪音', '矛盾纠纷')], '李网格', now);
    expect(count).toBe(2);
    const logged = await db.auditLog.toArray();
    expect(logged.at(-1)).toMatchObject({ action: 'import', summary: '从表格导入说事事项2件（登记人李网格）' });
    const after = await snapshot(db);
    expect(after.matters).toBe(before.matters + 2);
    expect(after.events).toBe(before.events + 4);
    expect(after.disputes.length).toBe(before.disputes.length + 1);
    const keys = await loadStoredMatterKeys(db, ['2026-11-20']);
    expect(
      keys.has(
        matterIdentity({ raisedBy: { kind: 'oneOff', name: '周敏' }, title: '车位不够', raisedAt: '2026-11-20' }),
      ),
    ).toBe(true);
  });

  it('writes nothing when one row is stale (unit gone) or repeats a stored matter', async () => {
    const db = await demoDb();
    await importMatters(db, [imported('车位不够')], '李网格', now);
    const before = await snapshot(db);
    const loggedBefore = await db.auditLog.count();
    await expect(importMatters(db, [imported('新的一件'), imported('车位不够')], '李网格', now)).rejects.toThrow(
      '刚刚已经登记过了',
    );
    await expect(
      importMatters(db, [imported('新的一件'), { ...imported('另一件'), orgUnitId: 'gone' }], '李网格', now),
    ).rejects.toThrow('已被删除');
    await expect(
      importMatters(db, [imported('新的一件'), { ...imported('x'), title: '' }], '李网格', now),
    ).rejects.toThrow();
    expect(await snapshot(db)).toEqual(before);
    expect(await db.auditLog.count()).toBe(loggedBefore);
  });
});

describe('backups', () => {
  it('keep points, disputes and mediation sessions through a backup and restore', async () => {
    const db = await demoDb();
    const m = await registerMatter(db, { ...draft, category: '矛盾纠纷', title: '楼道堆物纠纷' }, '李网格', { now });
    await addMediationSession(db, m.id, { date: '2026-12-02', place: '平和茶社', agreed: '清走杂物' }, '李网格', now);
    const idea = await registerMatter(db, draft, '李网格', { now });
    await awardMatter(db, idea.id, 'golden', '李网格', now);
    const text = await exportDatabase(db, 't', now);
    const tables = async () => ({
      points: await db.pointsEntries.toArray(),
      disputes: await db.disputes.toArray(),
      sessions: await db.mediationSessions.toArray(),
    });
    const before = await tables();
    expect(before.points.length).toBeGreaterThan(1);
    await Promise.all([db.pointsEntries.clear(), db.disputes.clear(), db.mediationSessions.clear()]);
    const source = () => backupFile(new TextEncoder().encode(text));
    expect((await checkBackup(source())).ok).toBe(true);
    const store = new BrowserBackupStore('backups', { indexedDB: new IDBFactory(), IDBKeyRange });
    expect((await restoreBackup(db, memoryBridge(store), source(), 't')).ok).toBe(true);
    expect(await tables()).toEqual(before);
  });
});
