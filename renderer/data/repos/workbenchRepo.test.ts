import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { createDb, type YishiDb } from '../db';
import { loadDemoCommunity } from './setupRepo';
import { countNeedingAttention, loadBoard, recordStep } from './followupRepo';
import { loadOpenDueRows, NEXT_MEETINGS_SHOWN } from './workbenchRepo';
import { loadWorkbench, WORKBENCH_PARTS } from './workbenchParts';
import { addItemsFromMatters, generateBriefing, loadProposedMatters } from './meetingPrepRepo';
import { createMeeting } from './meetingRepo';
import { templateFor } from './templatesRepo';
import { loadMeetingRecord } from './meetingRepo';
import { registerMatter, triageMatter } from './mattersRepo';
import { dueRows, reminders } from '../../../shared/workbench/due';
import { DEMO_RED_BENCH_COMPOUND_ID } from '../../../shared/demo/demoCommunity';
import { BRIEFING_TITLE } from '../../../shared/domain/briefing';
import { nextMonthlyMeetingDate } from '../../../shared/meeting/schedule';

/** 3 December 2026, 10:00 in Beijing. */
const NOW = new Date('2026-12-03T02:00:00Z');
const TODAY = '2026-12-03';
const originalTz = process.env.TZ;
beforeEach(() => {
  process.env.TZ = 'Asia/Shanghai';
});
afterEach(() => {
  if (originalTz === undefined) delete process.env.TZ;
  else process.env.TZ = originalTz;
});

async function demoDb(): Promise<YishiDb> {
  const db = createDb('yishi', { indexedDB: new IDBFactory(), IDBKeyRange });
  await loadDemoCommunity(db, NOW);
  return db;
}

describe('工作台 repository (demo community)', () => {
  it('lists the followed decisions overdue or due within 7 days exactly as the 督办 board has them', async () => {
    const db = await demoDb();
    const wb = await loadWorkbench(db, undefined, TODAY);
    const board = await loadBoard(db, TODAY);
    expect(wb.due.map((r) => r.decision.id)).toEqual(dueRows(board.rows, TODAY).map((r) => r.decision.id));
    expect(wb.due.some((r) => r.timing === 'overdue')).toBe(true);
    expect(wb.today).toBe(TODAY);
    expect(wb.nextDay).toBe('2026-12-10');
  });

  it('the 督办 badge is the count of the 工作台 reminders overdue or due today, also after a step', async () => {
    const db = await demoDb();
    const badge = async () => reminders(await loadOpenDueRows(db, TODAY, TODAY, null), TODAY).badge;
    const board = await loadBoard(db, TODAY);
    const fromBoard = board.rows.filter((r) => r.timing === 'overdue' || r.timing === 'dueToday');
    expect(fromBoard.length).toBeGreaterThan(0);
    expect(await countNeedingAttention(db, TODAY)).toBe(fromBoard.length);
    expect(await badge()).toBe(fromBoard.length);
    // Confirming one done (report, then the supervisor) takes it off both.
    const target = fromBoard.find((r) => r.decision.status !== 'reported')!.decision;
    await recordStep(db, target.id, { kind: 'reportDone', by: target.responsible.name, text: '' }, NOW);
    await recordStep(db, target.id, { kind: 'confirm', by: target.supervisor.name, text: '' }, NOW);
    expect(await countNeedingAttention(db, TODAY)).toBe(fromBoard.length - 1);
    expect(reminders((await loadWorkbench(db, undefined, TODAY)).due, TODAY).badge).toBe(fromBoard.length - 1);
  });

  it('the badge follows the 查看范围 of the 工作台: a compound counts only its own reminders', async () => {
    const db = await demoDb();
    const all = await countNeedingAttention(db, TODAY);
    const wb = await loadWorkbench(db, DEMO_RED_BENCH_COMPOUND_ID, TODAY);
    const scoped = await countNeedingAttention(db, TODAY, DEMO_RED_BENCH_COMPOUND_ID);
    expect(scoped).toBe(reminders(wb.due, TODAY).badge);
    expect(scoped).toBeLessThan(all);
    // A scope that no longer exists counts everything, as the 工作台 then shows everything.
    expect(await countNeedingAttention(db, TODAY, 'gone')).toBe(all);
  });

  it('待分流: a matter registered without a path shows up; triaged, it leaves; the compound filter applies', async () => {
    const db = await demoDb();
    const matter = await registerMatter(
      db,
      {
        orgUnitId: DEMO_RED_BENCH_COMPOUND_ID,
        raisedBy: { kind: 'anonymous' },
        channel: '微信说事群',
        raisedAt: TODAY,
        category: '停车',
        title: '东门口夜间乱停车',
        urgency: 'urgent',
      },
      '刘记录',
      { now: NOW },
    );
    const all = await loadWorkbench(db, undefined, TODAY);
    expect(all.triage.map((t) => t.matter.id)).toContain(matter.id);
    const mine = await loadWorkbench(db, DEMO_RED_BENCH_COMPOUND_ID, TODAY);
    expect(mine.triage.map((t) => t.matter.id)).toContain(matter.id);
    expect(mine.triage.every((t) => t.matter.orgUnitId === DEMO_RED_BENCH_COMPOUND_ID)).toBe(true);
    expect(mine.due.every((r) => r.meeting.orgUnitId === DEMO_RED_BENCH_COMPOUND_ID)).toBe(true);
    expect(mine.compound?.id).toBe(DEMO_RED_BENCH_COMPOUND_ID);
    await triageMatter(db, matter.id, 'pending', '刘记录', NOW);
    const after = await loadWorkbench(db, DEMO_RED_BENCH_COMPOUND_ID, TODAY);
    expect(after.triage.map((t) => t.matter.id)).not.toContain(matter.id);
    expect(after.compound!.pendingMatters).toBe(mine.compound!.pendingMatters + 1);
  });
});

