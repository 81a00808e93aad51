import { describe, expect, it } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { createDb, type YishiDb } from '../db';
import { MEETING_STATUSES, type MeetingStatus } from '../../../shared/domain/meeting';
import { canEdit, type EditablePart } from '../../../shared/meeting/lifecycle';
import {
  sampleRedBenchRecord,
  SAMPLE_DECISION_WASTE_ID,
  SAMPLE_ITEM_WASTE_ID,
} from '../../../shared/fixtures/testRecord';
import { putRecordRows } from './meetingRepo';
import { addAgendaItem, deleteAgendaItem, goToItem, reorderAgenda, updateAgendaItem } from './agendaRepo';
import { addGuest, invitePerson, markAttendance, removeAttendance } from './attendanceRepo';
import { deleteDecision, saveDecision, saveHouseholdConsultation, saveVote } from './decisionsRepo';
import { deleteDraftMeeting, savePaperSheet, saveSignature } from './lifecycleRepo';
import { saveMinutes } from './minutesRepo';
import { MeetingLockedError } from './meetingGuard';

const PNG = 'data:image/png;base64,iVBORw0KGgo=';

/**
 * Every write of a meeting's parts, with the part of the lifecycle table it belongs to. The test
 * below runs each in every state and checks that the repository refuses exactly where the table
 * says no: the screens ask the same table what to offer, so the two can no longer disagree.
 */
const WRITES: Array<[string, EditablePart, (db: YishiDb, meetingId: string) => Promise<unknown>]> = [
  ['add an agenda item', 'agenda', (db, m) => addAgendaItem(db, m, { title: '临时议题', plannedMinutes: 10 })],
  ['reword an item', 'agenda', (db) => updateAgendaItem(db, SAMPLE_ITEM_WASTE_ID, { title: '分类垃圾桶改造（修改）' })],
  ['reorder the agenda', 'agenda', async (db, m) => reorderAgenda(db, m, (await itemIds(db, m)).reverse())],
  ['delete an item', 'agendaRemoval', (db) => deleteAgendaItem(db, SAMPLE_ITEM_WASTE_ID)],
  ['write a 决议', 'itemOutcomes', (db) => updateAgendaItem(db, SAMPLE_ITEM_WASTE_ID, { resolution: '同意' })],
  ['mark 已议结', 'itemOutcomes', (db) => updateAgendaItem(db, SAMPLE_ITEM_WASTE_ID, { state: 'discussed' })],
  ['go to an item', 'liveNavigation', (db, m) => goToItem(db, m, SAMPLE_ITEM_WASTE_ID)],
  [
    'invite a person',
    'invitations',
    (db, m) =>
      invitePerson(
        db,
        m,
        {
          id: 'p-new',
          name: '王新',
          roles: ['resident'],
          isGridWorker: false,
          isMediator: false,
          isPartyMember: false,
          orgUnitId: 'u',
          initials: 'wx',
          order: 0,
        } as never,
        'resident',
      ),
  ],
  [
    'add a walk-in',
    'invitations',
    (db, m) => addGuest(db, m, { name: '临时来人', category: 'stakeholder', state: 'present' }),
  ],
  ['remove an invitee', 'invitationRemoval', async (db, m) => removeAttendance(db, await firstAttendanceId(db, m))],
  ['sign someone in', 'attendance', async (db, m) => markAttendance(db, await firstAttendanceId(db, m), 'present')],
  [
    'write minutes',
    'minutes',
    (db, m) =>
      saveMinutes(db, {
        meetingId: m,
        agendaItemId: SAMPLE_ITEM_WASTE_ID,
        doc: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: '记录' }] }] },
      }),
  ],
  [
    'save a decision',
    'decisions',
    (db, m) =>
      saveDecision(db, m, SAMPLE_ITEM_WASTE_ID, {
        title: '新决定',
        responsible: { kind: 'text', name: '物业公司' },
        standard: '按期完成',
        deadline: '2026-12-31',
        supervisor: { kind: 'text', name: '业委会' },
      }),
  ],
  ['delete a decision', 'decisions', (db) => deleteDecision(db, SAMPLE_DECISION_WASTE_ID)],
  [
    'record a vote',
    'votes',
    (db, m) =>
      saveVote(db, m, SAMPLE_ITEM_WASTE_ID, {
        subject: '表决',
        method: 'showOfHands',
        agree: 5,
        disagree: 0,
        abstain: 0,
        presentVoters: 5,
      }),
  ],
  [
    'record a household consultation',
    'votes',
    (db, m) =>
      saveHouseholdConsultation(db, m, SAMPLE_ITEM_WASTE_ID, {
        subject: '逐户征求意见',
        asked: 10,
        agreed: 9,
        disagreed: 1,
        notReached: 0,
      }),
  ],
  ['sign on screen', 'signatures', async (db, m) => saveSignature(db, await firstAttendanceId(db, m), PNG)],
  ['attach the paper sheet', 'signatures', (db, m) => savePaperSheet(db, m, PNG, '记录人')],
  ['delete the meeting', 'deletion', (db, m) => deleteDraftMeeting(db, m)],
];

