import { describe, expect, it } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { createDb } from '../db';
import { loadDemoCommunity } from './setupRepo';
import { loadPublicityDue } from './workbenchRepo';
import { addDays, type CalendarDate } from '../../../shared/dates';
import { noticeEndWindow, publicityDue } from '../../../shared/workbench/publicity';
import { DEMO_RED_BENCH_COMPOUND_ID } from '../../../shared/demo/demoCommunity';

describe('the 工作台’s 公示 and 评议 lines', () => {
  it('are those of every notice in the window, with only the lines’ meetings and decisions read', async () => {
    const db = createDb('yishi', { indexedDB: new IDBFactory(), IDBKeyRange });
    await loadDemoCommunity(db, new Date('2026-12-03T02:00:00Z'));
    const [notices, evaluations, meetings, decisions] = await Promise.all([
      db.publicNotices.toArray(),
      db.evaluations.toArray(),
      db.meetings.toArray(),
      db.decisions.toArray(),
    ]);
    expect(notices.length).toBeGreaterThan(0);
    const reference = (today: CalendarDate, scope: ReadonlySet<string> | null) => {
      const { from, to } = noticeEndWindow(today);
      return publicityDue(
        {
          notices: notices.filter((n) => n.endDate >= from && n.endDate <= to),
          evaluations: new Map(evaluations.map((e) => [e.decisionId, e])),
          meetings: new Map(meetings.map((m) => [m.id, { title: m.title, orgUnitId: m.orgUnitId }])),
          decisionTitles: new Map(decisions.map((d) => [d.id, d.title])),
        },
        today,
        scope,
      );
    };
    // Every notice's end date and the days around it: running, ending soon, ended, to rate, rectifying.
    const days = [...new Set(notices.flatMap((n) => [-12, -3, 0, 2, 10, 40].map((d) => addDays(n.endDate, d))))];
    let lines = 0;
    for (const day of days)
      for (const scope of [null, new Set([DEMO_RED_BENCH_COMPOUND_ID])]) {
        const shown = await loadPublicityDue(db, day, scope);
        expect(shown, `${day} ${scope ? 'compound' : 'all'}`).toEqual(reference(day, scope));
        lines += shown.length;
      }
    expect(lines).toBeGreaterThan(0);
    db.close();
  });
});
