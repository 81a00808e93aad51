/**
 * Meeting files of format 3 (signatures and follow-up beside the record): a signed file with its
 * follow-up is stored whole and read back the same; crafted files — a signature of another
 * meeting, follow-up rows of another meeting's decisions, ids colliding with stored rows or with
 * each other, deep nesting, huge numbers, noncharacters, damaged evidence — are refused in Chinese
 * with nothing written, and a write that fails half-way leaves nothing behind.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { createDb, type YishiDb } from '../../../renderer/data/db';
import { snapshotTables } from '../../../renderer/data/backup';
import { importMeetingRecord, loadMeetingFileExtras } from '../../../renderer/data/repos/meetingFileRepo';
import { verifyMeetingSignatures } from '../../../renderer/data/repos/signingRepo';
import { exampleExtras } from '../../../shared/fixtures/exampleKey';
import { sampleSignedRedBenchRecord } from '../../../shared/fixtures/testRecord';
import { meetingFileText, readMeetingFile } from '../../../shared/meeting/file';
import { fileFollowupOf } from '../../../shared/meeting/fileFollowup';
import { renamedRecord } from './records';
import { signRecord } from '../../../shared/meeting/lifecycle';

const NOW = new Date('2026-11-10T09:00:00.000Z');
type Loose = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function freshDb(): YishiDb {
  return createDb(`v3-${Math.random()}`, { indexedDB: new IDBFactory(), IDBKeyRange });
}
const snapshot = async (db: YishiDb) => JSON.stringify(await snapshotTables(db));

/** The signed sample with its signature, a progress note with a small evidence file, and a 决议公示. */
async function signedFile(): Promise<Loose> {
  const record = await sampleSignedRedBenchRecord();
  const extras = await exampleExtras(record);
  const data = btoa('\x89PNG evidence');
  const digest = await crypto.subtle.digest(
    'SHA-256',
    Uint8Array.from(atob(data), (c) => c.charCodeAt(0)),
  );
  const sha256 = Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
  const note = extras.followup.progress[0]!;
  extras.followup.progress[0] = { ...note, attachments: ['example-evidence-1'] };
  extras.followup.attachments = [
    {
      id: 'example-evidence-1',
      ownerKind: 'progress',
      ownerId: note.id,
      decisionId: note.decisionId,
      fileName: '堆放点.png',
      mime: 'image/png',
      size: 13,
      sha256,
      data,
      addedAt: note.at,
    },
  ];
  return JSON.parse(meetingFileText(record, 't', NOW, extras)) as Loose;
}

async function read(file: Loose | string) {
  return readMeetingFile(typeof file === 'string' ? file : JSON.stringify(file));
}

async function store(db: YishiDb, file: Loose) {
  const reading = await read(file);
  if (!reading.ok) throw new Error(JSON.stringify(reading.problem));
  return importMeetingRecord(db, reading.record, { replace: false }, reading);
}

describe('format 3 round trip', () => {
  it('stores the record, its signatures and its follow-up in one go; exporting again gives the same parts', async () => {
    const db = freshDb();
    const file = await signedFile();
    expect(await store(db, file)).toEqual({ ok: true, result: 'added' });
    const extras = await loadMeetingFileExtras(db, file.record.meeting.id);
    expect(extras.signatures).toEqual(file.signatures);
    expect(extras.followup).toEqual(file.followup);
    expect(await verifyMeetingSignatures(db, file.record.meeting.id)).toMatchObject({ state: 'signedUnregistered' });
  });
});

