import { matterStage } from '../domain/matterStage';
import { describe, expect, it } from 'vitest';
import { meetingDay } from '../dates';
import { DECISION_STATUSES, decisionProblems } from '../domain/decision';
import type { Meeting } from '../domain/meeting';
import { orgPath } from '../domain/org';
import { DOCUMENT_KINDS, buildDocument } from '../documents';
import { verifyRecord } from '../meeting/fingerprint';
import { meetingRecordSchema, orderRecord, type MeetingRecord } from '../meeting/record';
import { reviewRecord } from '../meeting/review';
import { MONTHLY_MEETING_DAY, nextMonthlyMeetingDate } from '../meeting/schedule';
import { STORE_TABLES, type TableName } from '../store/schema';
import {
  DEMO_DOCUMENT_ORG_NAME,
  DEMO_ID_PREFIX,
  buildDemoCommunity,
  demoMeetingRows,
  type DemoCommunity,
} from './demoCommunity';
import { DEMO_MONTHLY_COMPOUNDS, DEMO_MONTHS, DEMO_SHOWCASE_MEETING_ID, demoMeetingId } from './demoHistory';
import { DEMO_MEETING_MATTERS } from './demoMatters';

const BEIJING = 480;
const NOW = new Date('2026-12-03T12:30:00+08:00');
const TODAY = '2026-12-03';
const demo = await buildDemoCommunity(NOW, { utcOffsetMinutes: BEIJING });
const meetings = demo.meetings;
const rows = demoMeetingRows(meetings);
const wallDay = (m: Pick<Meeting, 'startAt'>) => m.startAt.slice(0, 10);
const held = meetings.filter((r) => r.meeting.status !== 'draft');
const signed = meetings.filter((r) => r.meeting.status === 'signed');

/** The record as the app reads it back from its tables (loadMeetingRecord): rows by meeting id, org path from the units. */
function recordFromRows(data: DemoCommunity, meeting: Meeting): MeetingRecord {
  const r = demoMeetingRows(data.meetings);
  const of = <T extends { meetingId: string }>(list: T[]) => list.filter((x) => x.meetingId === meeting.id);
  return orderRecord({
    meeting,
    orgPath: meeting.orgPathAtFinalise ?? orgPath(data.orgUnits, meeting.orgUnitId).map((u) => u.name),
    documentOrgName: meeting.documentOrgNameAtFinalise ?? data.settings.documentOrgName ?? '',
    agendaItems: of(r.agendaItems),
    minutes: of(r.minutes),
    attendance: of(r.attendance),
    decisions: of(r.decisions),
    votes: of(r.votes),
    householdConsultations: of(r.householdConsultations),
    amendments: of(r.amendments),
  });
}

