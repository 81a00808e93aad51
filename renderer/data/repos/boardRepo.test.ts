import { describe, expect, it } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { createDb, type YishiDb } from '../db';
import { generateDistrict, scaledConfig } from '../../../shared/fixtures/scale/generator';
import { filterBoard, groupCounts, type BoardFilter, type BoardRow } from '../../../shared/followup/board';
import { BOARD_PAGE_SIZE, BOARD_TABS, sortForTab, tabCounts, type BoardTab } from '../../../shared/followup/boardPage';
import { loadBoard } from './followupRepo';
import { countBoardDone, loadBoardGroups, loadBoardPage, loadBoardRows } from './boardRepo';
import { loadBoardOptions } from './boardOptionsRepo';
import { pendingMatterCount } from './workbenchRepo';
import { loadWorkbench } from './workbenchParts';
import { dueRows, shownDueIds } from '../../../shared/workbench/due';
import { mattersToTriage } from '../../../shared/workbench/triage';

const TODAY = '2026-11-20';
const CONFIG = scaledConfig(0.01, {
  seed: 11,
  today: TODAY,
  years: 3,
  communities: 1,
  compoundsPerCommunity: 3,
  peoplePerCompound: 30,
  meetings: 100,
  longSignedMeetings: 1,
  longMinutesChars: 1_000,
  realFingerprints: false,
  batchSize: 500,
});

async function districtDb(): Promise<YishiDb> {
  const db = createDb('yishi', { indexedDB: new IDBFactory(), IDBKeyRange });
  for await (const batch of generateDistrict(CONFIG)) {
    await (db.table(batch.table) as unknown as { bulkPut(rows: unknown[]): Promise<unknown> }).bulkPut(batch.rows);
  }
  return db;
}

const ids = (rows: readonly BoardRow[]) => rows.map((r) => r.decision.id);

