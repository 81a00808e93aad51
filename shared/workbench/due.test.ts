import { describe, expect, it } from 'vitest';
import type { Decision } from '../domain/decision';
import { boardRows, type BoardMeeting, type BoardRow } from '../followup/board';
import {
  countsOnBadge,
  dueInOtherGrouping,
  dueRows,
  dueWindowEnd,
  firstGrouping,
  groupDue,
  GROUP_LINES_SHOWN,
  reminderDeadlines,
  shownDueIds,
  reminderKind,
  reminders,
  REMINDER_KINDS,
} from './due';
import { followedDecision } from '../fixtures/followedDecision';

const meeting = (id: string, status: BoardMeeting['status'] = 'signed'): BoardMeeting => ({
  id,
  title: '党群议事日',
  orgUnitId: 'u1',
  issueYear: 2026,
  issueNo: 7,
  startAt: '2026-10-10T09:00:00+08:00',
  status,
});

const decision = (id: string, deadline: string, over: Partial<Decision> = {}) =>
  followedDecision(id, { deadline: deadline as Decision['deadline'], ...over });

function rows(decisions: Decision[], today: string): BoardRow[] {
  return boardRows(
    decisions,
    [meeting('m1'), meeting('m2', 'closed')],
    new Map(),
    new Map(),
    today as Decision['deadline'],
  );
}

describe('reminders (逾期 · 今天到期 · 3天内到期)', () => {
  it('a deadline is a calendar date: overdue from the next day, due today on the day, soon within 3 days', () => {
    expect(reminderKind('2026-11-09', 'inProgress', '2026-11-10')).toBe('overdue');
    expect(reminderKind('2026-11-10', 'notStarted', '2026-11-10')).toBe('dueToday');
    expect(reminderKind('2026-11-13', 'notStarted', '2026-11-10')).toBe('dueSoon');
    expect(reminderKind('2026-11-14', 'notStarted', '2026-11-10')).toBeNull();
    // Only the supervisor's confirmation ends it: a reported decision is still reminded of.
    expect(reminderKind('2026-11-09', 'reported', '2026-11-10')).toBe('overdue');
    expect(reminderKind('2026-11-09', 'done', '2026-11-10')).toBeNull();
  });

  it('across a month end and a year end', () => {
    expect(reminderKind('2026-12-02', 'notStarted', '2026-11-30')).toBe('dueSoon');
    expect(reminderKind('2027-01-03', 'notStarted', '2026-12-31')).toBe('dueSoon');
    expect(reminderKind('2027-01-04', 'notStarted', '2026-12-31')).toBeNull();
    expect(reminderKind('2026-02-28', 'notStarted', '2026-03-01')).toBe('overdue');
    expect(dueWindowEnd('2026-12-28')).toBe('2027-01-04');
    expect(dueWindowEnd('2028-02-25')).toBe('2028-03-03');
  });

  it('the badge counts exactly the overdue and due-today reminders', () => {
    expect(countsOnBadge('overdue')).toBe(true);
    expect(countsOnBadge('dueToday')).toBe(true);
    expect(countsOnBadge('dueSoon')).toBe(false);
    expect(countsOnBadge(null)).toBe(false);
    const r = reminders(
      rows(
        [
          decision('a', '2026-11-01'),
          decision('b', '2026-11-10'),
          decision('c', '2026-11-12'),
          decision('d', '2026-11-16'),
          decision('e', '2026-11-01', { status: 'done' }),
          // A meeting not yet signed is not followed: no reminder.
          decision('f', '2026-11-01', { meetingId: 'm2' }),
        ],
        '2026-11-10',
      ),
      '2026-11-10',
    );
    expect(r.overdue.map((x) => x.decision.id)).toEqual(['a']);
    expect(r.dueToday.map((x) => x.decision.id)).toEqual(['b']);
    expect(r.dueSoon.map((x) => x.decision.id)).toEqual(['c']);
    expect(r.badge).toBe(2);
  });
});

