import { describe, expect, it } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { createDb, type YishiDb } from '../db';
import { exportDatabase, backupFile, checkBackup, restoreBackup } from '../backup';
import { memoryBridge } from '../../bridge/memoryBridge';
import { BrowserBackupStore } from '../../bridge/backupStore';
import { loadDemoCommunity } from './setupRepo';
import { loadBoard, loadEvidence, recordStep } from './followupRepo';
import {
  addObjection,
  answerObjection,
  correctNoticeRecord,
  evaluate,
  loadPublicity,
  postNotice,
} from './publicityRepo';
import { encodePng } from '../../../shared/documents/png';
import { prepareFiles, type PreparedFile } from '../../../shared/evidence/attachment';
import type { Decision } from '../../../shared/domain/decision';
import type { CalendarDate } from '../../../shared/dates';
import { loadPublicityDue } from './workbenchRepo';

const NOW = new Date('2026-11-20T10:00:00+08:00');
const TODAY = '2026-11-20' as CalendarDate;
const freshOptions = () => ({ indexedDB: new IDBFactory(), IDBKeyRange });
const png = encodePng({ width: 2, height: 2, colorType: 0, bitDepth: 8, data: new Uint8Array(4) });

async function demoDb(): Promise<{ db: YishiDb; decision: Decision }> {
  const db = createDb('yishi', freshOptions());
  await loadDemoCommunity(db, NOW);
  const row = (await loadBoard(db, TODAY)).rows.find((r) => !r.source && r.decision.status === 'notStarted');
  if (!row) throw new Error('the demo has no decision not yet started');
  return { db, decision: row.decision };
}

async function photos(): Promise<PreparedFile[]> {
  const prepared = await prepareFiles([{ fileName: '现场.png', bytes: png }]);
  if (typeof prepared === 'string') throw new Error(prepared);
  return prepared;
}

async function confirmed(db: YishiDb, decision: Decision): Promise<void> {
  await recordStep(db, decision.id, { kind: 'reportDone', by: decision.responsible.name, text: '完成' }, NOW);
  const ok = await recordStep(db, decision.id, { kind: 'confirm', by: decision.supervisor.name, text: '' }, NOW);
  if (!ok.ok) throw new Error(ok.message);
}

const post = { places: ['board', 'wechat'] as const, startDate: TODAY, days: 7, postedBy: '李书记' };

describe('evidence of progress notes', () => {
  it('stores the photos with the note in one transaction and finds them by decision', async () => {
    const { db, decision } = await demoDb();
    const out = await recordStep(db, decision.id, { kind: 'note', by: '王', text: '已进场' }, NOW, await photos());
    if (!out.ok) throw new Error(out.message);
    expect(out.event.attachments).toHaveLength(1);
    const evidence = await loadEvidence(db, decision.id);
    expect(evidence.get(out.event.id)?.map((a) => [a.fileName, a.mime, a.size])).toEqual([
      ['现场.png', 'image/png', png.length],
    ]);
  });
  it('writes nothing, neither note nor file, when a file row is refused', async () => {
    const { db, decision } = await demoDb();
    const [good] = await photos();
    const broken = { ...good!, data: good!.data.slice(0, -4) };
    const out = await recordStep(db, decision.id, { kind: 'note', by: '王', text: '已进场' }, NOW, [good!, broken]);
    expect(out).toMatchObject({ ok: false, message: expect.stringContaining('「现场.png」不能保存') });
    expect(await db.attachments.count()).toBe(0);
    expect(await db.decisionProgress.where('decisionId').equals(decision.id).count()).toBe(0);
    expect((await db.decisions.get(decision.id))?.status).toBe('notStarted');
  });
  it('refuses evidence on a refused step, storing nothing', async () => {
    const { db, decision } = await demoDb();
    const out = await recordStep(
      db,
      decision.id,
      { kind: 'confirm', by: decision.supervisor.name, text: '' },
      NOW,
      await photos(),
    );
    expect(out.ok).toBe(false);
    expect(await db.attachments.count()).toBe(0);
  });
});

