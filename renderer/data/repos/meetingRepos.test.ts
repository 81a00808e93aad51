import { describe, expect, it } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { createDb, type YishiDb } from '../db';
import { loadDemoCommunity } from './setupRepo';
import { createMeeting, loadMeetingRecord, MeetingExistsError } from './meetingRepo';
import { templateFor } from './templatesRepo';
import { addAgendaItem, goToItem, reorderAgenda, updateAgendaItem } from './agendaRepo';
import { addGuest, markAttendance } from './attendanceRepo';
import { saveDecision, saveVote } from './decisionsRepo';
import { amendMeeting, moveMeeting, saveSignature, verifyMeeting } from './lifecycleRepo';
import { MeetingLockedError } from './meetingGuard';
import { standingCoverage } from '../../../shared/domain/roles';
import { orgPath } from '../../../shared/domain/org';
import { DEMO_RED_BENCH_COMPOUND_ID } from '../../../shared/demo/demoCommunity';

const now = new Date('2026-11-10T01:00:00Z');

async function demoDb(): Promise<YishiDb> {
  const db = createDb('yishi', { indexedDB: new IDBFactory(), IDBKeyRange });
  await loadDemoCommunity(db, now);
  return db;
}

async function redBench(db: YishiDb, startAt = '2026-11-10T09:00:00+08:00') {
  return createMeeting(
    db,
    {
      type: 'redBench',
      title: '帝纱富仕城红板凳议事会',
      orgUnitId: DEMO_RED_BENCH_COMPOUND_ID,
      startAt,
      plannedEndAt: '2026-11-10T10:00:00+08:00',
      place: '帝纱富仕城党群服务站',
      chair: { kind: 'text', name: '李振海' },
      recorder: { kind: 'text', name: '赵丽娟' },
      template: await templateFor(db, 'redBench'),
    },
    now,
  );
}

const minutesDoc = {
  type: 'doc',
  content: [{ type: 'paragraph', content: [{ type: 'text', text: '大家同意更换分类垃圾桶。' }] }],
};

