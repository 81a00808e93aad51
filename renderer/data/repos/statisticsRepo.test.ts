import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { createDb, type YishiDb } from '../db';
import { loadDemoCommunity } from './setupRepo';
import { loadStatistics } from './statisticsRepo';
import { loadRecordLines } from './statisticsRecords';
import { dayOf, meetingDay, type CalendarDate } from '../../../shared/dates';
import { descendantIds } from '../../../shared/domain/org';
import { isHeld } from '../../../shared/statistics/figures';
import { decisionsMade } from '../../../shared/statistics/rates';

/** 3 December 2026, 10:00 in Beijing. */
const NOW = new Date('2026-12-03T02:00:00Z');
const TODAY = '2026-12-03' as CalendarDate;
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

describe('statistics repository (demo community)', () => {
  it("a street's year, read through the indexes, equals the figures counted over whole tables", async () => {
    const db = await demoDb();
    const units = await db.orgUnits.toArray();
    const street = units.find((u) => u.level === 'subdistrict')!;
    const inStreet = descendantIds(units, street.id);
    const loaded = (await loadStatistics(
      db,
      { scope: { kind: 'street', unitId: street.id }, period: { kind: 'year', year: 2026 } },
      undefined,
      TODAY,
    ))!;
    const meetings = (await db.meetings.toArray()).filter(
      (m) => isHeld(m) && inStreet.has(m.orgUnitId) && meetingDay(m).startsWith('2026-'),
    );
    const ids = new Set(meetings.map((m) => m.id));
    expect(meetings.length).toBeGreaterThan(0);
    const total = loaded.result.total;
    expect(Object.values(total.meetings).reduce((a, b) => a + b, 0)).toBe(meetings.length);
    const decisions = (await db.decisions.toArray()).filter((d) => ids.has(d.meetingId));
    expect(decisionsMade(total.decisions)).toBe(decisions.length);
    const present = (await db.attendance.toArray()).filter((a) => ids.has(a.meetingId) && a.state === 'present');
    const counted = Object.values(total.attendance).reduce((n, r) => n + r.present, 0);
    expect(counted).toBe(present.length);
    const matters = (await db.matters.toArray()).filter(
      (m) => !m.mergedInto && inStreet.has(m.orgUnitId) && dayOf(m.raisedAt)!.startsWith('2026-'),
    );
    expect(total.matters.raised).toBe(matters.length);
    expect(total.matters.solved).toBe(matters.filter((m) => m.closedAt).length);
  });

  it('the records behind a cell are as many as its count and open where they belong', async () => {
    const db = await demoDb();
    const street = (await db.orgUnits.toArray()).find((u) => u.level === 'subdistrict')!;
    const query = {
      scope: { kind: 'street' as const, unitId: street.id },
      period: { kind: 'year' as const, year: 2026 },
    };
    const pick = { figure: 'matters' as const, bucket: 'raised' as const };
    const loaded = (await loadStatistics(db, query, pick, TODAY))!;
    expect(loaded.picked.length).toBe(loaded.result.total.matters.raised);
    const lines = await loadRecordLines(db, pick, loaded.picked.slice(0, 5));
    expect(lines.map((l) => l.href)).toEqual(loaded.picked.slice(0, 5).map((id) => `/matters/${id}`));
  });

  it('an unknown unit or an impossible month gives no figures rather than zeros', async () => {
    const db = await demoDb();
    const year = { kind: 'year' as const, year: 2026 };
    expect(await loadStatistics(db, { scope: { kind: 'unit', unitId: 'gone' }, period: year })).toBeNull();
    const unit = (await db.orgUnits.toArray()).find((u) => u.level === 'compound')!;
    const month = { kind: 'month' as const, year: 2026, month: 13 };
    expect(await loadStatistics(db, { scope: { kind: 'unit', unitId: unit.id }, period: month })).toBeNull();
  });
});
