/**
 * Crafted meeting files against a database that already holds meetings: a file never rewrites
 * another meeting (ids of its rows, its meetingId), a signed meeting of this computer is never
 * touched, the same signed record imported again changes nothing, and what is stored is exactly
 * the validated record, so it still verifies after a backup and a restore.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { createDb, type YishiDb } from '../../../renderer/data/db';
import { exportDatabase, snapshotTables } from '../../../renderer/data/backup';
import { importMeetingRecord, type RecordExtras } from '../../../renderer/data/repos/meetingFileRepo';
import { verifyMeeting } from '../../../renderer/data/repos/lifecycleRepo';
import { loadMeetingRecord } from '../../../renderer/data/repos/meetingRepo';
import { readBackupDocument } from '../../../shared/backup/document';
import { sampleRedBenchRecord, sampleSignedRedBenchRecord } from '../../../shared/fixtures/testRecord';
import { meetingFileText, readMeetingFile } from '../../../shared/meeting/file';
import { canonicalJson, recordForSealing, sealRecord } from '../../../shared/meeting/fingerprint';
import { signRecord } from '../../../shared/meeting/lifecycle';
import type { MeetingRecord } from '../../../shared/meeting/record';
import { TABLE_NAMES } from '../../../shared/store/schema';
import { renamedRecord } from './records';

const NOW = new Date('2026-11-10T09:00:00.000Z');
type Loose = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function freshDb(): YishiDb {
  return createDb(`import-${Math.random()}`, { indexedDB: new IDBFactory(), IDBKeyRange });
}

/** A database holding the signed sample (the meeting to protect) and an unsigned second meeting. */
async function databaseWithMeetings(): Promise<{ db: YishiDb; signed: MeetingRecord; draft: MeetingRecord }> {
  const db = freshDb();
  const signed = await sampleSignedRedBenchRecord();
  const draft = renamedRecord(sampleRedBenchRecord(), 'draft');
  expect((await importMeetingRecord(db, signed, { replace: false })).ok).toBe(true);
  expect((await importMeetingRecord(db, draft, { replace: false })).ok).toBe(true);
  return { db, signed, draft };
}

const snapshot = async (db: YishiDb) => JSON.stringify(await snapshotTables(db));

/** Reads the text as the app does, then stores it: the outcome, or the file's problem. */
async function importText(db: YishiDb, text: string, replace = false): Promise<Loose> {
  const reading = await readMeetingFile(text);
  if (!reading.ok) return { refusedAtRead: reading.problem };
  return importMeetingRecord(db, reading.record, { replace });
}

/** A third meeting's file, changed by `change` (rows of the protected meetings, etc.). */
async function craftedFile(change: (record: Loose) => void, sign: boolean): Promise<string> {
  let record = renamedRecord(sampleRedBenchRecord(), 'crafted') as unknown as Loose;
  change(record);
  if (sign) {
    const signed = await signRecord(record as MeetingRecord, NOW);
    if (!signed.ok) throw new Error('could not sign the crafted record');
    record = signed.record;
  }
  return meetingFileText(record as MeetingRecord, 't', NOW);
}

