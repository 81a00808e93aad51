import type { Table } from 'dexie';
import type { Meeting, MeetingStatus } from '../../../shared/domain/meeting';
import { instantOf } from '../../../shared/dates';
import { replay } from '../../../shared/followup/state';
import { RECORD_LISTS, ROW_KEY, recordStructureFault, type MeetingRecord } from '../../../shared/meeting/record';
import { fileFollowupOf, type FileFollowup } from '../../../shared/meeting/fileFollowup';
import type { MeetingFileExtras } from '../../../shared/meeting/file';
import type { RecordSignature } from '../../../shared/signing/sign';
import { recordLineage } from '../../../shared/meeting/lineage';
import type { YishiDb } from '../db';
import { loadMeetingRecord, MEETING_TABLES } from './meetingRepo';
import { appendAudit, AUDIT_TABLES } from './auditRepo';

/** The tables of what travels beside a record in a meeting file (format 3). */
export const EXTRA_TABLES = [
  'recordSignatures',
  'decisionProgress',
  'publicNotices',
  'evaluations',
  'attachments',
] as const;

/** Signatures and follow-up read from a file, stored with the record or not at all. */
export interface RecordExtras {
  signatures: readonly RecordSignature[];
  followup: Pick<FileFollowup, 'progress' | 'notices' | 'evaluations' | 'attachments'>;
}
const NO_EXTRAS: RecordExtras = {
  signatures: [],
  followup: { progress: [], notices: [], evaluations: [], attachments: [] },
};

/** The meeting another row already belongs to, for saying which one. */
export interface OtherMeeting {
  title: string;
  issueYear: number;
  issueNo: number;
}

export type ImportOutcome =
  | { ok: true; result: 'added' | 'replaced' }
  /**
   * `same`: this computer already has this signed record (same fingerprint). Its rows are left as
   * they are; `added` counts the file's signatures and follow-up rows it did not have yet.
   */
  | { ok: true; result: 'same'; added: number }
  /**
   * `amended`: the file holds this computer's signed record amended `amendments` times more
   * (recordLineage), signed by a key this installation knows; the record now is the file's.
   * `older`: this computer's record is the file's amended further; the record is left as it is.
   * Both count in `added` the signatures and follow-up rows taken from the file.
   */
  | { ok: true; result: 'amended' | 'older'; amendments: number; added: number }
  /** Each signed copy holds amendments the other lacks, or they differ otherwise. */
  | { ok: false; reason: 'localSigned' }
  /** The file continues this computer's signed record, but its newest state is not signed by a known key. */
  | { ok: false; reason: 'amendedUntrusted'; amendments: number }
  | { ok: false; reason: 'exists'; status: MeetingStatus }
  /** A row of the record would land on a row of another meeting: `path` into the record. */
  | { ok: false; reason: 'foreignRow'; path: Array<string | number>; other: OtherMeeting | null }
  /** A signature or follow-up row whose id is already another meeting's here: `path` into the file. */
  | { ok: false; reason: 'foreignExtra'; path: Array<string | number> }
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

/** The refusal for a record with a row of another meeting here, naming that meeting. */
async function foreignRowRefusal(db: YishiDb, record: MeetingRecord): Promise<ImportOutcome | null> {
  const foreign = await foreignRow(db, record);
  if (!foreign) return null;
  const other = await db.meetings.get(foreign.otherMeetingId);
  const named = other ? { title: other.title, issueYear: other.issueYear, issueNo: other.issueNo } : null;
  return { ok: false, reason: 'foreignRow', path: foreign.path, other: named };
}

/** The extras' rows by table, with their path in the file. */
function extraLists(
  extras: RecordExtras,
): Array<{ table: (typeof EXTRA_TABLES)[number]; path: string[]; rows: Row[] }> {
  const f = extras.followup;
  return [
    { table: 'recordSignatures', path: ['signatures'], rows: extras.signatures as unknown as Row[] },
    { table: 'decisionProgress', path: ['followup', 'progress'], rows: f.progress as unknown as Row[] },
    { table: 'publicNotices', path: ['followup', 'notices'], rows: f.notices as unknown as Row[] },
    { table: 'evaluations', path: ['followup', 'evaluations'], rows: f.evaluations as unknown as Row[] },
    { table: 'attachments', path: ['followup', 'attachments'], rows: f.attachments as unknown as Row[] },
  ];
}

/**
 * The first signature or follow-up row whose id names a stored row of another meeting (evidence
 * has no meeting: it is this meeting's when it hangs on one of the record's decisions).
 */
