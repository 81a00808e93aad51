import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it, vi } from 'vitest';
import { createDb } from '../db';
import { DEMO_SHOWCASE_MEETING_ID } from '../../../shared/demo/demoHistory';
import { meetingCount, meetingPage } from './meetingListRepo';
import { verifyMeeting } from './lifecycleRepo';
import { loadDemoCommunity } from './setupRepo';

const freshDb = () => createDb('yishi', { indexedDB: new IDBFactory(), IDBKeyRange });
const NOW = new Date('2026-12-03T04:30:00.000Z');

describe('loading the demo community', () => {
  it('fills the meeting list: drafts for the next 10th ahead, a year of signed meetings behind', async () => {
    const db = freshDb();
    await loadDemoCommunity(db, NOW);
    const upcoming = await meetingPage(db, ['draft'], 1, 20);
    expect(upcoming.length).toBe(3);
    expect(upcoming.every((m) => m.type === 'monthlyDay')).toBe(true);
    expect(await meetingCount(db, ['signed'])).toBeGreaterThanOrEqual(35);
    expect((await meetingPage(db, ['signed'], 1, 20)).length).toBe(20);
  });

  it('stores signed meetings that the app itself verifies as consistent', async () => {
    const db = freshDb();
    await loadDemoCommunity(db, NOW);
    const signed = await db.meetings.where('status').equals('signed').toArray();
    for (const m of signed) expect((await verifyMeeting(db, m.id)).state, m.title).toBe('consistent');
    expect((await db.amendments.where('meetingId').equals(DEMO_SHOWCASE_MEETING_ID).toArray()).length).toBe(2);
  });

  it('is refused, writing nothing, when meetings are already stored', async () => {
    const db = freshDb();
    await loadDemoCommunity(db, NOW);
    const other = freshDb();
    const meeting = await db.meetings.get(DEMO_SHOWCASE_MEETING_ID);
    await other.meetings.add({ ...meeting!, id: 'imported-1' });
    await expect(loadDemoCommunity(other, NOW)).rejects.toThrow('已经有数据');
    expect(await other.people.count()).toBe(0);
    expect(await other.meetings.count()).toBe(1);
  });

  it('says in Chinese when the demo cannot be made, and writes nothing', async () => {
    const db = freshDb();
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});
    await expect(loadDemoCommunity(db, new Date(Number.NaN))).rejects.toThrow('演示数据生成失败，没有写入任何数据');
    expect(quiet).toHaveBeenCalled();
    quiet.mockRestore();
    expect(await db.people.count()).toBe(0);
    expect(await db.meetings.count()).toBe(0);
  });
});
