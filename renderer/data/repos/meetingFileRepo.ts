import type { MeetingRecord } from '../../../shared/meeting/record';
import type { YishiDb } from '../db';
import { MEETING_TABLES, putRecordRows } from './meetingRepo';

export type ImportOutcome = { ok: true; replaced: boolean } | { ok: false; reason: 'localSigned' | 'exists' };

/**
 * Stores a meeting read from a file (already validated and verified), all rows in one
 * transaction. A meeting signed on this computer is never overwritten; any other existing copy
 * is replaced only when the caller says so.
 */
export async function importMeetingRecord(
  db: YishiDb,
  record: MeetingRecord,
  options: { replace: boolean },
): Promise<ImportOutcome> {
  return db.transaction(
    'rw',
    MEETING_TABLES.map((t) => db.table(t)),
    async () => {
      const id = record.meeting.id;
      const local = await db.meetings.get(id);
      if (local?.status === 'signed' && local.fingerprint !== record.meeting.fingerprint)
        return { ok: false, reason: 'localSigned' };
      if (local && !options.replace) return { ok: false, reason: 'exists' };
      if (local)
        for (const t of MEETING_TABLES) if (t !== 'meetings') await db.table(t).where('meetingId').equals(id).delete();
      // Keep the record's own org chain and issuer: this computer's organisation may differ.
      await putRecordRows(db, {
        ...record,
        meeting: {
          ...record.meeting,
          orgPathAtFinalise: record.orgPath,
          documentOrgNameAtFinalise: record.documentOrgName,
        },
      });
      return { ok: true, replaced: local !== undefined };
    },
  );
}
