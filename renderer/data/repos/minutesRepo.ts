import { minutesSchema, type MeetingStatus, type Minutes } from '../../../shared/domain/meeting';
import type { YishiDb } from '../db';
import { canEdit } from '../../../shared/meeting/lifecycle';
import { tiptapPlainText } from '../../../shared/meeting/minutesDoc';

export type MinutesSaveErrorReason = 'locked' | 'meetingMissing' | 'agendaItemMismatch' | 'invalid';

/** Why the minutes could not be written; `locked` and the mismatches will not go away by retrying. */
export class MinutesSaveError extends Error {
  constructor(
    readonly reason: MinutesSaveErrorReason,
    readonly meetingStatus?: MeetingStatus,
  ) {
    super(`minutes not saved: ${reason}${meetingStatus ? ` (${meetingStatus})` : ''}`);
    this.name = 'MinutesSaveError';
  }
}

export function isPermanentSaveError(error: unknown): boolean {
  return error instanceof MinutesSaveError;
}

export interface MinutesInput {
  agendaItemId: string;
  meetingId: string;
  doc: Record<string, unknown>;
}

export async function loadMinutes(db: YishiDb, agendaItemId: string): Promise<Minutes | undefined> {
  return db.minutes.get(agendaItemId);
}

/** Every item's minutes of one meeting, for reading a past meeting (one query, not one per item). */
export async function loadMeetingMinutes(db: YishiDb, meetingId: string): Promise<Minutes[]> {
  return db.minutes.where('meetingId').equals(meetingId).toArray();
}

/** Builds and validates the row without touching the database. */
export function buildMinutes(input: MinutesInput, now: Date): Minutes {
  const parsed = minutesSchema.safeParse({
    agendaItemId: input.agendaItemId,
    meetingId: input.meetingId,
    schemaVersion: 1,
    doc: input.doc,
    text: tiptapPlainText(input.doc),
    updatedAt: now.toISOString(),
  });
  if (!parsed.success || input.doc.type !== 'doc') throw new MinutesSaveError('invalid');
  return parsed.data;
}

/**
 * Writes the minutes of one agenda item. The meeting's status is read in the same transaction
 * as the write, so a meeting locked a moment ago (定稿 or signed on another screen) can never
 * receive a late autosave.
 */
export async function saveMinutes(db: YishiDb, input: MinutesInput, now: Date = new Date()): Promise<Minutes> {
  const row = buildMinutes(input, now);
  return db.transaction('rw', db.meetings, db.agendaItems, db.minutes, async () => {
    const meeting = await db.meetings.get(row.meetingId);
    if (!meeting) throw new MinutesSaveError('meetingMissing');
    if (!canEdit(meeting.status, 'minutes')) throw new MinutesSaveError('locked', meeting.status);
    const item = await db.agendaItems.get(row.agendaItemId);
    if (!item || item.meetingId !== row.meetingId) throw new MinutesSaveError('agendaItemMismatch');
    await db.minutes.put(row);
    return row;
  });
}
