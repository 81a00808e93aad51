import { attendanceSchema, meetingSchema, type Meeting, type MeetingStatus } from '../../../shared/domain/meeting';
import {
  cancelMeeting,
  canEdit,
  signRecord,
  transition,
  type TransitionError,
} from '../../../shared/meeting/lifecycle';
import { reviewRecord, type ReviewProblem } from '../../../shared/meeting/review';
import { canonicalJson, recordForSealing, verifyRecord, type Verification } from '../../../shared/meeting/fingerprint';
import { amendRecord, type AmendProblem, type AmendRequest } from '../../../shared/meeting/amend';
import { newId } from '../../../shared/ids';
import { today } from '../../../shared/dates';
import { moveMeetingToDay } from '../../../shared/meeting/startDay';
import type { YishiDb } from '../db';
import { releaseMatter } from './agendaRepo';
import { requireEditable } from './meetingGuard';
import { refusal } from '../../../shared/refusal';
import { loadMeetingRecord, MEETING_TABLES, putRecordRows } from './meetingRepo';
import { signLatestState } from '../../../shared/signing/recordSigning';
import { signatureVerdict } from '../../../shared/signing/verdict';
import { currentSigner, knownKeys, loadSignatures } from './signingRepo';
import { appendAudit } from './auditRepo';
import { keyIdLabel, parseStatement } from '../../../shared/signing/statement';
import type { RecordSignature } from '../../../shared/signing/sign';

export type StepOutcome = { ok: true } | { ok: false; error: TransitionError } | { ok: false; review: ReviewProblem[] };

/**
 * Moves a meeting to the next status. 定稿 requires a complete record; signing seals the whole
 * record with its fingerprint in the same transaction that locks it.
 */
export async function moveMeeting(
  db: YishiDb,
  meetingId: string,
  to: MeetingStatus,
  now = new Date(),
): Promise<StepOutcome> {
  if (to === 'signed') return signMeeting(db, meetingId, now);
  return db.transaction('rw', [...MEETING_TABLES.map((t) => db.table(t)), db.orgUnits, db.settings], async () => {
    const record = await loadMeetingRecord(db, meetingId);
    if (!record) throw refusal('meetingMissing');
    if (to === 'finalised') {
      const review = reviewRecord(record);
      if (review.length > 0) return { ok: false, review };
    }
    const moved = transition(record.meeting, to, now);
    if (!moved.ok) return moved;
    const next = { ...moved.meeting, updatedAt: now.toISOString() };
    if (to === 'finalised')
      Object.assign(next, { orgPathAtFinalise: record.orgPath, documentOrgNameAtFinalise: record.documentOrgName });
    if (to === 'closed') {
      delete next.orgPathAtFinalise;
      delete next.documentOrgNameAtFinalise;
    }
    await db.meetings.put(next);
    return { ok: true };
  });
}

/** What keeps a meeting from 定稿, checked before anyone is asked to confirm (the move checks again). */
export async function reviewMeeting(db: YishiDb, meetingId: string): Promise<ReviewProblem[]> {
  const record = await loadMeetingRecord(db, meetingId);
  if (!record) throw refusal('meetingMissing');
  return reviewRecord(record);
}

export type StartOutcome = { ok: true; meeting: Meeting } | { ok: false; error: TransitionError };

/**
 * Opens a draft meeting (draft → live). With `moveToToday`, the meeting's date moves to today
 * first (start and planned end keep their time of day; the 期数 changes only with the year),
 * in the same transaction, so a meeting is never left moved but not started.
 */
export async function startMeeting(
  db: YishiDb,
  meetingId: string,
  options: { moveToToday: boolean },
  now = new Date(),
): Promise<StartOutcome> {
  return db.transaction('rw', db.meetings, async () => {
    const current = await db.meetings.get(meetingId);
    if (!current) throw refusal('meetingMissing');
    let meeting = current;
    // Moving the date changes the meeting's details, which only a draft allows; anything else is
    // refused by the step to live below, with its date left alone.
    if (options.moveToToday && canEdit(current.status, 'details')) {
      const sameUnit = await db.meetings.where('orgUnitId').equals(current.orgUnitId).toArray();
      meeting = meetingSchema.parse({ ...current, ...moveMeetingToDay(current, today(now), sameUnit) });
    }
    const moved = transition(meeting, 'live', now);
    if (!moved.ok) return moved;
    await db.meetings.put(moved.meeting);
    return { ok: true, meeting: moved.meeting };
  });
}

/** The tables a write of a sealed record touches: the record's, and the signature beside it. */
function sealTables(db: YishiDb) {
  return [
    ...MEETING_TABLES.map((t) => db.table(t)),
    db.orgUnits,
    db.settings,
    db.recordSignatures,
    db.auditLog,
    db.auditHead,
  ];
}

/**
 * Hashing and signing (WebCrypto) cannot run inside an IndexedDB transaction, which would commit
 * while it waits; so the record is sealed and its fingerprint signed with the installation's key
 * (created on first use) outside, and the write checks that nothing changed meanwhile. The
 * meeting and its signature are written together or not at all.
 */
async function signMeeting(db: YishiDb, meetingId: string, now: Date): Promise<StepOutcome> {
  const record = await loadMeetingRecord(db, meetingId);
  if (!record) throw refusal('meetingMissing');
  const signed = await signRecord(record, now);
  if (!signed.ok) return signed;
  const signature = await signLatestState(signed.record, await currentSigner(db, now), now);
  const sealedContent = canonicalJson(recordForSealing(record));
  return db.transaction('rw', sealTables(db), async () => {
    const current = await loadMeetingRecord(db, meetingId);
    if (!current || canonicalJson(recordForSealing(current)) !== sealedContent) throw refusal('changedWhileSigning');
    await db.meetings.put(signed.record.meeting);
    await db.recordSignatures.put(signature);
    const { title, issueYear, issueNo } = signed.record.meeting;
    await appendAudit(db, {
      action: 'signature',
      summary: `签字锁定并签名“${title}”（${issueYear}年第${issueNo}期），密钥${keyIdLabel(signatureKeyId(signature))}`,
      subjectId: meetingId,
      at: now,
    });
    return { ok: true } as const;
  });
}