describe('a meeting file never rewrites another meeting', () => {
  it('refuses rows whose ids belong to another meeting, signed or not, and writes nothing', async () => {
    const { db, signed, draft } = await databaseWithMeetings();
    const before = await snapshot(db);
    const attacks: Array<[string, (r: Loose) => void]> = [
      ['a decision of the signed meeting', (r) => (r.decisions[0].id = signed.decisions[0]!.id)],
      ['an agenda item of the signed meeting', (r) => moveItem(r, r.agendaItems[1].id, signed.agendaItems[1]!.id)],
      ['an attendee of the draft meeting', (r) => (r.attendance[0].id = draft.attendance[0]!.id)],
      ['a vote of the signed meeting', (r) => (r.votes[0].id = signed.votes[0]!.id)],
      // Minutes are stored by their agenda item: the signed meeting's minutes would be replaced.
      [
        'minutes (and their item) of the signed meeting',
        (r) => moveItem(r, r.minutes[0].agendaItemId, signed.minutes[0]!.agendaItemId),
      ],
    ];
    for (const [what, attack] of attacks)
      for (const sign of [false, true]) {
        const outcome = await importText(db, await craftedFile(attack, sign), true);
        expect(outcome, `${what} (${sign ? 'signed' : 'unsigned'} file)`).toMatchObject({
          ok: false,
          reason: 'foreignRow',
        });
        expect(await snapshot(db)).toBe(before);
      }
    const outcome = await importText(db, await craftedFile(attackSigned(signed), false));
    expect(outcome).toMatchObject({ ok: false, reason: 'foreignRow', other: { title: signed.meeting.title } });
    expect(await verifyMeeting(db, signed.meeting.id)).toEqual({ state: 'consistent', amendments: 0 });
    db.close();
  });

  it('refuses a row carrying another meeting’s meetingId before anything is stored', async () => {
    const { db, signed } = await databaseWithMeetings();
    const before = await snapshot(db);
    const text = await craftedFile((r) => (r.decisions[1].meetingId = signed.meeting.id), false);
    expect(await importText(db, text)).toEqual({
      refusedAtRead: {
        code: 'invalid',
        path: ['record', 'decisions', 1, 'meetingId'],
        message: '第2项决定的所属会议不是本会议（属于另一个会议）',
      },
    });
    // Handed straight to the store (a caller that skipped readMeetingFile): refused too.
    const record = renamedRecord(sampleRedBenchRecord(), 'direct');
    record.votes[0]!.meetingId = signed.meeting.id;
    expect(await importMeetingRecord(db, record, { replace: true })).toMatchObject({ ok: false, reason: 'invalid' });
    expect(await snapshot(db)).toBe(before);
    db.close();
  });

  it('refuses repeated ids within a list', async () => {
    const { db } = await databaseWithMeetings();
    const text = await craftedFile((r) => (r.decisions[1].id = r.decisions[0].id), true);
    expect(await importText(db, text)).toMatchObject({ refusedAtRead: { code: 'invalid' } });
  });
});

/** Gives an agenda item another id, with everything that hangs on it. */
function moveItem(record: Loose, from: string, to: string): void {
  for (const list of ['minutes', 'decisions', 'votes', 'householdConsultations'])
    for (const row of record[list]) if (row.agendaItemId === from) row.agendaItemId = to;
  record.agendaItems.find((i: Loose) => i.id === from).id = to;
}

/** The file uses the id of a decision of the signed meeting. */
function attackSigned(signed: MeetingRecord): (r: Loose) => void {
  return (r) => (r.decisions[1].id = signed.decisions[1]!.id);
}