describe('the paged 督办 board', () => {
  it(
    'shows, page by page and tab by tab, exactly what the whole board shows, for every kind of filter',
    { timeout: 90_000 },
    async () => {
      const db = await districtDb();
      const whole = (await loadBoard(db, TODAY)).rows;
      expect(whole.length).toBeGreaterThan(300);
      const someone = whole.find((r) => r.decision.responsible.kind === 'person')!.decision.responsible.name;
      const unit = whole.find((r) => r.decision.responsible.kind === 'text')!.decision.responsible.name;
      const filters: BoardFilter[] = [
        {},
        { dueFrom: '2026-01-01', dueTo: '2026-12-31' },
        { orgUnitId: whole[0]!.meeting.orgUnitId },
        { responsible: someone },
        { responsible: unit },
        { responsible: unit, dueFrom: '2025-06-01', dueTo: '2026-12-31' },
        { responsible: '' },
        { supervisor: whole[5]!.decision.supervisor.name },
        { meetingId: whole[7]!.meeting.id },
        { orgUnitId: whole[0]!.meeting.orgUnitId, dueFrom: '2025-06-01' },
      ];
      for (const filter of filters) {
        const expected = filterBoard(whole, filter);
        for (const tab of BOARD_TABS as BoardTab[]) {
          const tabRows = sortForTab(expected, tab);
          const pages = [0, 1, Math.max(0, Math.ceil(tabRows.length / BOARD_PAGE_SIZE) - 1)];
          for (const page of pages) {
            const got = await loadBoardPage(db, { filter, tab, page }, TODAY);
            const label = `${JSON.stringify(filter)} ${tab} page ${page}`;
            const done = got.counts.done ?? (await countBoardDone(db, filter, TODAY));
            expect({ ...got.counts, done }, label).toEqual(tabCounts(expected));
            expect(ids(got.rows), label).toEqual(
              ids(tabRows.slice(got.page * BOARD_PAGE_SIZE, (got.page + 1) * BOARD_PAGE_SIZE)),
            );
            // The latest step of each row shown, as the whole board has it.
            const latest = new Map(whole.map((r) => [r.decision.id, r.latest?.id]));
            for (const r of got.rows) expect(r.latest?.id, label).toBe(latest.get(r.decision.id));
            // Each row shown with its real meeting and unit (a filter by person reads only theirs).
            const shownAs = new Map(whole.map((r) => [r.decision.id, { meeting: r.meeting, unit: r.orgUnitName }]));
            for (const r of got.rows)
              expect({ meeting: r.meeting, unit: r.orgUnitName }, label).toEqual(shownAs.get(r.decision.id));
          }
        }
        expect(ids(await loadBoardRows(db, filter, { latest: false }, TODAY)).sort()).toEqual(ids(expected).sort());
      }
    },
  );

  it('counts per person and per unit as the whole board does, without reading the meetings', async () => {
    const db = await districtDb();
    const whole = (await loadBoard(db, TODAY)).rows;
    // A meeting back to draft: its decisions leave the counts (it is no longer followed).
    const drafted = whole[3]!.meeting.id;
    await db.meetings.update(drafted, { status: 'draft' });
    const followed = whole.filter((r) => r.meeting.id !== drafted);
    const unit = whole.find((r) => r.decision.responsible.kind === 'text')!.decision.responsible.name;
    const filters: BoardFilter[] = [
      {},
      { dueFrom: '2026-01-01', dueTo: '2026-12-31' },
      { orgUnitId: whole[0]!.meeting.orgUnitId },
      { responsible: unit },
      { supervisor: whole[5]!.decision.supervisor.name },
      { meetingId: drafted },
      { meetingId: whole[7]!.meeting.id },
    ];
    for (const filter of filters)
      for (const grouping of ['person', 'unit'] as const) {
        const label = `${JSON.stringify(filter)} ${grouping}`;
        const got = await loadBoardGroups(db, filter, grouping, TODAY);
        expect(got, label).toEqual(groupCounts(filterBoard(followed, filter), grouping));
      }
    expect((await loadBoardGroups(db, {}, 'unit', TODAY)).length).toBeGreaterThan(1);
    // Read again after a write: a decision confirmed done moves from open to done in its group.
    const open = followed.find((r) => r.decision.status !== 'done' && r.decision.responsible.kind === 'text')!;
    const before = (await loadBoardGroups(db, {}, 'unit', TODAY)).find(
      (g) => g.name === open.decision.responsible.name,
    )!;
    await db.decisions.update(open.decision.id, { status: 'done' });
    const after = (await loadBoardGroups(db, {}, 'unit', TODAY)).find(
      (g) => g.name === open.decision.responsible.name,
    )!;
    expect([after.open, after.done]).toEqual([before.open - 1, before.done + 1]);
  });

  it('a first page skips the decisions of meetings no longer followed, however many lead the index', async () => {
    const db = await districtDb();
    const whole = (await loadBoard(db, TODAY)).rows;
    const before = sortForTab(whole, 'done');
    expect(before.length).toBeGreaterThan(3 * BOARD_PAGE_SIZE);
    // The meetings of the 12 latest done decisions go back to draft or are cancelled: their
    // decisions lead the 已完成 tab's index range and must be read past, not shown.
    const leading = [...new Set(before.slice(0, 12).map((r) => r.meeting.id))];
    await db.meetings.bulkUpdate(
      leading.map((id, i) => ({ key: id, changes: { status: i % 2 ? 'draft' : 'cancelled' } as const })),
    );
    const after = (await loadBoard(db, TODAY)).rows;
    expect(after.length).toBeLessThan(whole.length);
    // The same by the responsible name of the latest done decision (its own index).
    const name = before[0]!.decision.responsible.name;
    for (const filter of [{}, { responsible: name }]) {
      for (const tab of ['done', 'open'] as const) {
        const expected = sortForTab(filterBoard(after, filter), tab);
        const got = await loadBoardPage(db, { filter, tab, page: 0 }, TODAY);
        const label = `${JSON.stringify(filter)} ${tab}`;
        expect(ids(got.rows), label).toEqual(ids(expected.slice(0, BOARD_PAGE_SIZE)));
        const count = got.counts[tab] ?? (await countBoardDone(db, filter, TODAY));
        expect(count, label).toBe(expected.length);
      }
    }
  });

  it('a page past the end shows the last page; the filters offer every name and the newest meetings', async () => {
    const db = await districtDb();
    const whole = (await loadBoard(db, TODAY)).rows;
    const got = await loadBoardPage(db, { filter: {}, tab: 'open', page: 10_000 }, TODAY);
    expect(got.page).toBe(Math.ceil(got.counts.open! / BOARD_PAGE_SIZE) - 1);
    expect(got.rows.length).toBeGreaterThan(0);
    const options = await loadBoardOptions(db, undefined);
    for (const r of whole) {
      expect(options.responsible).toContain(r.decision.responsible.name);
      expect(options.supervisors).toContain(r.decision.supervisor.name);
    }
    expect(options.meetings.every((m) => m.status === 'signed')).toBe(true);
    expect(options.meetings[0]!.startAt >= options.meetings.at(-1)!.startAt).toBe(true);
  });

  it('工作台 on a generated district: the due lines and the matters to triage as read from the whole tables', async () => {
    const db = await districtDb();
    const wb = await loadWorkbench(db, undefined, TODAY);
    const whole = (await loadBoard(db, TODAY)).rows;
    expect(wb.due.length).toBeGreaterThan(0);
    expect(ids(wb.due)).toEqual(ids(dueRows(whole, TODAY)));
    const triage = mattersToTriage(await db.matters.toArray(), null);
    expect(triage.length).toBeGreaterThan(0);
    // Matters merged at registration keep the path 未分流: they are there, and left out.
    expect(await db.matters.filter((m) => m.path === 'untriaged' && !!m.mergedInto).count()).toBeGreaterThan(0);
    expect(wb.triage.map((l) => l.matter.id)).toEqual(triage.map((m) => m.id));
    // The next meetings' 待办件, read for all of them at once, counted per meeting as one by one.
    const units = await db.orgUnits.toArray();
    expect(wb.nextMeetings.length).toBeGreaterThan(1);
    for (const line of wb.nextMeetings)
      expect(line.pendingMatters, line.meeting.title).toBe(await pendingMatterCount(db, units, line.meeting.orgUnitId));
    // 吹哨报到 lines shown carry their matters' titles (read for the shown lines only).
    const matter = (await db.matters.toArray())[0]!;
    await db.summonedTasks.add({
      id: 'summons-overdue',
      escalationId: 'escalation-test',
      matterId: matter.id,
      orgUnitId: matter.orgUnitId,
      department: '区住建局',
      task: '督促施工单位复工',
      standard: '一周内复工',
      deadline: '2026-11-12',
      supervisor: '街道办事处',
      status: 'inProgress',
      progress: [],
      createdAt: '2026-11-01T08:00:00+08:00',
      updatedAt: '2026-11-01T08:00:00+08:00',
    });
    const after = await loadWorkbench(db, undefined, TODAY);
    const shown = shownDueIds(after.due, TODAY);
    const summoned = after.due.filter((r) => r.source && shown.has(r.decision.id));
    expect(summoned.map((r) => r.decision.id)).toContain('summons-overdue');
    for (const r of summoned) expect(r.source!.matterTitle).toBe((await db.matters.get(r.source!.matterId))!.title);
  });
});
