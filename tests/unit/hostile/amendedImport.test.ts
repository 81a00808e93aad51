/**
 * A meeting file holding a signed record this computer has, amended elsewhere since (or before):
 * the further-amended copy replaces the record only when a known key signed it and its
 * amendments replay onto the record here; an older copy leaves it as it is; copies amended apart
 * are refused. Whatever is refused writes nothing, and the follow-up here is never lost.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { createDb, type YishiDb } from '../../../renderer/data/db';
import { snapshotTables } from '../../../renderer/data/backup';
import { importMeetingRecord } from '../../../renderer/data/repos/meetingFileRepo';
import { verifyMeeting } from '../../../renderer/data/repos/lifecycleRepo';
import { loadMeetingRecord } from '../../../renderer/data/repos/meetingRepo';
import {
  amendedForTest as amend,
  sampleRedBenchRecord,
  sampleSignedRedBenchRecord,
} from '../../../shared/fixtures/testRecord';
import { canonicalJson, recordForSealing } from '../../../shared/meeting/fingerprint';
import type { MeetingRecord } from '../../../shared/meeting/record';
import { renamedRecord } from './records';

/** This computer: the signed sample with work started on its first decision, and a draft meeting. */
async function computerHere() {
  const db = createDb(`amended-${Math.random()}`, { indexedDB: new IDBFactory(), IDBKeyRange });
  const signed = await sampleSignedRedBenchRecord();
  const draft = renamedRecord(sampleRedBenchRecord(), 'draft');
  expect((await importMeetingRecord(db, signed, { replace: false })).ok).toBe(true);
  expect((await importMeetingRecord(db, draft, { replace: false })).ok).toBe(true);
  const decision = signed.decisions[0]!;
  await db.decisionProgress.add({
    id: 'p-here',
    decisionId: decision.id,
    meetingId: signed.meeting.id,
    at: '2026-07-18T09:00:00+08:00',
    by: decision.responsible.name,
    kind: 'note',
    text: '已联系施工队',
  } as never);
  await db.decisions.update(decision.id, { status: 'inProgress' });
  return { db, signed, draft, decisionId: decision.id };
}

/** The record as amended on the other computer: a deadline moved, then a vote added. */
async function amendedTwice(signed: MeetingRecord): Promise<MeetingRecord> {
  const once = await amend(signed, '2026-07-20T02:00:00Z', (d) => void (d.decisions[0]!.deadline = '2026-09-30'));
  return amend(once, '2026-07-21T02:00:00Z', (d) => {
    d.votes.push({ ...d.votes[0]!, id: 'vote-added', subject: '施工时间' });
  });
}

const snapshot = async (db: YishiDb) => JSON.stringify(await snapshotTables(db));
const sealedText = (record: MeetingRecord) => canonicalJson(recordForSealing(record));

describe('a signed record amended on another computer', () => {
  it('is taken when a known key signed it: the amendments join, the follow-up here stays', async () => {
    const { db, signed, decisionId } = await computerHere();
    const newer = await amendedTwice(signed);
    const before = await snapshot(db);
    // Without a known signer the same file is refused and nothing is written.
    for (const options of [{ replace: false }, { replace: true, newestSignedByKnownKey: false }])
      expect(await importMeetingRecord(db, newer, options)).toEqual({
        ok: false,
        reason: 'amendedUntrusted',
        amendments: 2,
      });
    expect(await snapshot(db)).toBe(before);

    const extras = {
      signatures: [],
      followup: {
        progress: [
          {
            id: 'p-there',
            decisionId,
            meetingId: signed.meeting.id,
            at: '2026-07-22T09:00:00+08:00',
            by: signed.decisions[0]!.responsible.name,
            kind: 'reportDone',
            text: '',
          },
        ],
        notices: [],
        evaluations: [],
        attachments: [],
      },
    } as never;
    expect(await importMeetingRecord(db, newer, { replace: false, newestSignedByKnownKey: true }, extras)).toEqual({
      ok: true,
      result: 'amended',
      amendments: 2,
      added: 1,
    });
    const stored = (await loadMeetingRecord(db, signed.meeting.id))!;
    expect(sealedText(stored)).toBe(sealedText(newer));
    expect(await verifyMeeting(db, signed.meeting.id)).toEqual({ state: 'consistent', amendments: 2 });
    expect(stored.decisions[0]!.deadline).toBe('2026-09-30');
    expect(stored.votes.map((v) => v.id)).toContain('vote-added');
    // The note made here and the report from there: the state follows both steps.
    expect((await db.decisionProgress.where('decisionId').equals(decisionId).primaryKeys()).sort()).toEqual([
      'p-here',
      'p-there',
    ]);
    expect((await db.decisions.get(decisionId))?.status).toBe('reported');
    expect((await db.auditLog.toArray()).map((e) => e.summary).join('\n')).toContain('补入修订2次');

    // The copy this computer started from, imported now, is older: nothing changes.
    const after = await snapshot(db);
    expect(await importMeetingRecord(db, signed, { replace: true, newestSignedByKnownKey: true })).toEqual({
      ok: true,
      result: 'older',
      amendments: 2,
      added: 0,
    });
    expect(await snapshot(db)).toBe(after);
    db.close();
  });

  it('keeps each decision’s status when no new steps come with the file', async () => {
    const { db, signed, decisionId } = await computerHere();
    const newer = await amendedTwice(signed);
    await importMeetingRecord(db, newer, { replace: false, newestSignedByKnownKey: true });
    expect((await db.decisions.get(decisionId))?.status).toBe('inProgress');
    db.close();
  });

  it('refuses copies amended apart, and a newer copy whose added row is another meeting’s, writing nothing', async () => {
    const { db, signed, draft } = await computerHere();
    const ours = await amend(signed, '2026-07-19T02:00:00Z', (d) => void (d.meeting.place = '小区议事亭'));
    const trusted = { replace: true, newestSignedByKnownKey: true };
    expect((await importMeetingRecord(db, ours, trusted)).ok).toBe(true);
    const before = await snapshot(db);
    const theirs = await amendedTwice(signed);
    expect(await importMeetingRecord(db, theirs, trusted)).toEqual({ ok: false, reason: 'localSigned' });
    expect(await snapshot(db)).toBe(before);

    const hostile = await amend(ours, '2026-07-22T02:00:00Z', (d) => {
      d.votes.push({ ...d.votes[0]!, id: draft.votes[0]!.id, subject: '借用另一个会议的编号' });
    });
    expect(await importMeetingRecord(db, hostile, trusted)).toMatchObject({ ok: false, reason: 'foreignRow' });
    expect(await snapshot(db)).toBe(before);
    db.close();
  });
});