describe('importing a meeting this computer already has', () => {
  it('the same signed record: says so and changes nothing, follow-up status included', async () => {
    const { db, signed } = await databaseWithMeetings();
    const decisionId = signed.decisions[0]!.id;
    await db.decisions.update(decisionId, { status: 'done' });
    const before = await snapshot(db);
    const text = meetingFileText(signed, 't', NOW);
    for (const replace of [false, true])
      expect(await importText(db, text, replace)).toEqual({ ok: true, result: 'same', added: 0 });
    expect(await snapshot(db)).toBe(before);
    expect((await db.decisions.get(decisionId))?.status).toBe('done');
    db.close();
  });

  it('the same signed record with follow-up noted elsewhere: the new steps join, the state follows them, the record stays', async () => {
    const { db, signed, draft } = await databaseWithMeetings();
    const decision = signed.decisions[0]!;
    const step = (id: string, kind: 'note' | 'reportDone' | 'confirm', at: string, by: string) => ({
      id,
      decisionId: decision.id,
      meetingId: signed.meeting.id,
      at,
      by,
      kind,
      text: kind === 'note' ? '已联系施工队' : '',
    });
    // Noted here: work started.
    await db.decisionProgress.add(step('p-here', 'note', '2026-11-12T09:00:00+08:00', decision.responsible.name));
    await db.decisions.update(decision.id, { status: 'inProgress' });
    const recordRows = async () =>
      JSON.stringify(
        await Promise.all(['meetings', 'agendaItems', 'minutes', 'attendance'].map((t) => db.table(t).toArray())),
      );
    const before = await recordRows();
    // The file from the other computer: the same step, then reported done and confirmed by the supervisor.
    const extras = {
      signatures: [],
      followup: {
        progress: [
          step('p-here', 'note', '2026-11-12T09:00:00+08:00', decision.responsible.name),
          step('p-there-1', 'reportDone', '2026-11-20T10:00:00+08:00', decision.responsible.name),
          step('p-there-2', 'confirm', '2026-11-21T10:00:00+08:00', decision.supervisor.name),
        ],
        notices: [],
        evaluations: [],
        attachments: [],
      },
    } as unknown as RecordExtras;
    expect(await importMeetingRecord(db, signed, { replace: false }, extras)).toEqual({
      ok: true,
      result: 'same',
      added: 2,
    });
    expect((await db.decisions.get(decision.id))?.status).toBe('done');
    expect(await db.decisionProgress.where('decisionId').equals(decision.id).count()).toBe(3);
    expect(await recordRows()).toBe(before);
    // Again: nothing more to add.
    const after = await snapshot(db);
    expect(await importMeetingRecord(db, signed, { replace: false }, extras)).toEqual({
      ok: true,
      result: 'same',
      added: 0,
    });
    expect(await snapshot(db)).toBe(after);
    // A step whose id is another meeting's here is refused, and nothing is written.
    await db.decisionProgress.add({
      ...step('p-draft', 'note', '2026-11-13T09:00:00+08:00', '某人'),
      meetingId: draft.meeting.id,
      decisionId: draft.decisions[0]!.id,
    });
    const guarded = await snapshot(db);
    const hostile = {
      ...extras,
      followup: {
        ...extras.followup,
        progress: [
          step('p-new', 'note', '2026-11-22T09:00:00+08:00', '某人'),
          step('p-draft', 'note', '2026-11-22T09:00:00+08:00', '某人'),
        ],
      },
    };
    expect(await importMeetingRecord(db, signed, { replace: false }, hostile)).toMatchObject({
      ok: false,
      reason: 'foreignExtra',
    });
    expect(await snapshot(db)).toBe(guarded);
    db.close();
  });

  it('a different signed record of a signed meeting is refused; an unsigned copy is replaced only when asked', async () => {
    const { db, signed, draft } = await databaseWithMeetings();
    const before = await snapshot(db);
    const other = await sealRecord({ ...signed, meeting: { ...signed.meeting, place: '另一个地点' } });
    expect(await importText(db, meetingFileText(other, 't', NOW), true)).toEqual({ ok: false, reason: 'localSigned' });
    expect(await snapshot(db)).toBe(before);

    const changed = { ...draft, meeting: { ...draft.meeting, place: '新地点' } };
    expect(await importText(db, meetingFileText(changed, 't', NOW))).toEqual({
      ok: false,
      reason: 'exists',
      status: draft.meeting.status,
    });
    expect(await importText(db, meetingFileText(changed, 't', NOW), true)).toEqual({ ok: true, result: 'replaced' });
    expect((await db.meetings.get(draft.meeting.id))?.place).toBe('新地点');
    db.close();
  });
});

/**
 * A file with hostile content. Signed: the content is sealed as it is (whoever has this code can
 * re-seal), so the seal itself does not give it away; what cannot be sealed (Infinity) is changed
 * after signing.
 */
async function hostileFile(change: (text: string) => string, sign: boolean): Promise<string> {
  const plain = change(await craftedFile(() => undefined, false));
  if (!sign) return plain;
  const file = JSON.parse(plain) as Loose;
  try {
    const signed = await signRecord(file.record as MeetingRecord, NOW);
    if (!signed.ok) throw new Error('could not sign');
    return JSON.stringify({ ...file, record: signed.record }, null, 2);
  } catch {
    return change(await craftedFile(() => undefined, true));
  }
}