describe('the demo year of meetings', () => {
  it('is deterministic for a given now and clock', async () => {
    const again = await buildDemoCommunity(new Date(NOW.getTime()), { utcOffsetMinutes: BEIJING });
    expect(JSON.stringify(again)).toBe(JSON.stringify(demo));
    const later = await buildDemoCommunity(new Date('2027-02-20T10:00:00+08:00'), { utcOffsetMinutes: BEIJING });
    expect(later.meetings.map((r) => r.meeting.startAt)).not.toEqual(meetings.map((r) => r.meeting.startAt));
  });

  it('stores only rows that pass their schema, with demo ids that are unique per table', () => {
    for (const [table, list] of Object.entries(rows) as [TableName, unknown[]][]) {
      const key = STORE_TABLES[table].indexes.split(',')[0]!.trim();
      const keys = list.map((row) => (row as Record<string, string>)[key]!);
      expect(new Set(keys).size, table).toBe(keys.length);
      for (const row of list) {
        const parsed = STORE_TABLES[table].row.safeParse(row);
        expect(parsed.error?.message, `${table} ${JSON.stringify(row).slice(0, 200)}`).toBeUndefined();
      }
      for (const k of keys) expect(k.startsWith(DEMO_ID_PREFIX), k).toBe(true);
    }
    for (const r of meetings) expect(meetingRecordSchema.safeParse(r).error).toBeUndefined();
  });

  it('is modest in size: tens of meetings', () => {
    expect(meetings.length).toBeGreaterThanOrEqual(30);
    expect(meetings.length).toBeLessThanOrEqual(60);
    expect(JSON.stringify(rows).length).toBeLessThan(2_000_000);
  });

  it('seals every signed meeting so that it verifies as consistent, read back from the rows as the app reads it', async () => {
    expect(signed.length).toBeGreaterThanOrEqual(DEMO_MONTHLY_COMPOUNDS.length * (DEMO_MONTHS - 1));
    for (const r of signed) {
      expect((await verifyRecord(r)).state, r.meeting.id).toBe('consistent');
      expect((await verifyRecord(recordFromRows(demo, r.meeting))).state, r.meeting.id).toBe('consistent');
    }
    for (const r of meetings.filter((x) => x.meeting.status !== 'signed'))
      expect((await verifyRecord(r)).state, r.meeting.id).toBe('unsigned');
  });

  it('holds past meetings completely: reviewed, every item minuted, 6+N attendance marked, signatures collected', () => {
    for (const r of held) {
      expect(reviewRecord(r), r.meeting.id).toEqual([]);
      expect(r.meeting.orgPathAtFinalise ?? r.orgPath).toEqual(r.orgPath);
      for (const a of r.attendance.filter((x) => x.state === 'present' || x.state === 'nonVoting'))
        if (r.meeting.status === 'signed')
          expect(a.signature?.imageDataUrl, `${r.meeting.id} ${a.name}`).toMatch(/^data:image\/png;base64,/);
    }
    const states = new Set(held.flatMap((r) => r.attendance.map((a) => a.state)));
    expect([...states].sort()).toEqual(['absent', 'excused', 'nonVoting', 'present']);
    const longest = Math.max(...rows.minutes.map((m) => m.text.split('\n').length));
    expect(longest).toBeGreaterThanOrEqual(5);
    expect(rows.votes.length).toBeGreaterThan(5);
    expect(rows.householdConsultations.map((h) => [h.asked, h.agreed])).toContainEqual([1800, 1760]);
  });

  it('holds every 党群议事日 on the 10th, monthly for a year, and the next one as a draft', () => {
    const next = nextMonthlyMeetingDate(TODAY);
    for (const { slug } of DEMO_MONTHLY_COMPOUNDS) {
      const monthly = meetings.filter(
        (r) => r.meeting.id.startsWith(demoMeetingId(slug, '')) && r.meeting.type === 'monthlyDay',
      );
      expect(monthly).toHaveLength(DEMO_MONTHS + 1);
      const days = monthly.map((r) => wallDay(r.meeting));
      expect(new Set(days.map((d) => d.slice(0, 7))).size).toBe(DEMO_MONTHS + 1);
      expect(days.at(-1)).toBe(next);
      const draft = monthly.at(-1)!;
      expect(draft.meeting.status).toBe('draft');
      expect(draft.agendaItems[0]?.title).toBe('上月决定事项落实情况通报');
      expect(draft.agendaItems.map((i) => i.order)).toEqual(draft.agendaItems.map((_, i) => i));
      // Prepared to fit: the agenda never runs past the planned end (the screen would warn).
      const planned = draft.agendaItems.reduce((sum, i) => sum + i.plannedMinutes, 0);
      const length = (Date.parse(draft.meeting.plannedEndAt) - Date.parse(draft.meeting.startAt)) / 60_000;
      expect(planned, slug).toBeLessThanOrEqual(length);
      expect(draft.attendance.every((a) => a.state === 'invited')).toBe(true);
      for (const r of monthly.slice(0, -1)) expect(r.meeting.status).toBe('signed');
    }
    for (const r of meetings) {
      const day = Number(wallDay(r.meeting).slice(8));
      if (r.meeting.type === 'monthlyDay') expect(day, r.meeting.id).toBe(MONTHLY_MEETING_DAY);
      else expect(day, r.meeting.id).not.toBe(MONTHLY_MEETING_DAY);
      expect(r.meeting.startAt, r.meeting.id).toMatch(/T\d{2}:\d{2}:00\+08:00$/);
    }
    expect(meetings.filter((r) => r.meeting.type === 'redBench').length).toBeGreaterThanOrEqual(3);
  });

  it('numbers meetings per compound and year without a gap or a repeat, in the order they were held', () => {
    const byKey = new Map<string, MeetingRecord[]>();
    for (const r of meetings) {
      const key = `${r.meeting.orgUnitId} ${r.meeting.issueYear}`;
      byKey.set(key, [...(byKey.get(key) ?? []), r]);
      expect(r.meeting.issueYear).toBe(Number(wallDay(r.meeting).slice(0, 4)));
    }
    for (const [key, list] of byKey) {
      const nos = list.map((r) => r.meeting.issueNo);
      expect(nos, key).toEqual(nos.map((_, i) => i + 1));
      const inOrder = [...list].sort((a, b) => a.meeting.issueNo - b.meeting.issueNo);
      const starts = inOrder.map((r) => r.meeting.startAt);
      expect(starts, key).toEqual([...starts].sort());
    }
  });

  it('lives in the past: held before now, signed and amended before now, drafts ahead', () => {
    const now = NOW.toISOString();
    for (const r of meetings) {
      const m = r.meeting;
      if (m.status === 'draft') expect(wallDay(m) >= TODAY, m.id).toBe(true);
      else expect(Date.parse(m.startAt)).toBeLessThan(NOW.getTime());
      for (const t of [m.createdAt, m.updatedAt, m.startedAt, m.closedAt, m.finalisedAt, m.signedAt])
        if (t) expect(t <= now, `${m.id} ${t}`).toBe(true);
      for (const a of r.amendments) expect(a.at <= now).toBe(true);
      if (m.signedAt) expect(m.finalisedAt! < m.signedAt && m.closedAt! < m.finalisedAt!).toBe(true);
    }
  });

  it('has decisions at every stage of follow-up, each consistent with its deadline and complete in all four parts', () => {
    expect([...new Set(rows.decisions.map((d) => d.status))].sort()).toEqual([...DECISION_STATUSES].sort());
    for (const r of held)
      for (const d of r.decisions) {
        expect(decisionProblems(d, meetingDay(r.meeting)), d.title).toEqual([]);
        // Confirmed done only once due; before the deadline never done (the demo confirms on time).
        if (d.status === 'done') expect(d.deadline < TODAY, d.title).toBe(true);
        if (d.deadline >= TODAY) expect(d.status, d.title).not.toBe('done');
      }
    const future = rows.decisions.filter((d) => d.deadline >= TODAY);
    expect(future.length).toBeGreaterThan(0);
  });

  it('amends the showcase meeting twice, each amendment chained to the seal before it', async () => {
    const showcase = meetings.find((r) => r.meeting.id === DEMO_SHOWCASE_MEETING_ID)!;
    expect(showcase.meeting.status).toBe('signed');
    const [first, second] = showcase.amendments;
    expect(showcase.amendments).toHaveLength(2);
    expect(second!.fingerprintBefore).toBe(first!.fingerprintAfter);
    expect(showcase.meeting.fingerprint).toBe(second!.fingerprintAfter);
    expect(first!.changes.map((c) => c.path)).toEqual([expect.stringMatching(/^decisions\[.+\]\.deadline$/)]);
    expect(second!.changes).toEqual([expect.objectContaining({ before: 'absent', after: 'excused' })]);
    expect((await verifyRecord(showcase)).state).toBe('consistent');
    // Undo the last amendment's change by hand: the seal notices.
    const tampered = structuredClone(showcase);
    tampered.attendance.find((a) => a.name === '徐晓燕')!.state = 'absent';
    expect((await verifyRecord(tampered)).state).toBe('inconsistent');
    expect(meetings.filter((r) => r.amendments.length > 0)).toHaveLength(1);
  });

  it('links each matter a meeting took up to a real agenda item, and moves the matter on accordingly', () => {
    const items = new Map(rows.agendaItems.map((i) => [i.id, i]));
    const byId = new Map(meetings.map((r) => [r.meeting.id, r]));
    const matterIds = new Set(demo.matters.map((m) => m.id));
    for (const item of rows.agendaItems) if (item.matterId) expect(matterIds.has(item.matterId), item.title).toBe(true);
    const linked = demo.matters.filter((m) => rows.agendaItems.some((i) => i.matterId === m.id));
    expect(linked).toHaveLength(DEMO_MEETING_MATTERS.length);
    for (const matter of linked) {
      const itemsOf = rows.agendaItems.filter((i) => i.matterId === matter.id);
      const records = itemsOf.map((i) => byId.get(i.meetingId)!);
      for (const [k, r] of records.entries()) {
        expect(
          r.meeting.orgUnitId === matter.orgUnitId || matter.orgUnitId.startsWith(`${r.meeting.orgUnitId}-g`),
        ).toBe(true);
        expect(Date.parse(matter.createdAt), matter.title).toBeLessThan(Date.parse(r.meeting.startAt));
        expect(items.get(itemsOf[k]!.id)?.meetingId).toBe(r.meeting.id);
      }
      const last = itemsOf.at(-1)!;
      const decisions = rows.decisions.filter((d) => itemsOf.some((i) => i.id === d.agendaItemId));
      const expected = matter.closedAt
        ? 'closed'
        : last.state === 'pending'
          ? 'onAgenda'
          : decisions.every((d) => d.status === 'done')
            ? 'implemented'
            : 'implementing';
      const links = { items: itemsOf.map((item) => ({ item, meeting: byId.get(item.meetingId)!.meeting })), decisions };
      expect(matterStage(matter, links), matter.title).toBe(expected);
    }
  });

  it('carries unresolved items forward, as createMeeting does, up to the draft for the next 10th', () => {
    const items = new Map(rows.agendaItems.map((i) => [i.id, i]));
    const carried = rows.agendaItems.filter((i) => i.carriedFromItemId);
    expect(carried.length).toBeGreaterThan(3);
    for (const item of carried) {
      const from = items.get(item.carriedFromItemId!)!;
      expect(from.state).toBe('carriedOver');
      expect(from.title).toBe(item.title);
      const meeting = meetings.find((r) => r.meeting.id === item.meetingId)!.meeting;
      expect(meeting.carriedFromMeetingId).toBe(from.meetingId);
    }
    for (const { slug } of DEMO_MONTHLY_COMPOUNDS) {
      const draft = meetings.find((r) => r.meeting.id === demoMeetingId(slug, 'next'))!;
      expect(
        draft.agendaItems.some((i) => i.carriedFromItemId),
        slug,
      ).toBe(true);
    }
    // The north gate: heard one month, put to every household, decided the next.
    const gate = rows.agendaItems.filter((i) => i.title.includes('开通北门'));
    expect(gate.map((i) => i.state)).toEqual(['carriedOver', 'resolved']);
  });

  it('makes every Word document of the showcase and of a 党群议事日 with its signatures', async () => {
    const showcase = meetings.find((r) => r.meeting.id === DEMO_SHOWCASE_MEETING_ID)!;
    const monthly = signed.find((r) => r.meeting.type === 'monthlyDay')!;
    for (const record of [showcase, monthly])
      for (const kind of DOCUMENT_KINDS) {
        const bytes = await buildDocument(record, kind);
        expect(String.fromCharCode(bytes[0]!, bytes[1]!), `${record.meeting.id} ${kind}`).toBe('PK');
      }
  });

  it('prints the community of each compound on its 纪要, the showcase compound the demo’s own', () => {
    const showcase = meetings.find((r) => r.meeting.id === DEMO_SHOWCASE_MEETING_ID)!;
    expect(showcase.documentOrgName).toBe(DEMO_DOCUMENT_ORG_NAME);
    for (const r of meetings) expect(r.documentOrgName).toMatch(/^中共.+街道.+社区委员会$/);
  });
});

