import { describe, expect, it } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { createDb, type YishiDb } from '../db';
import type { AgendaItem, Meeting, MeetingStatus } from '../../../shared/domain/meeting';
import { loadMinutes, MinutesSaveError, saveMinutes } from './minutesRepo';

const freshDb = () => createDb('yishi', { indexedDB: new IDBFactory(), IDBKeyRange });
const at = '2026-07-10T09:00:00.000+08:00';

function meeting(id: string, status: MeetingStatus): Meeting {
  return {
    id,
    type: 'redBench',
    title: '停车位划线红板凳议事会',
    orgUnitId: 'u1',
    issueYear: 2026,
    issueNo: 7,
    startAt: at,
    plannedEndAt: at,
    place: '居民说事厅',
    status,
    passThreshold: 0.5,
    createdAt: at,
    updatedAt: at,
  };
}
function item(id: string, meetingId: string): AgendaItem {
  return { id, meetingId, order: 0, title: '停车位重新划线', plannedMinutes: 20, concerns: [], state: 'pending' };
}
async function seed(db: YishiDb, status: MeetingStatus): Promise<void> {
  await db.meetings.put(meeting('m1', status));
  await db.agendaItems.put(item('a1', 'm1'));
}
const doc = (text: string): Record<string, unknown> => ({
  type: 'doc',
  content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
});

describe('minutes repository', () => {
  it('saves the document with its plain text and loads it back', async () => {
    const db = freshDb();
    await seed(db, 'live');
    const now = new Date('2026-07-10T02:32:05.000Z');
    const row = await saveMinutes(db, { agendaItemId: 'a1', meetingId: 'm1', doc: doc('物业七月底前完成划线') }, now);
    expect(row).toEqual({
      agendaItemId: 'a1',
      meetingId: 'm1',
      schemaVersion: 1,
      doc: doc('物业七月底前完成划线'),
      text: '物业七月底前完成划线',
      updatedAt: now.toISOString(),
    });
    expect(await loadMinutes(db, 'a1')).toEqual(row);
    await saveMinutes(db, { agendaItemId: 'a1', meetingId: 'm1', doc: doc('改过的') });
    expect((await loadMinutes(db, 'a1'))?.text).toBe('改过的');
    expect(await db.minutes.count()).toBe(1);
    expect(await loadMinutes(db, 'nothing')).toBeUndefined();
  });

  it.each(['finalised', 'signed'] as const)('refuses to write when the meeting is %s', async (status) => {
    const db = freshDb();
    await seed(db, status);
    const error = await saveMinutes(db, { agendaItemId: 'a1', meetingId: 'm1', doc: doc('迟到的修改') }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(MinutesSaveError);
    expect(error).toMatchObject({ reason: 'locked', meetingStatus: status });
    expect(await db.minutes.count()).toBe(0);
  });

  it.each(['live', 'closed'] as const)('writes while the meeting is %s', async (status) => {
    const db = freshDb();
    await seed(db, status);
    await saveMinutes(db, { agendaItemId: 'a1', meetingId: 'm1', doc: doc('现场记录') });
    expect((await loadMinutes(db, 'a1'))?.text).toBe('现场记录');
  });

  it.each(['draft', 'cancelled'] as const)('refuses minutes for a meeting that is %s', async (status) => {
    const db = freshDb();
    await seed(db, status);
    await expect(saveMinutes(db, { agendaItemId: 'a1', meetingId: 'm1', doc: doc('x') })).rejects.toMatchObject({
      reason: 'locked',
    });
    expect(await db.minutes.count()).toBe(0);
  });

  it('refuses a missing meeting, a foreign agenda item and an invalid document', async () => {
    const db = freshDb();
    await seed(db, 'live');
    await db.meetings.put(meeting('m2', 'live'));
    await expect(saveMinutes(db, { agendaItemId: 'a1', meetingId: 'nope', doc: doc('x') })).rejects.toMatchObject({
      reason: 'meetingMissing',
    });
    await expect(saveMinutes(db, { agendaItemId: 'a1', meetingId: 'm2', doc: doc('x') })).rejects.toMatchObject({
      reason: 'agendaItemMismatch',
    });
    await expect(saveMinutes(db, { agendaItemId: 'zz', meetingId: 'm1', doc: doc('x') })).rejects.toMatchObject({
      reason: 'agendaItemMismatch',
    });
    await expect(
      saveMinutes(db, { agendaItemId: 'a1', meetingId: 'm1', doc: { type: 'paragraph' } }),
    ).rejects.toMatchObject({ reason: 'invalid' });
    await expect(saveMinutes(db, { agendaItemId: '', meetingId: 'm1', doc: doc('x') })).rejects.toMatchObject({
      reason: 'invalid',
    });
    expect(await db.minutes.count()).toBe(0);
  });
});