describe('what is stored is what was validated', () => {
  /** Backup and restore, as the app does (restore validates and trims every row). */
  async function restoredCopy(db: YishiDb): Promise<YishiDb> {
    const reading = readBackupDocument(await exportDatabase(db, 't', NOW));
    if (!reading.ok) throw new Error(`backup refused: ${reading.problem.code}`);
    const copy = freshDb();
    await copy.transaction('rw', TABLE_NAMES, async () => {
      for (const t of TABLE_NAMES) await copy.table(t).bulkAdd(reading.document.tables[t]);
    });
    return copy;
  }

  it('crafted content is refused in Chinese with nothing written, or stored as validated and still verifies after a restore', async () => {
    const deep = `${'{"content":['.repeat(10_000)}{}${']}'.repeat(10_000)}`;
    const variants: Array<[string, (text: string) => string]> = [
      ['extra key', (t) => t.replace('"place": "', '"extra": 1, "place": "')],
      ['own __proto__ key', (t) => t.replace('"place": "', '"__proto__": {"status": "draft"}, "place": "')],
      ['untrimmed text', (t) => t.replace('"place": "', '"place": "  ')],
      ['nesting 10,000 deep', (t) => t.replace('"doc": {', `"doc": {"deep": ${deep}, `)],
      ['__proto__ in the minutes', (t) => t.replace('"doc": {', '"doc": {"__proto__": {"x": 1}, ')],
      ['a noncharacter', (t) => t.replace('"place": "', '"place": "\\ufffe')],
      ['1e308 in the minutes', (t) => t.replace('"doc": {', '"doc": {"n": 1e308, ')],
      ['1e400 in the minutes', (t) => t.replace('"doc": {', '"doc": {"n": 1e400, ')],
      ['1e308 votes', (t) => t.replace(/"agree": \d+/, '"agree": 1e308')],
    ];
    const outcomes: string[] = [];
    for (const sign of [false, true])
      for (const [what, change] of variants) {
        const { db } = await databaseWithMeetings();
        const before = await snapshot(db);
        const text = await hostileFile(change, sign);
        const label = `${what} (${sign ? 'signed' : 'unsigned'})`;
        const reading = await readMeetingFile(text);
        outcomes.push(`${label} → ${reading.ok ? `stored ${reading.verification}` : reading.problem.code}`);
        if (!reading.ok) {
          expect(reading.problem.code, label).toMatch(/^(invalid|notCanonical|malformed)$/);
          const words = 'message' in reading.problem ? reading.problem.message : '';
          // Letters only inside quotes: a key of the file, named so that it can be found there.
          expect(words.replace(/“[^”]*”/g, ''), label).not.toMatch(/[A-Za-z]/);
          expect(words, label).toMatch(/[\u4e00-\u9fff]/);
          expect(await snapshot(db), label).toBe(before);
          continue;
        }
        expect(await importMeetingRecord(db, reading.record, { replace: false }), label).toMatchObject({ ok: true });
        const id = reading.record.meeting.id;
        const stored = await loadMeetingRecord(db, id);
        expect(canonicalJson(recordForSealing(stored!)), label).toBe(canonicalJson(recordForSealing(reading.record)));
        const verification = await verifyMeeting(db, id);
        const copy = await restoredCopy(db);
        expect(await verifyMeeting(copy, id), label).toEqual(verification);
        expect(verification.state, label).toBe(sign ? 'consistent' : 'unsigned');
        copy.close();
        db.close();
      }
    console.log(`hostile meeting files: ${outcomes.join('; ')}`);
    // Each kind of damage met its intended fate at least once.
    expect(outcomes.filter((o) => o.includes('notCanonical')).length).toBeGreaterThanOrEqual(3);
    expect(outcomes).toContain('nesting 10,000 deep (signed) → invalid');
    // Noncharacters are never typed and break the Word export: refused, signed or not (format 3).
    expect(outcomes).toContain('a noncharacter (signed) → malformed');
  }, 60_000);
});