describe('the demo at other moments', () => {
  it('keeps a meeting held yesterday open for its minutes, and one held the day before collecting signatures', async () => {
    const dayAfter = await buildDemoCommunity(new Date('2026-11-11T08:00:00+08:00'), { utcOffsetMinutes: BEIJING });
    const closed = dayAfter.meetings.filter((r) => wallDay(r.meeting) === '2026-11-10');
    expect(closed.map((r) => r.meeting.status)).toEqual(['closed', 'closed', 'closed']);
    const twoDays = await buildDemoCommunity(new Date('2026-11-12T12:00:00+08:00'), { utcOffsetMinutes: BEIJING });
    const finalised = twoDays.meetings.filter((r) => wallDay(r.meeting) === '2026-11-10');
    expect(finalised.map((r) => r.meeting.status)).toEqual(['finalised', 'finalised', 'finalised']);
    for (const r of finalised) {
      expect((await verifyRecord(r)).state).toBe('unsigned');
      for (const a of r.attendance.filter((x) => x.signature))
        expect(a.signature!.signedAt <= '2026-11-12T04:00:00.000Z').toBe(true);
    }
    for (const data of [dayAfter, twoDays])
      expect(data.meetings.filter((r) => r.meeting.status === 'draft').map((r) => wallDay(r.meeting))).toEqual([
        '2026-12-10',
        '2026-12-10',
        '2026-12-10',
      ]);
  });

  it('on the 10th itself, prepares today’s meeting and shows it at 9:00 on the wall clock of any zone', async () => {
    for (const offset of [480, 0, -300]) {
      const tenth = await buildDemoCommunity(new Date(Date.parse('2027-01-10T07:00:00Z') - offset * 60_000), {
        utcOffsetMinutes: offset,
      });
      const drafts = tenth.meetings.filter((r) => r.meeting.status === 'draft');
      expect(drafts.map((r) => r.meeting.startAt.slice(0, 16))).toEqual(Array(3).fill('2027-01-10T09:00'));
      expect(drafts.map((r) => r.meeting.issueNo)).toEqual([1, 1, 1]);
      for (const r of tenth.meetings.filter((x) => x.meeting.type === 'monthlyDay'))
        expect(wallDay(r.meeting).endsWith('-10')).toBe(true);
      for (const r of tenth.meetings.filter((x) => x.meeting.status === 'signed').slice(0, 3))
        expect((await verifyRecord(r)).state).toBe('consistent');
    }
  });

  it('confirms no decision before its deadline passes, whatever the day', async () => {
    for (const at of ['2026-06-15T20:00:00+08:00', '2027-03-01T09:00:00+08:00']) {
      const data = await buildDemoCommunity(new Date(at), { utcOffsetMinutes: BEIJING });
      const today = at.slice(0, 10);
      for (const d of demoMeetingRows(data.meetings).decisions)
        if (d.deadline >= today) expect(d.status, `${d.title} ${d.deadline}`).not.toBe('done');
    }
  });
});
