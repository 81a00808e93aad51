import { describe, expect, it } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { createDb } from '../db';
import type { Meeting, MeetingStatus } from '../../../shared/domain/meeting';
import { meetingCount, meetingPage } from './meetingListRepo';

function meeting(i: number, status: MeetingStatus): Meeting {
  const day = new Date(Date.UTC(2020, 0, 1 + i)).toISOString();
  return {
    id: `m${i}`,
    type: 'monthlyDay',
    title: `第${i}次`,
    orgUnitId: 'u',
    issueYear: 2020,
    issueNo: 1,
    startAt: day,
    plannedEndAt: day,
    place: '',
    status,
    passThreshold: 0.5,
    createdAt: day,
    updatedAt: day,
  };
}

describe('meeting list pages', () => {
  it('reads one page, newest first, with the total of the tab', async () => {
    const db = createDb('yishi', { indexedDB: new IDBFactory(), IDBKeyRange });
    await db.meetings.bulkAdd(Array.from({ length: 45 }, (_, i) => meeting(i, 'signed')));
    await db.meetings.bulkAdd([meeting(100, 'closed'), meeting(50, 'finalised'), meeting(101, 'draft')]);
    expect(await meetingCount(db, ['signed'])).toBe(45);
    const first = await meetingPage(db, ['signed'], 1, 20);
    expect(first.map((m) => m.id).slice(0, 3)).toEqual(['m44', 'm43', 'm42']);
    const last = await meetingPage(db, ['signed'], 3, 20);
    expect(last.map((m) => m.id)).toEqual(['m4', 'm3', 'm2', 'm1', 'm0']);
    expect(await meetingCount(db, ['closed', 'finalised'])).toBe(2);
    const awaiting = await meetingPage(db, ['closed', 'finalised'], 1, 20);
    expect(awaiting.map((m) => m.id)).toEqual(['m100', 'm50']);
  });
});