export async function verifyMeeting(db: YishiDb, meetingId: string): Promise<Verification> {
  const record = await loadMeetingRecord(db, meetingId);
  if (!record) throw refusal('meetingMissing');
  return verifyRecord(record);
}

/** Stores an on-screen signature (PNG data URL) for an attendee of a finalised meeting. */
export async function saveSignature(
  db: YishiDb,
  attendanceId: string,
  imageDataUrl: string,
  now = new Date(),
): Promise<void> {
  await db.transaction('rw', db.meetings, db.attendance, async () => {
    const row = await db.attendance.get(attendanceId);
    if (!row) throw refusal('attendanceMissing');
    await requireEditable(db, row.meetingId, 'signatures');
    // Stored only as the schema allows: a row a backup could not restore would block every restore.
    const next = attendanceSchema.safeParse({
      ...row,
      signature: { kind: 'screen', imageDataUrl, signedAt: now.toISOString() },
    });
    if (!next.success) throw refusal('signatureUnreadable');
    await db.attendance.put(next.data);
  });
}

/** The paper 签到表 was signed: its photo or scan is kept with the record. */
export async function savePaperSheet(
  db: YishiDb,
  meetingId: string,
  imageDataUrl: string,
  recordedBy: string,
  now = new Date(),
): Promise<void> {
  await db.transaction('rw', db.meetings, async () => {
    const meeting = await requireEditable(db, meetingId, 'signatures');
    const next = meetingSchema.safeParse({
      ...meeting,
      paperSignatureSheet: { imageDataUrl, recordedAt: now.toISOString(), recordedBy },
      updatedAt: now.toISOString(),
    });
    if (!next.success) throw refusal('paperSheetUnreadable');
    await db.meetings.put(next.data);
  });
}

export type AmendOutcome = { ok: true } | { ok: false; problem: AmendProblem };

/**
 * Appends an amendment (修订) to a signed record and signs it: computed outside the transaction
 * (hashing and signing cannot run inside one), then written only if nothing changed in between.
 */
export async function amendMeeting(
  db: YishiDb,
  meetingId: string,
  request: AmendRequest,
  now = new Date(),
): Promise<AmendOutcome> {
  const record = await loadMeetingRecord(db, meetingId);
  if (!record) throw refusal('meetingMissing');
  // A record whose signature no longer matches (changed and re-sealed outside the app) is not
  // amended: the amendment's signature would cover the change and pass it off as signed.
  const verdict = await signatureVerdict(record, await loadSignatures(db, meetingId), await knownKeys(db));
  if (verdict.state === 'mismatch') return { ok: false, problem: { code: 'notConsistent' } };
  const result = await amendRecord(record, request, now, newId);
  if (!result.ok) return result;
  const before = canonicalJson(recordForSealing(record));
  const next = result.record;
  // Each amendment is signed like the lock: its signature covers the fingerprint after it.
  const signature = await signLatestState(next, await currentSigner(db, now), now);
  await db.transaction('rw', sealTables(db), async () => {
    const current = await loadMeetingRecord(db, meetingId);
    if (!current || canonicalJson(recordForSealing(current)) !== before) throw refusal('changedWhileAmending');
    await putRecordRows(db, next);
    await db.recordSignatures.put(signature);
    await appendAudit(db, {
      action: 'amendment',
      summary: `修订“${next.meeting.title}”（${next.meeting.issueYear}年第${next.meeting.issueNo}期）第${next.amendments.length}次并签名，密钥${keyIdLabel(signatureKeyId(signature))}`,
      subjectId: meetingId,
      at: now,
    });
  });
  return { ok: true };
}

/**
 * Deletes a meeting that never began, with everything prepared for it; its 期数 is free again.
 * A meeting that began is cancelled instead (`cancelMeetingWithReason`): the record of what
 * happened stays.
 */
export async function deleteDraftMeeting(db: YishiDb, meetingId: string): Promise<void> {
  await db.transaction('rw', [...MEETING_TABLES.map((t) => db.table(t)), db.matters, db.matterEvents], async () => {
    await requireEditable(db, meetingId, 'deletion');
    const items = await db.agendaItems.where('meetingId').equals(meetingId).toArray();
    // Before the meeting goes: the timeline step names it.
    for (const item of items) await releaseMatter(db, item);
    for (const t of MEETING_TABLES) {
      if (t === 'meetings') await db.meetings.delete(meetingId);
      else await db.table(t).where('meetingId').equals(meetingId).delete();
    }
  });
}

/** Cancels a meeting that began (已取消): kept with its reason and its 期数, which is never reused. */
export async function cancelMeetingWithReason(
  db: YishiDb,
  meetingId: string,
  reason: string,
  now = new Date(),
): Promise<StepOutcome> {
  return db.transaction('rw', db.meetings, async () => {
    const meeting = await db.meetings.get(meetingId);
    if (!meeting) throw refusal('meetingMissing');
    const moved = cancelMeeting(meeting, reason, now);
    if (!moved.ok) return moved;
    await db.meetings.put(moved.meeting);
    return { ok: true } as const;
  });
}

/** The key id a stored signature names (its statement), for the audit log. */
function signatureKeyId(signature: RecordSignature): string {
  return parseStatement(signature.statement)?.keyId ?? '';
}