async function foreignExtra(
  db: YishiDb,
  record: MeetingRecord,
  extras: RecordExtras,
): Promise<Array<string | number> | null> {
  const decisions = new Set(record.decisions.map((d) => d.id));
  const ours = (row: Row) =>
    row.meetingId !== undefined ? row.meetingId === record.meeting.id : decisions.has(String(row.decisionId));
  for (const { table, path, rows } of extraLists(extras)) {
    if (rows.length === 0) continue;
    const stored = await (db.table(table) as Table<Row, string>).bulkGet(rows.map((row) => String(row.id)));
    const index = stored.findIndex((row) => row !== undefined && !ours(row));
    if (index >= 0) return [...path, index];
  }
  return null;
}

/** The record as stored: its own org chain and issuer kept, since this computer's organisation may differ. */
function asStored(record: MeetingRecord): MeetingRecord {
  const { orgPath, documentOrgName } = record;
  return {
    ...record,
    meeting: { ...record.meeting, orgPathAtFinalise: orgPath, documentOrgNameAtFinalise: documentOrgName },
  };
}

/** Adds every row of a record; after the checks no key can exist, so a collision aborts instead of overwriting. */
async function addRecordRows(db: YishiDb, record: MeetingRecord, extras: RecordExtras): Promise<void> {
  await db.meetings.add(record.meeting);
  for (const list of RECORD_LISTS) await db.table(list).bulkAdd(record[list]);
  for (const { table, rows } of extraLists(extras)) if (rows.length > 0) await db.table(table).bulkAdd(rows);
}

/**
 * Adds the signatures and follow-up rows of a file this computer does not have yet (by id; a row
 * it has stays as it is), and each decision given new steps takes the state all its steps now
 * say, oldest first (replay) — the progress noted on another computer joins this one's.
 */
async function mergeExtras(db: YishiDb, extras: RecordExtras): Promise<number> {
  let added = 0;
  const stepped = new Set<string>();
  for (const { table, rows } of extraLists(extras)) {
    if (rows.length === 0) continue;
    const stored = await (db.table(table) as Table<Row, string>).bulkGet(rows.map((row) => String(row.id)));
    const fresh = rows.filter((_, i) => stored[i] === undefined);
    if (fresh.length === 0) continue;
    await db.table(table).bulkAdd(fresh);
    added += fresh.length;
    if (table === 'decisionProgress') for (const row of fresh) stepped.add(String(row.decisionId));
  }
  for (const decisionId of stepped) {
    const decision = await db.decisions.get(decisionId);
    if (!decision) continue;
    const steps = (await db.decisionProgress.where('decisionId').equals(decisionId).toArray()).sort(
      (a, b) => instantOf(a.at) - instantOf(b.at) || a.id.localeCompare(b.id),
    );
    const status = replay(steps, decision.supervisor);
    if (status !== decision.status) await db.decisions.put({ ...decision, status });
  }
  return added;
}

/** Removes a meeting's rows and everything stored beside it (before a replacing import). */
async function deleteMeetingRows(db: YishiDb, id: string, decisionIds: readonly string[]): Promise<void> {
  for (const t of [...MEETING_TABLES, ...EXTRA_TABLES.filter((t) => t !== 'attachments')])
    await db
      .table(t)
      .where(t === 'meetings' ? 'id' : 'meetingId')
      .equals(id)
      .delete();
  if (decisionIds.length > 0) await db.attachments.where('decisionId').anyOf(decisionIds).delete();
}

export interface ImportOptions {
  /** Replace an unsigned copy this computer holds (asked of the user first). */
  replace: boolean;
  /** The file's newest state is signed by a key this installation knows (its own or registered). */
  newestSignedByKnownKey?: boolean;
}

/** Rewrites a signed meeting's record with its further-amended version, keeping each decision's follow-up status. */
async function writeAmendedRecord(db: YishiDb, local: MeetingRecord, record: MeetingRecord): Promise<void> {
  const status = new Map(local.decisions.map((d) => [d.id, d.status]));
  for (const t of MEETING_TABLES)
    await db
      .table(t)
      .where(t === 'meetings' ? 'id' : 'meetingId')
      .equals(local.meeting.id)
      .delete();
  const decisions = record.decisions.map((d) => ({ ...d, status: status.get(d.id) ?? d.status }));
  await addRecordRows(db, asStored({ ...record, decisions }), NO_EXTRAS);
}

/**
 * A file of a meeting signed on this computer. The signed record changes only by amendments
 * that continue it and whose newest state a known key signed — anyone can re-seal a record, so
 * an unknown signer's amendments would be a way to rewrite it. Signatures and follow-up rows
 * the file adds are merged whenever the file is this record, older or newer.
 */
