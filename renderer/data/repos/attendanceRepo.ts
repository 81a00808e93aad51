import { attendanceSchema, type Attendance, type AttendanceState } from '../../../shared/domain/meeting';
import type { Person } from '../../../shared/domain/person';
import type { RosterRole } from '../../../shared/domain/roles';
import { newId } from '../../../shared/ids';
import type { YishiDb } from '../db';
import { attendanceFor } from './meetingRepo';
import { requireEditable } from './meetingGuard';
import { refusal } from '../../../shared/refusal';

async function nextOrder(db: YishiDb, meetingId: string): Promise<number> {
  const list = await db.attendance.where('meetingId').equals(meetingId).toArray();
  return list.reduce((max, a) => Math.max(max, a.order), -1) + 1;
}

/** Invites a roster person in a 6+N category; inviting someone twice changes nothing. */
export async function invitePerson(
  db: YishiDb,
  meetingId: string,
  person: Person,
  category: RosterRole,
): Promise<void> {
  await db.transaction('rw', db.meetings, db.attendance, async () => {
    await requireEditable(db, meetingId, 'invitations');
    const existing = await db.attendance
      .where('meetingId')
      .equals(meetingId)
      .filter((a) => a.personId === person.id)
      .first();
    if (existing) return;
    await db.attendance.add(attendanceFor(meetingId, person, category, await nextOrder(db, meetingId)));
  });
}

/** A one-off guest or walk-in who is not on the roster. */
export async function addGuest(
  db: YishiDb,
  meetingId: string,
  guest: { name: string; unit?: string; category: RosterRole; state: AttendanceState },
  now = new Date(),
): Promise<Attendance> {
  return db.transaction('rw', db.meetings, db.attendance, async () => {
    await requireEditable(db, meetingId, 'invitations');
    const row = attendanceSchema.parse({
      id: newId(),
      meetingId,
      name: guest.name,
      unit: guest.unit?.trim() || undefined,
      category: guest.category,
      state: guest.state,
      arrivedAt: guest.state === 'present' ? now.toISOString() : undefined,
      // Added as already present: a walk-in, whom the 会议通知 never invited.
      walkIn: guest.state === 'present' ? true : undefined,
      order: await nextOrder(db, meetingId),
    });
    await db.attendance.add(row);
    return row;
  });
}

export async function removeAttendance(db: YishiDb, id: string): Promise<void> {
  await db.transaction('rw', db.meetings, db.attendance, async () => {
    const row = await db.attendance.get(id);
    if (!row) return;
    await requireEditable(db, row.meetingId, 'invitationRemoval');
    await db.attendance.delete(id);
  });
}

/** 签到: marks 出席 (with the arrival time), 请假, 缺席 or 列席. */
export async function markAttendance(db: YishiDb, id: string, state: AttendanceState, now = new Date()): Promise<void> {
  await db.transaction('rw', db.meetings, db.attendance, async () => {
    const row = await db.attendance.get(id);
    if (!row) throw refusal('attendanceMissing');
    await requireEditable(db, row.meetingId, 'attendance');
    const arrivedAt = state === 'present' || state === 'nonVoting' ? (row.arrivedAt ?? now.toISOString()) : undefined;
    const next: Attendance = { ...row, state };
    if (arrivedAt) next.arrivedAt = arrivedAt;
    else delete next.arrivedAt;
    await db.attendance.put(attendanceSchema.parse(next));
  });
}