describe('preparing a meeting', () => {
  it('numbers meetings per compound and year and invites the template roles', async () => {
    const db = await demoDb();
    // The demo already holds this year's meetings of the compound: numbering goes on from them.
    const held = (await db.meetings.where('orgUnitId').equals(DEMO_RED_BENCH_COMPOUND_ID).toArray()).filter(
      (m) => m.issueYear === 2026,
    );
    expect(held.length).toBeGreaterThan(0);
    const first = await redBench(db);
    const second = await redBench(db, '2026-11-20T09:00:00+08:00');
    expect([first.issueNo, second.issueNo]).toEqual([held.length + 1, held.length + 2]);
    const nextYear = await redBench(db, '2027-01-20T09:00:00+08:00');
    expect(nextYear.issueNo).toBe(1);
    const record = await loadMeetingRecord(db, first.id);
    expect(record?.attendance.length).toBeGreaterThan(3);
    expect(standingCoverage(record!.attendance.map((a) => [a.category])).missing).not.toContain('secretary');
    expect(record?.attendance.every((a) => a.state === 'invited')).toBe(true);
  });

  it('names a draft meeting’s units from the district down, read up the parent links', async () => {
    const db = await demoDb();
    const m = await redBench(db);
    const expected = orgPath(await db.orgUnits.toArray(), DEMO_RED_BENCH_COMPOUND_ID).map((u) => u.name);
    expect(expected.length).toBeGreaterThan(2);
    expect((await loadMeetingRecord(db, m.id))!.orgPath).toEqual(expected);
  });

  it('carries forward the unresolved items of the last meeting of the same kind', async () => {
    const db = await demoDb();
    const first = await redBench(db);
    const extra = await addAgendaItem(db, first.id, { title: '停车位重新施划', plannedMinutes: 20 });
    await moveMeeting(db, first.id, 'live');
    const items = (await loadMeetingRecord(db, first.id))!.agendaItems;
    await updateAgendaItem(db, items[0]!.id, { state: 'resolved' });
    const second = await redBench(db, '2026-12-01T09:00:00+08:00');
    const carried = (await loadMeetingRecord(db, second.id))!.agendaItems.filter((i) => i.carriedFromItemId);
    expect(carried.map((i) => i.carriedFromItemId)).toContain(extra.id);
    expect(carried.map((i) => i.carriedFromItemId)).not.toContain(items[0]!.id);
    expect((await db.meetings.get(second.id))?.carriedFromMeetingId).toBe(first.id);
  });

  it('finds the last meeting by the instant it began, whatever offset its time was written with', async () => {
    const db = await demoDb();
    // 10:00 in Beijing, written in UTC as the demo writes it…
    const later = await redBench(db, '2026-12-01T02:00:00.000Z');
    await addAgendaItem(db, later.id, { title: '停车位重新施划', plannedMinutes: 20 });
    await moveMeeting(db, later.id, 'live');
    // …and 09:30 the same morning, written with +08:00 as the new-meeting form writes it: as
    // text it sorts after 10:00Z, in time it comes first, so nothing is carried from the later one.
    const earlier = await redBench(db, '2026-12-01T09:30:00+08:00');
    expect((await db.meetings.get(earlier.id))?.carriedFromMeetingId).not.toBe(later.id);
    const next = await redBench(db, '2026-12-01T11:00:00+08:00');
    expect((await db.meetings.get(next.id))?.carriedFromMeetingId).toBe(later.id);
  });

  const monthlyDay = async (db: YishiDb, startAt: string, minutes = 90) =>
    createMeeting(
      db,
      {
        type: 'monthlyDay',
        title: '帝纱富仕城党群议事日',
        orgUnitId: DEMO_RED_BENCH_COMPOUND_ID,
        startAt,
        plannedEndAt: new Date(Date.parse(startAt) + minutes * 60_000).toISOString(),
        place: '帝纱富仕城党群服务站',
        chair: { kind: 'text', name: '李振海' },
        recorder: { kind: 'text', name: '赵丽娟' },
        template: await templateFor(db, 'monthlyDay'),
      },
      now,
    );

  it('refuses a second 党群议事日 for the same compound and day, naming the one there is', async () => {
    const db = await demoDb();
    const first = await monthlyDay(db, '2027-03-10T09:00:00+08:00');
    const before = await db.meetings.count();
    const refused = await monthlyDay(db, '2027-03-10T14:00:00+08:00').catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(MeetingExistsError);
    expect((refused as MeetingExistsError).meetingId).toBe(first.id);
    expect(await db.meetings.count()).toBe(before);
    // Another day, or a red-bench meeting the same day, is a meeting of its own.
    await expect(monthlyDay(db, '2027-04-10T09:00:00+08:00')).resolves.toBeTruthy();
    await expect(redBench(db, '2027-03-10T15:00:00+08:00')).resolves.toBeTruthy();
  });

  it('plans a new 党群议事日 long enough for the items carried into it, in half hours', async () => {
    const db = await demoDb();
    const first = await monthlyDay(db, '2027-03-10T09:00:00+08:00');
    for (const title of ['停车位重新施划', '楼道堆放杂物清理', '电动车充电桩'])
      await addAgendaItem(db, first.id, { title, plannedMinutes: 40 });
    await moveMeeting(db, first.id, 'live');
    const next = await monthlyDay(db, '2027-04-10T09:00:00+08:00', 90);
    const items = (await loadMeetingRecord(db, next.id))!.agendaItems;
    const agenda = items.reduce((sum, i) => sum + i.plannedMinutes, 0);
    expect(agenda).toBeGreaterThan(120);
    const planned = (Date.parse(next.plannedEndAt) - Date.parse(next.startAt)) / 60_000;
    expect(planned).toBe(Math.ceil(agenda / 30) * 30);
    expect((await db.meetings.get(next.id))?.plannedEndAt).toBe(next.plannedEndAt);
    // A meeting whose agenda fits keeps the length asked for.
    const fits = await monthlyDay(db, '2027-05-10T09:00:00+08:00', 600);
    expect((Date.parse(fits.plannedEndAt) - Date.parse(fits.startAt)) / 60_000).toBe(600);
  });

  it('reorders the agenda and refuses a stale order', async () => {
    const db = await demoDb();
    const m = await redBench(db);
    await addAgendaItem(db, m.id, { title: 'B', plannedMinutes: 5 });
    const ids = (await loadMeetingRecord(db, m.id))!.agendaItems.map((i) => i.id);
    await reorderAgenda(db, m.id, [...ids].reverse());
    expect((await loadMeetingRecord(db, m.id))!.agendaItems.map((i) => i.id)).toEqual([...ids].reverse());
    await expect(reorderAgenda(db, m.id, ids.slice(1))).rejects.toThrow('议程已变化');
  });
});