async function itemIds(db: YishiDb, meetingId: string): Promise<string[]> {
  return (await db.agendaItems.where('meetingId').equals(meetingId).sortBy('order')).map((i) => i.id);
}

async function firstAttendanceId(db: YishiDb, meetingId: string): Promise<string> {
  const row = (await db.attendance.where('meetingId').equals(meetingId).sortBy('order'))[0];
  if (!row) throw new Error('fixture has no attendance');
  return row.id;
}

async function seeded(status: MeetingStatus): Promise<{ db: YishiDb; meetingId: string }> {
  const db = createDb('yishi', { indexedDB: new IDBFactory(), IDBKeyRange });
  const record = sampleRedBenchRecord();
  await putRecordRows(db, { ...record, meeting: { ...record.meeting, status } });
  return { db, meetingId: record.meeting.id };
}

/** True when the write went through, false when the lifecycle refused it; anything else fails the test. */
async function accepted(write: Promise<unknown>): Promise<boolean> {
  try {
    await write;
    return true;
  } catch (error) {
    if (error instanceof MeetingLockedError) return false;
    if (error instanceof Error && error.name === 'MinutesSaveError' && /locked/.test(error.message)) return false;
    throw error;
  }
}

describe('every repository write obeys the lifecycle table', () => {
  for (const status of MEETING_STATUSES)
    it.each(WRITES)(`${status}: %s (%s)`, async (_name, part, write) => {
      const { db, meetingId } = await seeded(status);
      expect(await accepted(write(db, meetingId))).toBe(canEdit(status, part));
    });

  it('stores a signature or a paper sheet only as the schema allows, so a backup can always restore it', async () => {
    const { db, meetingId } = await seeded('finalised');
    const huge = `data:image/png;base64,${'A'.repeat(8_100_000)}`;
    const attendanceId = await firstAttendanceId(db, meetingId);
    const before = await db.attendance.get(attendanceId);
    await expect(saveSignature(db, attendanceId, huge)).rejects.toThrow('签名图片太大或无法识别，请重新签名');
    expect(await db.attendance.get(attendanceId)).toEqual(before);
    await expect(savePaperSheet(db, meetingId, huge, '记录人')).rejects.toThrow('纸质签到表的照片太大');
    expect((await db.meetings.get(meetingId))?.paperSignatureSheet).toBeUndefined();
  });

  it('refuses with the reason the screens show', async () => {
    const { db } = await seeded('live');
    await expect(deleteAgendaItem(db, SAMPLE_ITEM_WASTE_ID)).rejects.toThrow(
      '会议正在进行，不能删除议题（未议的议题会转入下次会议）',
    );
    expect(await db.agendaItems.get(SAMPLE_ITEM_WASTE_ID)).toBeDefined();
  });
});
