import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { readBackupDocument } from '../../shared/backup/document';
import { generateDistrict, scaledConfig } from '../../shared/fixtures/scale/generator';
import { sampleRedBenchRecord, sampleSignedRedBenchRecord } from '../../shared/fixtures/testRecord';
import { fingerprintRecord } from '../../shared/meeting/fingerprint';
import { moveMeeting } from './repos/lifecycleRepo';
import { loadMeetingRecord } from './repos/meetingRepo';
import { TABLE_NAMES } from '../../shared/store/schema';
import { exportDatabase } from './backup';
import { createDb, type YishiDb } from './db';
import { verifySignedMeetings } from './verifySigned';
import { importMeetingRecord } from './repos/meetingFileRepo';
import { putRecordRows } from './repos/meetingRepo';

const NOW = new Date('2026-11-28T09:00:00.000Z');

function freshDb(): YishiDb {
  return createDb(`verify-${Math.random()}`, { indexedDB: new IDBFactory(), IDBKeyRange });
}

/** A small district (real fingerprints) plus the signed sample, written straight into the tables. */
async function districtDb(): Promise<YishiDb> {
  const db = freshDb();
  for await (const batch of generateDistrict(
    scaledConfig(0.01, { batchSize: 500, compoundsPerCommunity: 2, peoplePerCompound: 20 }),
  ))
    await db.table(batch.table).bulkAdd(batch.rows);
  expect(await importMeetingRecord(db, await sampleSignedRedBenchRecord(), { replace: false })).toMatchObject({
    ok: true,
  });
  return db;
}

/** A backup of `db` restored into a new database, as the app restores (validated, trimmed). */
async function restored(db: YishiDb): Promise<YishiDb> {
  const reading = readBackupDocument(await exportDatabase(db, 't', NOW));
  if (!reading.ok) throw new Error(`backup refused: ${reading.problem.code}`);
  const copy = freshDb();
  await copy.transaction('rw', TABLE_NAMES, async () => {
    for (const t of TABLE_NAMES) await copy.table(t).bulkAdd(reading.document.tables[t]);
  });
  return copy;
}

describe('verifying every signed meeting', () => {
  it('finds all of them consistent in a sound database, in groups, pausing between', async () => {
    const db = await districtDb();
    const signed = await db.meetings.where('status').equals('signed').count();
    expect(signed).toBeGreaterThan(50);
    const seen: number[] = [];
    let pauses = 0;
    const check = await verifySignedMeetings(db, {
      groupSize: 25,
      progress: (done, total) => {
        expect(total).toBe(signed);
        seen.push(done);
      },
      pause: async () => void pauses++,
    });
    expect(check).toEqual({ checked: signed, failed: [] });
    // After every group, and whenever hashing has taken its time budget.
    expect(pauses).toBeGreaterThanOrEqual(Math.ceil(signed / 25));
    expect(seen[0]).toBe(0);
    expect(seen.at(-1)).toBe(signed);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
    db.close();
  }, 60_000);

  it('names the signed meetings a restore changed: a row stored untrimmed no longer verifies once restored', async () => {
    const db = await districtDb();
    const record = await sampleSignedRedBenchRecord();
    // What an import stored before it stored the validated record: text as read, sealed so.
    const untrimmed = structuredClone(record);
    untrimmed.meeting.id = 'untrimmed';
    untrimmed.meeting.title = '旧版本导入的会议';
    untrimmed.decisions = [];
    for (const list of ['agendaItems', 'minutes', 'attendance', 'votes', 'householdConsultations'] as const)
      untrimmed[list] = [];
    untrimmed.meeting.place = `${untrimmed.meeting.place} `;
    const { sealRecord } = await import('../../shared/meeting/fingerprint');
    const sealed = await sealRecord(untrimmed);
    await putRecordRows(db, {
      ...sealed,
      meeting: {
        ...sealed.meeting,
        orgPathAtFinalise: sealed.orgPath,
        documentOrgNameAtFinalise: sealed.documentOrgName,
      },
    });
    expect((await verifySignedMeetings(db)).failed).toEqual([]);

    const copy = await restored(db);
    const check = await verifySignedMeetings(copy);
    expect(check.failed).toEqual([
      expect.objectContaining({ id: 'untrimmed', title: '旧版本导入的会议', issueYear: record.meeting.issueYear }),
    ]);
    db.close();
    copy.close();
  }, 60_000);

  it('names a meeting whose rows were changed behind its seal', async () => {
    const db = await districtDb();
    const record = await sampleSignedRedBenchRecord();
    await db.decisions.update(record.decisions[0]!.id, { standard: '改过的标准' });
    await db.decisions.update(record.decisions[1]!.id, { status: 'done' }); // follow-up: outside the seal
    const check = await verifySignedMeetings(db);
    expect(check.failed.map((m) => m.id)).toEqual([record.meeting.id]);
    db.close();
  }, 60_000);

  it('names a signed meeting changed and re-sealed: its fingerprint matches, its signature does not', async () => {
    const db = freshDb();
    const record = sampleRedBenchRecord();
    expect(await importMeetingRecord(db, record, { replace: false })).toMatchObject({ ok: true });
    expect(await moveMeeting(db, record.meeting.id, 'signed')).toEqual({ ok: true });
    expect((await verifySignedMeetings(db)).failed).toEqual([]);
    const stored = (await loadMeetingRecord(db, record.meeting.id))!;
    const changed = { ...stored, meeting: { ...stored.meeting, place: '别处' } };
    await db.meetings.put({ ...changed.meeting, fingerprint: await fingerprintRecord(changed) });
    const check = await verifySignedMeetings(db);
    expect(check.failed.map((m) => m.id)).toEqual([record.meeting.id]);
    db.close();
  });
});