/** The next 党群议事日 of a compound the demo has not prepared yet, with a 待办件 of its own waiting. */
async function prepareNext(db: YishiDb) {
  const template = await templateFor(db, 'monthlyDay');
  const day = nextMonthlyMeetingDate(TODAY);
  const prepared = new Set((await loadWorkbench(db, undefined, TODAY)).nextMeetings.map((l) => l.meeting.orgUnitId));
  const compound = (await db.orgUnits.where('level').equals('compound').toArray()).find((u) => !prepared.has(u.id));
  if (!compound) throw new Error('every demo compound has its next meeting already');
  const matter = await registerMatter(
    db,
    {
      orgUnitId: compound.id,
      raisedBy: { kind: 'anonymous' },
      channel: '微信说事群',
      raisedAt: TODAY,
      category: '绿化',
      title: '绿化带遮挡路口视线',
      urgency: 'normal',
      path: 'pending',
    },
    '刘记录',
    { now: NOW },
  );
  const meeting = await createMeeting(
    db,
    {
      type: 'monthlyDay',
      title: `${compound.name}党群议事日`,
      orgUnitId: compound.id,
      startAt: `${day}T09:00:00+08:00`,
      plannedEndAt: `${day}T10:30:00+08:00`,
      place: '小区党群服务站',
      template,
    },
    NOW,
  );
  return { meeting, matter };
}

describe('the next 党群议事日: proposed 待办件 and the 通报', () => {
  it('proposes every open 待办件 of the compound once; added, they are on the agenda and offered no more', async () => {
    const db = await demoDb();
    const { meeting, matter } = await prepareNext(db);
    const proposed = await loadProposedMatters(db, meeting.id);
    expect(proposed.map((p) => p.matter.id)).toContain(matter.id);
    expect(proposed.every((p) => p.matter.path === 'pending')).toBe(true);
    const wb = await loadWorkbench(db, meeting.orgUnitId, TODAY);
    expect(wb.nextMeetings.map((l) => l.meeting.id)).toEqual([meeting.id]);
    expect(wb.nextMeetings[0]!.pendingMatters).toBe(proposed.length);
    await addItemsFromMatters(
      db,
      meeting.id,
      proposed.map((p) => p.matter.id),
      '刘记录',
    );
    const record = await loadMeetingRecord(db, meeting.id);
    for (const p of proposed) expect(record!.agendaItems.filter((i) => i.matterId === p.matter.id)).toHaveLength(1);
    expect(await loadProposedMatters(db, meeting.id)).toEqual([]);
    // Asking again for the same matters (a second window) is refused as a whole.
    await expect(addItemsFromMatters(db, meeting.id, [proposed[0]!.matter.id])).rejects.toThrow('已列入其他会议议程');
  });

  it('generates the 通报 into the template’s item, from the open decisions of earlier signed meetings', async () => {
    const db = await demoDb();
    // The demo's own next 党群议事日 of 帝纱富仕城, a draft whose compound has a year of meetings.
    const meeting = (await loadWorkbench(db, DEMO_RED_BENCH_COMPOUND_ID, TODAY)).nextMeetings[0]!.meeting;
    expect(meeting.status).toBe('draft');
    const item = await generateBriefing(db, meeting.id, NOW);
    expect(item.title).toBe(BRIEFING_TITLE);
    const record = await loadMeetingRecord(db, meeting.id);
    expect(record!.agendaItems.filter((i) => i.title === BRIEFING_TITLE)).toHaveLength(1);
    const board = await loadBoard(db, TODAY);
    const open = board.rows.filter(
      (r) =>
        r.meeting.orgUnitId === meeting.orgUnitId &&
        r.decision.status !== 'done' &&
        r.meeting.startAt < meeting.startAt,
    );
    expect(item.briefing!.lines.map((l) => l.decisionId).sort()).toEqual(open.map((r) => r.decision.id).sort());
    expect(open.length).toBeGreaterThan(0);
    expect(item.briefing!.asOf).toBe(TODAY);
    // A later step does not change the snapshot already stored.
    const target = open[0]!.decision;
    await recordStep(
      db,
      target.id,
      { kind: 'note', by: target.responsible.name, text: '新的进展' },
      new Date(NOW.getTime() + 60_000),
    );
    const stored = (await loadMeetingRecord(db, meeting.id))!.agendaItems.find((i) => i.id === item.id)!;
    expect(stored.briefing).toEqual(item.briefing);
  });

  it('items are carried forward once: a second 党群议事日 prepared while the next is a draft carries none again', async () => {
    const db = await demoDb();
    const draft = (await loadWorkbench(db, DEMO_RED_BENCH_COMPOUND_ID, TODAY)).nextMeetings[0]!.meeting;
    const carried = (await loadMeetingRecord(db, draft.id))!.agendaItems.filter((i) => i.carriedFromItemId);
    expect(carried.length).toBeGreaterThan(0);
    const template = await templateFor(db, 'monthlyDay');
    const january = await createMeeting(
      db,
      {
        type: 'monthlyDay',
        title: '帝纱富仕城党群议事日',
        orgUnitId: DEMO_RED_BENCH_COMPOUND_ID,
        startAt: '2027-01-10T09:00:00+08:00',
        plannedEndAt: '2027-01-10T10:30:00+08:00',
        place: '小区党群服务站',
        template,
      },
      NOW,
    );
    const again = (await loadMeetingRecord(db, january.id))!.agendaItems.filter((i) => i.carriedFromItemId);
    expect(
      again.map((i) => i.carriedFromItemId).filter((id) => carried.some((c) => c.carriedFromItemId === id)),
    ).toEqual([]);
  });
});