describe('running, closing and signing a meeting', () => {
  it('goes from draft to a signed, verifiable, locked record, and amends it', async () => {
    const db = await demoDb();
    const m = await redBench(db);
    await expect(
      markAttendance(db, (await loadMeetingRecord(db, m.id))!.attendance[0]!.id, 'present'),
    ).rejects.toBeInstanceOf(MeetingLockedError);
    expect(await moveMeeting(db, m.id, 'live')).toEqual({ ok: true });
    let record = (await loadMeetingRecord(db, m.id))!;
    for (const a of record.attendance) await markAttendance(db, a.id, 'present');
    await addGuest(db, m.id, { name: '王师傅', unit: '环卫所', category: 'stakeholder', state: 'present' });
    expect((await loadMeetingRecord(db, m.id))!.attendance.find((a) => a.name === '王师傅')?.walkIn).toBe(true);
    const item = record.agendaItems[0]!;
    await goToItem(db, m.id, item.id);
    expect((await db.meetings.get(m.id))?.currentAgendaItemId).toBe(item.id);
    await db.minutes.put({
      agendaItemId: item.id,
      meetingId: m.id,
      schemaVersion: 1,
      doc: minutesDoc,
      text: '大家同意更换分类垃圾桶。',
      updatedAt: now.toISOString(),
    });

    const bad = await saveDecision(db, m.id, item.id, {
      title: '更换垃圾桶',
      responsible: { kind: 'text', name: '物业公司' },
      standard: '',
      deadline: '2026-11-01',
      supervisor: { kind: 'text', name: '物业公司' },
    });
    expect(bad).toEqual({
      ok: false,
      problems: ['standardMissing', 'deadlineBeforeMeeting', 'supervisorIsResponsible'],
    });
    const good = await saveDecision(db, m.id, item.id, {
      title: '更换垃圾桶',
      responsible: { kind: 'text', name: '物业公司' },
      standard: '每栋楼前四分类桶一组',
      deadline: '2026-12-10',
      supervisor: { kind: 'text', name: '业委会' },
    });
    expect(good.ok).toBe(true);
    const voters = (await loadMeetingRecord(db, m.id))!.attendance.length;
    expect(
      await saveVote(db, m.id, item.id, {
        subject: '更换垃圾桶',
        method: 'showOfHands',
        agree: voters,
        disagree: 1,
        abstain: 0,
        presentVoters: voters,
      }),
    ).toEqual({ ok: false, problem: 'tooManyVotes' });
    expect(
      (
        await saveVote(db, m.id, item.id, {
          subject: '更换垃圾桶',
          method: 'showOfHands',
          agree: voters - 1,
          disagree: 1,
          abstain: 0,
          presentVoters: voters,
        })
      ).ok,
    ).toBe(true);

    expect(await moveMeeting(db, m.id, 'closed')).toEqual({ ok: true });
    record = (await loadMeetingRecord(db, m.id))!;
    for (const other of record.agendaItems.slice(1))
      await db.minutes.put({
        agendaItemId: other.id,
        meetingId: m.id,
        schemaVersion: 1,
        doc: minutesDoc,
        text: '已讨论。',
        updatedAt: now.toISOString(),
      });
    expect(await moveMeeting(db, m.id, 'finalised')).toEqual({ ok: true });
    await expect(saveDecision(db, m.id, item.id, { title: 'x' })).rejects.toBeInstanceOf(MeetingLockedError);
    await saveSignature(db, record.attendance[0]!.id, 'data:image/png;base64,iVBORw0KGgo=');

    expect(await moveMeeting(db, m.id, 'signed')).toEqual({ ok: true });
    const signed = (await db.meetings.get(m.id))!;
    expect(signed.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(await verifyMeeting(db, m.id)).toEqual({ state: 'consistent', amendments: 0 });

    // Renaming the compound or the issuing organisation later does not touch the signed record.
    await db.orgUnits.update(DEMO_RED_BENCH_COMPOUND_ID, { name: '帝纱富仕城（新）' });
    await db.settings.update('app', { documentOrgName: '新的落款' });
    expect(await verifyMeeting(db, m.id)).toEqual({ state: 'consistent', amendments: 0 });
    expect((await loadMeetingRecord(db, m.id))!.orgPath.at(-1)).toBe('帝纱富仕城');

    // An edit behind the app's back is detected.
    const decision = (await db.decisions.where('meetingId').equals(m.id).first())!;
    await db.decisions.put({ ...decision, standard: '随便改改' });
    expect(await verifyMeeting(db, m.id)).toEqual({ state: 'inconsistent' });
    await db.decisions.put(decision);
    expect(await verifyMeeting(db, m.id)).toEqual({ state: 'consistent', amendments: 0 });

    const amended = await amendMeeting(db, m.id, {
      by: '赵丽娟',
      reason: '地点笔误',
      apply: (d) => {
        d.meeting.place = '帝纱富仕城议事厅';
      },
    });
    expect(amended).toEqual({ ok: true });
    expect(
      (await db.amendments.where('meetingId').equals(m.id).toArray()).map((a) => a.changes.map((c) => c.path)),
    ).toEqual([['meeting.place']]);
    expect(await verifyMeeting(db, m.id)).toEqual({ state: 'consistent', amendments: 1 });
    expect((await db.meetings.get(m.id))!.fingerprint).not.toBe(signed.fingerprint);
  });

  it('refuses to finalise an incomplete record and says why', async () => {
    const db = await demoDb();
    const m = await redBench(db);
    await moveMeeting(db, m.id, 'live');
    await moveMeeting(db, m.id, 'closed');
    const outcome = await moveMeeting(db, m.id, 'finalised');
    expect(outcome.ok).toBe(false);
    expect('review' in outcome && outcome.review.map((p) => p.code)).toEqual(
      expect.arrayContaining(['nobodyPresent', 'attendanceNotMarked', 'minutesMissing']),
    );
    expect((await db.meetings.get(m.id))?.status).toBe('closed');
  });
});

describe('meeting files', () => {
  it('round-trips a signed record into another database, and never overwrites a signed one', async () => {
    const { sampleSignedRedBenchRecord } = await import('../../../shared/fixtures/testRecord');
    const { meetingFileText, readMeetingFile } = await import('../../../shared/meeting/file');
    const { importMeetingRecord } = await import('./meetingFileRepo');
    const record = await sampleSignedRedBenchRecord();
    const text = meetingFileText(record, 'test', now);

    const db = createDb('other', { indexedDB: new IDBFactory(), IDBKeyRange });
    const reading = await readMeetingFile(text);
    if (!reading.ok) throw new Error(reading.problem.code);
    expect(await importMeetingRecord(db, reading.record, { replace: false })).toEqual({ ok: true, result: 'added' });
    expect(await verifyMeeting(db, record.meeting.id)).toEqual({ state: 'consistent', amendments: 0 });

    const tampered = text.replace(record.decisions[0]!.standard, '改过的标准');
    expect(await readMeetingFile(tampered)).toMatchObject({ ok: false, problem: { code: 'tampered' } });

    const other = structuredClone(reading.record);
    other.meeting.fingerprint = 'f'.repeat(64);
    expect(await importMeetingRecord(db, other, { replace: true })).toEqual({ ok: false, reason: 'localSigned' });
    expect(await verifyMeeting(db, record.meeting.id)).toEqual({ state: 'consistent', amendments: 0 });
  });
});