describe('crafted format 3 files are refused in Chinese, nothing read', () => {
  /** Put in the file's text after JSON.stringify, which could not write it. */
  const DEEP = '@DEEP@';
  const deep = `${'['.repeat(10_000)}${']'.repeat(10_000)}`;
  const cases: Array<[string, (f: Loose) => void, string]> = [
    [
      'a signature of another meeting',
      (f) => ((f.signatures[0].meetingId = 'x'), (f.signatures[0].id = 'x#0')),
      'foreignExtras',
    ],
    ['two signatures with one id', (f) => f.signatures.push(f.signatures[0]), 'foreignExtras'],
    ['a progress note of another meeting', (f) => (f.followup.progress[0].meetingId = 'another'), 'foreignExtras'],
    [
      'a progress note on a decision of another meeting',
      (f) => (f.followup.progress[0].decisionId = 'other-decision'),
      'foreignExtras',
    ],
    ['a notice repeated', (f) => f.followup.notices.push(f.followup.notices[0]), 'foreignExtras'],
    ['evidence on no note of the file', (f) => (f.followup.attachments[0].ownerId = 'nowhere'), 'foreignExtras'],
    [
      'evidence whose bytes were changed',
      (f) => (f.followup.attachments[0].data = btoa('\x89PNG evidencE')),
      'attachmentDamaged',
    ],
    ['a note nested 10,000 deep', (f) => (f.followup.progress[0].text = DEEP), 'invalid'],
    ['notice days 1e300', (f) => (f.followup.notices[0].days = 1e300), 'invalid'],
    ['evidence size 1e300', (f) => (f.followup.attachments[0].size = 1e300), 'invalid'],
    ['signature slot 1e300', (f) => (f.signatures[0].slot = 1e300), 'invalid'],
    ['a noncharacter in a note', (f) => (f.followup.progress[0].text = '已完成\uFFFF'), 'malformed'],
    ['a lone surrogate in a notice', (f) => (f.followup.notices[0].postedBy = '陈\uD800'), 'malformed'],
    ['an unknown key in the follow-up', (f) => (f.followup.extra = 1), 'invalid'],
  ];
  for (const [what, change, code] of cases)
    it(what, async () => {
      const file = await signedFile();
      change(file);
      const reading = await read(JSON.stringify(file).replace(`"${DEEP}"`, deep));
      expect(reading.ok, what).toBe(false);
      if (reading.ok) return;
      expect(reading.problem.code, what).toBe(code);
      const words = 'message' in reading.problem ? reading.problem.message : '';
      expect(words.replace(/“[^”]*”/g, ''), what).not.toMatch(/[A-Za-z]/);
      if (code !== 'attachmentDamaged') expect(words, what).toMatch(/[\u4e00-\u9fff]/);
    });
});

describe('storing a format 3 file writes everything or nothing', () => {
  it('follow-up ids colliding with another meeting’s rows are refused, nothing written', async () => {
    const db = freshDb();
    const first = await signedFile();
    expect(await store(db, first)).toMatchObject({ ok: true });
    // Another meeting whose follow-up reuses the stored ids.
    const sealed = await signRecord(renamedRecord(await sampleSignedRedBenchRecord(), 'other'), NOW);
    if (!sealed.ok) throw new Error('could not seal the other record');
    const other = sealed.record;
    const extras = await exampleExtras(await sampleSignedRedBenchRecord());
    const progress = extras.followup.progress.map((p) => ({
      ...p,
      meetingId: other.meeting.id,
      decisionId: `other-${p.decisionId}`,
    }));
    const followup = fileFollowupOf({ progress, notices: [], evaluations: [], attachments: [] });
    const reading = await read(meetingFileText(other, 't', NOW, { followup }));
    if (!reading.ok) throw new Error(JSON.stringify(reading.problem));
    const before = await snapshot(db);
    expect(await importMeetingRecord(db, reading.record, { replace: false }, reading)).toEqual({
      ok: false,
      reason: 'foreignExtra',
      path: ['followup', 'progress', 0],
    });
    expect(await snapshot(db)).toBe(before);
  });

  it('a row that cannot be stored half-way through (a stray 评议 on the same decision) leaves nothing', async () => {
    const db = freshDb();
    const file = await signedFile();
    file.followup.evaluations = [
      {
        id: 'eval-1',
        decisionId: file.followup.progress[0].decisionId,
        meetingId: file.record.meeting.id,
        rounds: [],
        rectifications: [],
        reports: [],
        updatedAt: '2026-07-25T00:00:00.000Z',
      },
    ];
    // A stray row (another id, same decision) breaks the unique decisionId index at the last table.
    await db.evaluations.add({ ...file.followup.evaluations[0], id: 'stray', meetingId: 'elsewhere' });
    const before = await snapshot(db);
    await expect(store(db, file)).rejects.toThrow();
    expect(await snapshot(db)).toBe(before);
  });
});