describe('decisions due within 7 days and overdue, grouped', () => {
  const today = '2026-11-10';
  const list = rows(
    [
      decision('late1', '2026-10-01'),
      decision('late2', '2026-11-09', { responsible: { kind: 'text', name: '物业公司' } }),
      decision('week', '2026-11-17', { responsible: { kind: 'text', name: '物业公司' } }),
      decision('later', '2026-11-18'),
      decision('done', '2026-10-01', { status: 'done' }),
      decision('li', '2026-11-11', { responsible: { kind: 'person', personId: 'p-li', name: '李红' } }),
    ],
    today,
  );

  it('keeps open decisions due by today + 7, soonest first', () => {
    expect(dueRows(list, today).map((r) => r.decision.id)).toEqual(['late1', 'late2', 'li', 'week']);
  });

  it('by person and by unit, counting overdue and due soon; most overdue first', () => {
    const persons = groupDue(list, 'person', today);
    expect(persons.map((g) => [g.name, g.overdue, g.dueSoon])).toEqual([
      ['王建国', 1, 0],
      ['李红', 0, 1],
    ]);
    const units = groupDue(list, 'unit', today);
    expect(units).toHaveLength(1);
    expect(units[0]).toMatchObject({ name: '物业公司', overdue: 1, dueSoon: 1 });
    expect(units[0]?.rows.map((r) => r.decision.id)).toEqual(['late2', 'week']);
  });

  it("each reminder's deadlines, as the board filters them, hold exactly that reminder's rows", () => {
    const days = Array.from({ length: 12 }, (_, i) => `2026-11-${String(5 + i).padStart(2, '0')}`);
    const many = rows(
      days.map((d, i) => decision(`d${i}`, d)),
      today,
    );
    const r = reminders(many, today);
    for (const kind of REMINDER_KINDS) {
      const { dueFrom, dueTo } = reminderDeadlines(kind, today);
      const inRange = dueRows(many, today).filter(
        (row) => (!dueFrom || row.decision.deadline >= dueFrom) && row.decision.deadline <= dueTo,
      );
      expect(
        inRange.map((row) => row.decision.id),
        kind,
      ).toEqual(r[kind].map((row) => row.decision.id));
      expect(inRange.length, kind).toBeGreaterThan(0);
    }
  });

  it("shows a person's first lines only (the rest are on the board), and reads meetings for those", () => {
    // Due in 4 to 7 days: in the window, none a reminder.
    const later = ['2026-11-14', '2026-11-15', '2026-11-16', '2026-11-17', '2026-11-17'];
    const own = rows(
      later.map((d, i) => decision(`w${i}`, d)),
      today,
    );
    expect(reminders(own, today).badge).toBe(0);
    const groups = groupDue(own, 'person', today);
    expect(groups).toHaveLength(1);
    expect(groups[0]!.rows).toHaveLength(later.length);
    expect([...shownDueIds(own, today)]).toEqual(groups[0]!.rows.slice(0, GROUP_LINES_SHOWN).map((r) => r.decision.id));
  });

  it('answers again from the list it handed out, and afresh for another day', () => {
    const handedOut = dueRows(list, today);
    // The card asks with the repo's copy: the same sorted rows and the very same groups.
    expect(dueRows(handedOut, today)).toEqual(handedOut);
    expect(groupDue(handedOut, 'person', today)).toBe(groupDue(list, 'person', today));
    // A later day moves 李红 from due soon to overdue: nothing of the earlier day's answer is kept.
    const later = '2026-11-12' as Decision['deadline'];
    expect(groupDue(handedOut, 'person', later).map((g) => [g.name, g.overdue, g.dueSoon])).toEqual([
      ['李红', 1, 0],
      ['王建国', 1, 0],
    ]);
    expect(groupDue(list, 'person', today).map((g) => [g.name, g.overdue, g.dueSoon])).toEqual([
      ['王建国', 1, 0],
      ['李红', 0, 1],
    ]);
  });

  it('opens on the units when only units are due (a person due later does not count), else on people', () => {
    const unitOnly = rows(
      [
        decision('late2', '2026-11-09', { responsible: { kind: 'text', name: '物业公司' } }),
        decision('later', '2026-11-18'),
        decision('done', '2026-10-01', { status: 'done' }),
      ],
      today,
    );
    expect(firstGrouping(unitOnly, today)).toBe('unit');
    expect(firstGrouping(list, today)).toBe('person');
    expect(firstGrouping([], today)).toBe('person');
  });

  it('says how many due decisions the other grouping holds when this one has none', () => {
    const unitOnly = rows(
      [decision('late2', '2026-11-09', { responsible: { kind: 'text', name: '物业公司' } })],
      today,
    );
    expect(dueInOtherGrouping(unitOnly, 'person', today)).toBe(1);
    expect(dueInOtherGrouping(unitOnly, 'unit', today)).toBe(0);
    expect(dueInOtherGrouping(list, 'person', today)).toBe(0);
  });
});