async function signedHere(
  db: YishiDb,
  local: Meeting,
  record: MeetingRecord,
  options: ImportOptions,
  extras: RecordExtras,
): Promise<ImportOutcome> {
  const localRecord = await loadMeetingRecord(db, local.id);
  if (!localRecord) return { ok: false, reason: 'localSigned' };
  const lineage = recordLineage(localRecord, record);
  if (lineage.relation === 'diverged') return { ok: false, reason: 'localSigned' };
  if (lineage.relation === 'newer') {
    if (!options.newestSignedByKnownKey)
      return { ok: false, reason: 'amendedUntrusted', amendments: lineage.amendments };
    const refused = await foreignRowRefusal(db, record);
    if (refused) return refused;
  }
  const extra = await foreignExtra(db, record, extras);
  if (extra) return { ok: false, reason: 'foreignExtra', path: extra };
  if (lineage.relation === 'newer') await writeAmendedRecord(db, localRecord, record);
  const added = await mergeExtras(db, extras);
  const named = `“${local.title}”（${local.issueYear}年第${local.issueNo}期）`;
  if (lineage.relation === 'newer')
    await appendAudit(db, {
      action: 'import',
      summary: `从文件更新${named}：补入修订${lineage.amendments}次，签名和办理记录${added}条`,
      subjectId: local.id,
    });
  else if (added > 0)
    await appendAudit(db, {
      action: 'import',
      summary: `从文件补入${named}的签名和办理记录${added}条`,
      subjectId: local.id,
    });
  if (lineage.relation === 'same') return { ok: true, result: 'same', added };
  return {
    ok: true,
    result: lineage.relation === 'newer' ? 'amended' : 'older',
    amendments: lineage.amendments,
    added,
  };
}

/**
 * Stores a meeting read from a file (validated and verified by readMeetingFile, whose record it
 * stores as it is), all rows in one transaction that writes nothing when it refuses:
 * - a record whose rows do not all belong to it is refused (recordStructureFault);
 * - a row whose id already belongs to another meeting here is refused, naming that meeting;
 * - a meeting signed on this computer changes only by its amendments: the same signed record is
 *   `same`, an older copy `older` (both leave it as it is), a copy amended further `amended`
 *   when a known key signed it (see signedHere); any other is refused;
 * - any other existing copy is replaced only when the caller says so.
 */
export async function importMeetingRecord(
  db: YishiDb,
  record: MeetingRecord,
  options: ImportOptions,
  extras: RecordExtras = NO_EXTRAS,
): Promise<ImportOutcome> {
  const fault = recordStructureFault(record);
  if (fault) return { ok: false, reason: 'invalid', path: fault.path, words: fault.words };
  return db.transaction(
    'rw',
    [...MEETING_TABLES, ...EXTRA_TABLES, ...AUDIT_TABLES, 'orgUnits', 'settings'].map((t) => db.table(t)),
    async (): Promise<ImportOutcome> => {
      const id = record.meeting.id;
      const local = await db.meetings.get(id);
      if (local?.status === 'signed') return signedHere(db, local, record, options, extras);
      const refused = await foreignRowRefusal(db, record);
      if (refused) return refused;
      const extra = await foreignExtra(db, record, extras);
      if (extra) return { ok: false, reason: 'foreignExtra', path: extra };
      if (local && !options.replace) return { ok: false, reason: 'exists', status: local.status };
      if (local) {
        const decisionIds = (await db.decisions.where('meetingId').equals(id).primaryKeys()) as string[];
        await deleteMeetingRows(db, id, decisionIds);
      }
      await addRecordRows(db, asStored(record), extras);
      const { title, issueYear, issueNo } = record.meeting;
      await appendAudit(db, {
        action: 'import',
        summary: `导入会议记录“${title}”（${issueYear}年第${issueNo}期），签名${extras.signatures.length}个，办理进展${extras.followup.progress.length}条`,
        subjectId: id,
      });
      return { ok: true, result: local ? 'replaced' : 'added' };
    },
  );
}

/**
 * What a meeting file carries beside the record: its signatures and its follow-up, read through
 * the meetingId / decisionId indexes in one read transaction (so the parts agree with each other).
 */
export async function loadMeetingFileExtras(db: YishiDb, meetingId: string): Promise<MeetingFileExtras> {
  const tables = ['decisions', ...EXTRA_TABLES].map((t) => db.table(t));
  return db.transaction('r', tables, async () => {
    const decisionIds = (await db.decisions.where('meetingId').equals(meetingId).primaryKeys()) as string[];
    const [signatures, progress, notices, evaluations, attachments] = await Promise.all([
      db.recordSignatures.where('meetingId').equals(meetingId).toArray(),
      db.decisionProgress.where('meetingId').equals(meetingId).toArray(),
      db.publicNotices.where('meetingId').equals(meetingId).toArray(),
      db.evaluations.where('meetingId').equals(meetingId).toArray(),
      decisionIds.length > 0 ? db.attachments.where('decisionId').anyOf(decisionIds).toArray() : [],
    ]);
    return { signatures, followup: fileFollowupOf({ progress, notices, evaluations, attachments }) };
  });
}