describe('the next 党群议事日 on a street of compounds', () => {
  it('lists the first NEXT_MEETINGS_SHOWN meetings by start time and counts them all', async () => {
    const db = await demoDb();
    const { meeting } = await prepareNext(db);
    const day = nextMonthlyMeetingDate(TODAY);
    const extra = NEXT_MEETINGS_SHOWN + 3;
    // The same compound's meeting copied at later hours: what a street's many compounds look like here.
    await db.meetings.bulkAdd(
      Array.from({ length: extra }, (_, i) => ({
        ...meeting,
        id: `${meeting.id}-copy${i}`,
        startAt: `${day}T${String(10 + Math.floor(i / 6)).padStart(2, '0')}:${String((i % 6) * 10).padStart(2, '0')}:00+08:00`,
      })),
    );
    const before = (await db.meetings.where('startAt').between(`${day}T00`, `${day}T99`).toArray()).filter(
      (m) => m.type === 'monthlyDay' && m.status !== 'cancelled',
    );
    const wb = await loadWorkbench(db, undefined, TODAY);
    expect(wb.nextMeetingsTotal).toBe(before.length);
    expect(wb.nextMeetings).toHaveLength(NEXT_MEETINGS_SHOWN);
    const starts = wb.nextMeetings.map((l) => l.meeting.startAt);
    expect(starts).toEqual([...before.map((m) => m.startAt)].sort().slice(0, NEXT_MEETINGS_SHOWN));
    // Each line shown says what is ready: its own agenda items (the copies have none).
    for (const line of wb.nextMeetings)
      expect(line.agendaItems).toBe(await db.agendaItems.where('meetingId').equals(line.meeting.id).count());
    expect(wb.nextMeetings.find((l) => l.meeting.id === meeting.id)?.agendaItems).toBeGreaterThan(0);
  });
});

describe('WORKBENCH_PARTS', () => {
  it('each part names every table it reads, so a write to any of them shows on its card', async () => {
    const factory = new IDBFactory();
    const db = createDb('yishi', { indexedDB: factory, IDBKeyRange });
    await loadDemoCommunity(db, NOW);
    const { meeting } = await prepareNext(db);
    await addItemsFromMatters(
      db,
      meeting.id,
      (await loadProposedMatters(db, meeting.id)).map((m) => m.matter.id),
    );
    db.close();
    const all = await loadWorkbench(createDb('yishi', { indexedDB: factory, IDBKeyRange }), undefined, TODAY);
    expect(all.nextMeetings.length).toBeGreaterThan(0);
    expect(all.due.length).toBeGreaterThan(0);
    expect(all.publicity.length).toBeGreaterThan(0);
    for (const part of Object.values(WORKBENCH_PARTS)) {
      // A connection of its own per part (the cached reads are per connection), noting every
      // table its reads open or touch.
      const watched = createDb('yishi', { indexedDB: factory, IDBKeyRange });
      const read = new Set<string>();
      watched.use({
        stack: 'dbcore',
        name: 'tablesRead',
        create: (down) => ({
          ...down,
          transaction: (stores, mode, options) => {
            for (const store of stores) read.add(store);
            return down.transaction(stores, mode, options);
          },
          table: (name) => {
            read.add(name);
            return down.table(name);
          },
        }),
      });
      await watched.open();
      read.clear(); // what opening the database touched
      await part.load(watched, undefined, TODAY);
      await part.load(watched, meeting.orgUnitId, TODAY);
      const listed = new Set<string>(part.tables);
      expect(
        [...read].filter((t) => !listed.has(t)),
        part.name,
      ).toEqual([]);
      expect(
        [...listed].filter((t) => !read.has(t)),
        `${part.name} lists tables it never reads`,
      ).toEqual([]);
      watched.close();
    }
  });
});
