import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { createDb, type YishiDb } from '../db';
import { loadDemoCommunity } from './setupRepo';
import { createMeeting } from './meetingRepo';
import { templateFor } from './templatesRepo';
import { startMeeting } from './lifecycleRepo';
import { DEMO_RED_BENCH_COMPOUND_ID } from '../../../shared/demo/demoCommunity';

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

async function meetingOn(db: YishiDb, day: string) {
  return createMeeting(
    db,
    {
      type: 'redBench',
      title: '帝纱富仕城红板凳议事会',
      orgUnitId: DEMO_RED_BENCH_COMPOUND_ID,
      startAt: `${day}T19:30:00+08:00`,
      plannedEndAt: `${day}T21:00:00+08:00`,
      place: '帝纱富仕城党群服务站',
      template: await templateFor(db, 'redBench'),
    },
    now,
  );
}

async function demoDb(): Promise<YishiDb> {
  const db = createDb('yishi', { indexedDB: new IDBFactory(), IDBKeyRange });
  await loadDemoCommunity(db, now);
  return db;
}

describe('startMeeting', () => {
  it('moves a meeting dated the 10th to today when started on the 3rd, keeping its time and 期数', async () => {
    const db = await demoDb();
    const meeting = await meetingOn(db, '2026-12-10');
    const outcome = await startMeeting(db, meeting.id, { moveToToday: true }, now);
    expect(outcome.ok).toBe(true);
    const stored = await db.meetings.get(meeting.id);
    expect(stored).toMatchObject({
      status: 'live',
      startAt: '2026-12-03T19:30:00+08:00',
      plannedEndAt: '2026-12-03T21:00:00+08:00',
      issueYear: 2026,
      issueNo: meeting.issueNo,
      startedAt: now.toISOString(),
    });
  });

  it('keeps the date when asked to', async () => {
    const db = await demoDb();
    const meeting = await meetingOn(db, '2026-12-10');
    await startMeeting(db, meeting.id, { moveToToday: false }, now);
    expect(await db.meetings.get(meeting.id)).toMatchObject({ status: 'live', startAt: meeting.startAt });
  });

  it('renumbers a meeting moved into another year after the meetings of that year', async () => {
    const db = await demoDb();
    await meetingOn(db, '2026-11-10');
    await meetingOn(db, '2026-11-20');
    const january = await meetingOn(db, '2027-01-10');
    expect([january.issueYear, january.issueNo]).toEqual([2027, 1]);
    // After every 2026 meeting of the compound, the demo's year of history included.
    const of2026 = (await db.meetings.where('orgUnitId').equals(january.orgUnitId).toArray()).filter(
      (m) => m.issueYear === 2026,
    );
    await startMeeting(db, january.id, { moveToToday: true }, now);
    expect(await db.meetings.get(january.id)).toMatchObject({
      startAt: '2026-12-03T19:30:00+08:00',
      issueYear: 2026,
      issueNo: Math.max(...of2026.map((m) => m.issueNo)) + 1,
    });
  });

  it('does not start a meeting that is not a draft, and leaves its date alone', async () => {
    const db = await demoDb();
    const meeting = await meetingOn(db, '2026-12-10');
    await startMeeting(db, meeting.id, { moveToToday: false }, now);
    const again = await startMeeting(db, meeting.id, { moveToToday: true }, now);
    expect(again).toEqual({ ok: false, error: { code: 'sameStatus', status: 'live' } });
    expect((await db.meetings.get(meeting.id))?.startAt).toBe(meeting.startAt);
  });
});
