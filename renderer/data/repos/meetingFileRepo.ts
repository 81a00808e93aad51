import type { Table } from 'dexie';
import type { MeetingStatus } from '../../../shared/domain/meeting';
import { RECORD_LISTS, ROW_KEY, recordStructureFault, type MeetingRecord } from '../../../shared/meeting/record';
import type { YishiDb } from '../db';
import { MEETING_TABLES } from './meetingRepo';

/** The meeting another row already belongs to, for saying which one. */
export interface OtherMeeting {
  title: string;
  issueYear: number;
  issueNo: number;
}

export type ImportOutcome =
  /** `same`: this computer already has this signed record (same fingerprint); nothing was written. */
  | { ok: true; result: 'added' | 'replaced' | 'same' }
  | { ok: false; reason: 'localSigned' }
  | { ok: false; reason: 'exists'; status: MeetingStatus }
  /** A row of the record would land on a row of another meeting: `path` into the record. */
  | { ok: false; reason: 'foreignRow'; path: Array<string | number>; other: OtherMeeting | null }
  /** The record breaks recordStructureFault (a caller that skipped readMeetingFile). */
  | { ok: false; reason: 'invalid'; path: Array<string | number>; words: string };

type Row = Record<string, unknown> & { meetingId?: unknown };

/**
 * The first row of the record whose key already names a row of another meeting on this computer:
 * writing it would replace that meeting's row (a signed one included).
 */
async function foreignRow(
  db: YishiDb,
  record: MeetingRecord,
): Promise<{ path: Array<string | number>; otherMeetingId: string } | null> {
  const meetingId = record.meeting.id;
  for (const list of RECORD_LISTS) {
    const key = ROW_KEY[list];
    const rows = record[list] as unknown as Row[];
    if (rows.length === 0) continue;
    const stored = await (db.table(list) as Table<Row, string>).bulkGet(rows.map((row) => String(row[key])));
    const index = stored.findIndex((row) => row !== undefined && row.meetingId !== meetingId);
    if (index >= 0) return { path: [list, index, key], otherMeetingId: String(stored[index]!.meetingId) };
  }
  return null;
}

/** Adds every row of a record; after the checks no key can exist, so a collision aborts instead of overwriting. */
async function addRecordRows(db: YishiDb, record: MeetingRecord): Promise<void> {
  await db.meetings.add(record.meeting);
  for (const list of RECORD_LISTS) await db.table(list).bulkAdd(record[list]);
}

/**
 * Stores a meeting read from a file (validated and verified by readMeetingFile, whose record it
 * stores as it is), all rows in one transaction that writes nothing when it refuses:
 * - a record whose rows do not all belong to it is refused (recordStructureFault);
 * - a row whose id already belongs to another meeting here is refused, naming that meeting;
 * - a meeting signed on this computer is never touched: the same signed record (same
 *   fingerprint) is reported as `same`, so its decisions keep their follow-up status; a
 *   different one is refused;
 * - any other existing copy is replaced only when the caller says so.
 */
export async function importMeetingRecord(
  db: YishiDb,
  record: MeetingRecord,
  options: { replace: boolean },
): Promise<ImportOutcome> {
  const fault = recordStructureFault(record);
  if (fault) return { ok: false, reason: 'invalid', path: fault.path, words: fault.words };
  return db.transaction(
    'rw',
    MEETING_TABLES.map((t) => db.table(t)),
    async (): Promise<ImportOutcome> => {
      const id = record.meeting.id;
      const local = await db.meetings.get(id);
      if (local?.status === 'signed') {
        const same = local.fingerprint !== undefined && local.fingerprint === record.meeting.fingerprint;
        return same ? { ok: true, result: 'same' } : { ok: false, reason: 'localSigned' };
      }
      const foreign = await foreignRow(db, record);
      if (foreign) {
        const other = await db.meetings.get(foreign.otherMeetingId);
        const named = other ? { title: other.title, issueYear: other.issueYear, issueNo: other.issueNo } : null;
        return { ok: false, reason: 'foreignRow', path: foreign.path, other: named };
      }
      if (local && !options.replace) return { ok: false, reason: 'exists', status: local.status };
      if (local)
        for (const t of MEETING_TABLES)
          await db
            .table(t)
            .where(t === 'meetings' ? 'id' : 'meetingId')
            .equals(id)
            .delete();
      // Keep the record's own org chain and issuer: this computer's organisation may differ.
      await addRecordRows(db, {
        ...record,
        meeting: {
          ...record.meeting,
          orgPathAtFinalise: record.orgPath,
          documentOrgNameAtFinalise: record.documentOrgName,
        },
      });
      return { ok: true, result: local ? 'replaced' : 'added' };
    },
  );
}
