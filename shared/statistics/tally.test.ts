import { describe, expect, it } from 'vitest';
import type { CalendarDate } from '../dates';
import type { OrgUnit } from '../domain/org';
import { planScope } from './scope';
import { createTally } from './tally';
import { periodRange } from './period';

const unit = (id: string, parentId: string | null, level: OrgUnit['level'], order = 0): OrgUnit => ({
  id,
  parentId,
  level,
  name: id,
  order,
});
const UNITS: OrgUnit[] = [
  unit('district', null, 'district'),
  unit('street', 'district', 'subdistrict'),
  unit('c2', 'street', 'community', 2),
  unit('c1', 'street', 'community', 1),
  unit('p1', 'c1', 'compound'),
  unit('g1', 'p1', 'grid'),
  unit('p2', 'c2', 'compound'),
  unit('otherStreet', 'district', 'subdistrict'),
  unit('c9', 'otherStreet', 'community'),
];
const TODAY = '2026-06-10' as CalendarDate;
const YEAR = periodRange({ kind: 'year', year: 2026 })!;
const meeting = (id: string, orgUnitId: string, startAt: string, status = 'signed' as const) => ({
  id,
  orgUnitId,
  startAt,
  type: 'monthlyDay' as const,
  status,
});

describe('scopes', () => {
  it('a street has one row per community in their order, and its own row; units below count on their community', () => {
    const plan = planScope(UNITS, { kind: 'street', unitId: 'street' })!;
    expect(plan.rows.map((r) => r.id)).toEqual(['c1', 'c2', 'street']);
    expect(plan.rowOf('g1')).toBe('c1');
    expect(plan.rowOf('street')).toBe('street');
    expect(plan.rowOf('c9')).toBeNull();
    expect(plan.rowOf('nowhere')).toBeNull();
  });
  it('a compound or community is one row with what lies below it; other levels are refused', () => {
    const plan = planScope(UNITS, { kind: 'unit', unitId: 'p1' })!;
    expect(plan.rows.map((r) => r.id)).toEqual(['p1']);
    expect(plan.rowOf('g1')).toBe('p1');
    expect(plan.rowOf('c1')).toBeNull();
    expect(planScope(UNITS, { kind: 'unit', unitId: 'street' })).toBeNull();
    expect(planScope(UNITS, { kind: 'street', unitId: 'c1' })).toBeNull();
  });
});

describe('tally', () => {
  it('counts held meetings of the period and, through them, their attendance, decisions and 评议', () => {
    const plan = planScope(UNITS, { kind: 'street', unitId: 'street' })!;
    const t = createTally(plan, YEAR, TODAY);
    expect(t.meeting(meeting('m1', 'p1', '2026-03-10T09:00:00+08:00'))).toBe(true);
    expect(t.meeting(meeting('m2', 'p2', '2025-12-31T23:00:00+08:00'))).toBe(false); // last year
    expect(t.meeting({ ...meeting('m3', 'p2', '2026-03-10T09:00:00+08:00'), status: 'draft' })).toBe(false);
    expect(t.meeting(meeting('m4', 'c9', '2026-03-10T09:00:00+08:00'))).toBe(false); // another street
    expect(t.meetingIds()).toEqual(['m1']);
    t.attendance({ id: 'a1', meetingId: 'm1', category: 'resident', state: 'present' });
    t.attendance({ id: 'a2', meetingId: 'm2', category: 'resident', state: 'present' });
    t.decision(
      { id: 'd1', meetingId: 'm1', deadline: '2026-04-01' as CalendarDate, status: 'done' },
      '2026-04-01' as CalendarDate,
    );
    t.decision({ id: 'd2', meetingId: 'm3', deadline: '2026-04-01' as CalendarDate, status: 'done' }, undefined);
    const { rows, total } = t.result();
    expect(rows.map((r) => r.row.id)).toEqual(['c1', 'c2']); // the street's own row is empty: left out
    expect(total.meetings.monthlyDay).toBe(1);
    expect(total.attendance.resident.present).toBe(1);
    expect(total.decisions.onTime).toBe(1);
    expect(rows[0]!.figures.decisions.onTime).toBe(1);
    expect(rows[1]!.figures.meetings.monthlyDay).toBe(0);
  });

  it('a merged matter is not counted twice; disputes count on the row of their matter', () => {
    const plan = planScope(UNITS, { kind: 'unit', unitId: 'c1' })!;
    const t = createTally(plan, YEAR, TODAY);
    const kept = t.matter({
      id: 'x1',
      orgUnitId: 'g1',
      raisedAt: '2026-02-01' as CalendarDate,
      closedAt: '2026-03-01',
    });
    const merged = t.matter({ id: 'x2', orgUnitId: 'g1', raisedAt: '2026-02-02' as CalendarDate, mergedInto: 'x1' });
    expect(kept).toBe('c1');
    expect(merged).toBeNull();
    t.dispute({ matterId: 'x1', outcome: 'success' }, kept!);
    const { total } = t.result();
    expect(total.matters).toEqual({ raised: 1, solved: 1 });
    expect(total.disputes).toEqual({ logged: 1, resolved: 1 });
  });

  it('the records a pick collects are exactly those its count counted', () => {
    const plan = planScope(UNITS, { kind: 'street', unitId: 'street' })!;
    const t = createTally(plan, YEAR, TODAY, { figure: 'decisions', bucket: 'overdue', rowId: 'c2' });
    t.meeting(meeting('m1', 'p1', '2026-03-10T09:00:00+08:00'));
    t.meeting(meeting('m2', 'p2', '2026-03-10T09:00:00+08:00'));
    const late = { deadline: '2026-04-01' as CalendarDate, status: 'inProgress' as const };
    t.decision({ id: 'd1', meetingId: 'm1', ...late }, undefined);
    t.decision({ id: 'd2', meetingId: 'm2', ...late }, undefined);
    t.decision({ id: 'd3', meetingId: 'm2', deadline: '2026-06-10' as CalendarDate, status: 'inProgress' }, undefined);
    expect(t.picked()).toEqual(['d2']);
    const c2 = t.result().rows.find((r) => r.row.id === 'c2')!;
    expect(c2.figures.decisions.overdue).toBe(t.picked().length);
  });
});