describe('公示 and 评议 of a decision', () => {
  it('posts a 结果公示 only for a confirmed decision, once, from the day it was confirmed', async () => {
    const { db, decision } = await demoDb();
    expect(await postNotice(db, decision.id, 'result', post, NOW)).toMatchObject({
      ok: false,
      message: '决定事项经监督人确认完成后才能公示结果',
      refusal: { code: 'resultNotDone' },
    });
    await confirmed(db, decision);
    expect(await postNotice(db, decision.id, 'result', { ...post, startDate: '2026-11-19' }, NOW)).toMatchObject({
      ok: false,
      message: '公示开始日期不能早于监督人确认完成的日期（2026-11-20）',
    });
    const posted = await postNotice(db, decision.id, 'result', post, NOW);
    expect(posted).toMatchObject({ ok: true, value: { endDate: '2026-11-26', places: ['board', 'wechat'] } });
    expect(await postNotice(db, decision.id, 'result', post, NOW)).toMatchObject({
      ok: false,
      message: '这项结果已经公示',
      refusal: { table: 'publicity', code: 'resultPosted' },
    });
  });
  it('corrects a running notice with the change on record; an ended one is refused and left as it was', async () => {
    const { db, decision } = await demoDb();
    await confirmed(db, decision);
    const posted = await postNotice(db, decision.id, 'result', post, NOW);
    if (!posted.ok) throw new Error(posted.message);
    const fix = {
      places: ['board', 'wechat', 'online'] as const,
      startDate: TODAY,
      days: 10,
      by: '王秘书',
      why: '漏登网络平台',
    };
    const corrected = await correctNoticeRecord(db, posted.value.id, { ...fix, places: [...fix.places] }, TODAY, NOW);
    expect(corrected).toMatchObject({ ok: true, value: { endDate: '2026-11-29', days: 10 } });
    const stored = await db.publicNotices.get(posted.value.id);
    expect(stored?.corrections).toEqual([
      {
        at: NOW.toISOString(),
        by: '王秘书',
        why: '漏登网络平台',
        before: { places: ['board', 'wechat'], startDate: TODAY, days: 7, endDate: '2026-11-26' },
      },
    ]);
    const after = await correctNoticeRecord(
      db,
      posted.value.id,
      { ...fix, places: ['board'], why: '再改' },
      '2026-11-30',
    );
    expect(after).toMatchObject({ ok: false, message: '公示已经结束，不能再更正', refusal: { code: 'noticeEnded' } });
    expect(await db.publicNotices.get(posted.value.id)).toEqual(stored);
  });

  it('runs the loop: objection answered → 评议 不满意 → 整改 → 再次验收 满意 → 报社区党委, and a backup keeps it all', async () => {
    const { db, decision } = await demoDb();
    await recordStep(db, decision.id, { kind: 'note', by: '王', text: '已进场' }, NOW, await photos());
    await confirmed(db, decision);
    const posted = await postNotice(db, decision.id, 'result', post, NOW);
    if (!posted.ok) throw new Error(posted.message);
    const objected = await addObjection(
      db,
      posted.value.id,
      { by: '王大爷', text: '划线不清', receivedOn: TODAY },
      TODAY,
    );
    if (!objected.ok) throw new Error(objected.message);
    const rate = (s: number, b: number, u: number) =>
      evaluate(
        db,
        decision.id,
        {
          kind: 'rate',
          input: { on: TODAY, by: '李书记', counts: { satisfied: s, basic: b, unsatisfied: u }, thresholdPercent: 80 },
        },
        NOW,
        TODAY,
      );
    expect(await rate(2, 1, 7)).toMatchObject({
      ok: false,
      message: '结果公示还有异议未答复，答复后才能评议',
      refusal: { code: 'objectionOpen' },
    });
    const objectionId = objected.value.objections[0]!.id;
    expect(
      (await answerObjection(db, posted.value.id, objectionId, { by: '物业', text: '已补画', on: TODAY }, TODAY)).ok,
    ).toBe(true);
    expect(await rate(2, 1, 7)).toMatchObject({ ok: true, value: { rounds: [{ passed: false }] } });
    const rectify = await evaluate(
      db,
      decision.id,
      {
        kind: 'rectify',
        input: {
          task: '补画车位线',
          responsible: '物业张经理',
          deadline: '2026-12-10' as CalendarDate,
          openedOn: TODAY,
          openedBy: '李书记',
        },
      },
      NOW,
      TODAY,
    );
    expect(rectify.ok).toBe(true);
    expect(await rate(8, 1, 1)).toMatchObject({
      ok: true,
      value: { rounds: [{ passed: false }, { kind: 'reinspection', passed: true }] },
    });
    expect((await evaluate(db, decision.id, { kind: 'report', on: TODAY, by: '李书记' }, NOW, TODAY)).ok).toBe(true);

    const before = await loadPublicity(db, decision.id);
    expect(before?.confirmedOn).toBe(TODAY);
    const evidence = await db.attachments.toArray();
    const text = await exportDatabase(db, 't', NOW);
    await db.transaction('rw', [db.attachments, db.publicNotices, db.evaluations], async () => {
      await db.attachments.clear();
      await db.publicNotices.clear();
      await db.evaluations.clear();
    });
    const source = () => backupFile(new TextEncoder().encode(text));
    expect((await checkBackup(source())).ok).toBe(true);
    expect(
      (await restoreBackup(db, memoryBridge(new BrowserBackupStore('backups', freshOptions())), source(), 't')).ok,
    ).toBe(true);
    expect(await db.attachments.toArray()).toEqual(evidence);
    expect(await loadPublicity(db, decision.id)).toEqual(before);
  });
  it('puts the 公示 ending soon, the 评议 to organise and the 再次验收 due on the 工作台, in scope only', async () => {
    const { db, decision } = await demoDb();
    await confirmed(db, decision);
    const due = async (day: string, scope: ReadonlySet<string> | null = null) =>
      (await loadPublicityDue(db, day as CalendarDate, scope))
        .filter((l) => l.decisionId === decision.id)
        .map((l) => [l.kind, l.decisionId, l.date]);
    expect(await due(TODAY)).toEqual([]);
    const posted = await postNotice(db, decision.id, 'result', post, NOW);
    if (!posted.ok) throw new Error(posted.message);
    // Posted on the 20th for 7 days: rated any time from its first day; ending soon from the 23rd.
    expect(await due(TODAY)).toEqual([['evaluationToOrganise', decision.id, '2026-11-26']]);
    expect(await due('2026-11-23')).toEqual([
      ['noticeEnding', decision.id, '2026-11-26'],
      ['evaluationToOrganise', decision.id, '2026-11-26'],
    ]);
    expect(await due('2026-11-23', new Set(['another-compound']))).toEqual([]);
    expect(await due('2026-11-27')).toEqual([['evaluationToOrganise', decision.id, '2026-11-26']]);
    const rated = await evaluate(
      db,
      decision.id,
      {
        kind: 'rate',
        input: { on: TODAY, by: '李书记', counts: { satisfied: 1, basic: 0, unsatisfied: 9 }, thresholdPercent: 80 },
      },
      NOW,
      TODAY,
    );
    expect(rated.ok).toBe(true);
    // Failed and no 整改 yet: nothing to organise until the 整改 is opened with its deadline.
    expect(await due('2026-11-27')).toEqual([]);
    const rectify = await evaluate(
      db,
      decision.id,
      {
        kind: 'rectify',
        input: {
          task: '补画车位线',
          responsible: '物业张经理',
          deadline: '2026-12-10' as CalendarDate,
          openedOn: TODAY,
          openedBy: '李书记',
        },
      },
      NOW,
      TODAY,
    );
    expect(rectify.ok).toBe(true);
    expect(await due('2026-11-27')).toEqual([['recheckDue', decision.id, '2026-12-10']]);
  });
  it('the demo shows 群众评事 at every stage on the 工作台: a notice ending soon, a result to rate, a 再次验收 due', async () => {
    const { db } = await demoDb();
    const lines = await loadPublicityDue(db, TODAY, null);
    expect(new Set(lines.map((l) => l.kind))).toEqual(new Set(['noticeEnding', 'evaluationToOrganise', 'recheckDue']));
    const evaluations = await db.evaluations.toArray();
    expect(evaluations.map((e) => e.rounds.map((r) => r.passed))).toEqual(expect.arrayContaining([[true], [false]]));
    expect(evaluations.some((e) => e.reports.length === 1)).toBe(true);
  });
});
