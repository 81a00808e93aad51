import { describe, expect, it } from 'vitest';
import type { CalendarDate } from '../dates';
import { decisionOutcome, emptyFigures, matterBuckets, attendanceBucket, evaluationRatings } from './figures';
import {
  attendanceRate,
  disputeResolutionRate,
  formatPercent,
  matterResolutionRate,
  onTimeRate,
  rateOf,
  satisfactionRate,
} from './rates';
import { periodRange, inRange } from './period';

const day = (s: string) => s as CalendarDate;

describe('decision outcomes', () => {
  const today = day('2026-06-10');
  it('a decision confirmed on its deadline day is on time; a day later is late', () => {
    const d = { deadline: day('2026-05-31'), status: 'done' as const };
    expect(decisionOutcome(d, day('2026-05-31'), today)).toBe('onTime');
    expect(decisionOutcome(d, day('2026-05-30'), today)).toBe('onTime');
    expect(decisionOutcome(d, day('2026-06-01'), today)).toBe('late');
  });
  it('a done decision without a confirmation date is not guessed on time or late', () => {
    expect(decisionOutcome({ deadline: day('2026-05-31'), status: 'done' }, undefined, today)).toBe('doneUndated');
  });
  it('not done: overdue from the day after the deadline; due today is still in progress', () => {
    expect(decisionOutcome({ deadline: day('2026-06-09'), status: 'inProgress' }, undefined, today)).toBe('overdue');
    expect(decisionOutcome({ deadline: day('2026-06-10'), status: 'reported' }, undefined, today)).toBe('inProgress');
    expect(decisionOutcome({ deadline: day('2026-07-01'), status: 'notStarted' }, undefined, today)).toBe('inProgress');
  });
  it('on-time rate leaves out decisions still within their deadline and undated ones', () => {
    const d = { onTime: 3, late: 1, doneUndated: 5, overdue: 0, inProgress: 7 };
    expect(onTimeRate(d)).toEqual({ part: 3, whole: 4, percent: 75 });
  });
});

describe('matters, disputes and satisfaction', () => {
  it('a merged matter is counted neither as raised nor as solved', () => {
    expect(matterBuckets({ mergedInto: 'm1', closedAt: '2026-01-02T00:00:00Z' })).toEqual([]);
    expect(matterBuckets({ closedAt: '2026-01-02T00:00:00Z' })).toEqual(['raised', 'solved']);
    expect(matterBuckets({})).toEqual(['raised']);
  });
  it("the seed's 926 raised / 920 solved reads 99.4 %, 5077 / 5012 disputes 98.7 %", () => {
    const f = emptyFigures();
    f.matters = { raised: 926, solved: 920 };
    f.disputes = { logged: 5077, resolved: 5012 };
    expect(formatPercent(matterResolutionRate(f))).toBe('99.4%');
    expect(formatPercent(disputeResolutionRate(f))).toBe('98.7%');
  });
  it('satisfaction is (满意 + 基本满意) ÷ all ratings, rounded down', () => {
    const f = emptyFigures();
    f.ratings = { evaluated: 2, satisfied: 1999, basic: 0, unsatisfied: 1 };
    expect(formatPercent(satisfactionRate(f))).toBe('99.9%');
    f.ratings = { evaluated: 1, satisfied: 2, basic: 2, unsatisfied: 1 };
    expect(formatPercent(satisfactionRate(f))).toBe('80.0%');
  });
  it('an evaluation counts its latest round not withdrawn', () => {
    const round = (no: number, satisfied: number, withdrawn = false) => ({
      no,
      kind: 'first' as const,
      on: day('2026-01-01'),
      by: '张三',
      counts: { satisfied, basic: 0, unsatisfied: 1 },
      thresholdPercent: 80,
      passed: false,
      recordedAt: '2026-01-01T10:00:00+08:00',
      ...(withdrawn ? { withdrawn: { reason: '录错', by: '张三', at: '2026-01-02T10:00:00+08:00' } } : {}),
    });
    expect(evaluationRatings({ rounds: [round(1, 3), round(2, 9)] })?.satisfied).toBe(9);
    expect(evaluationRatings({ rounds: [round(1, 3), round(2, 9, true)] })?.satisfied).toBe(3);
    expect(evaluationRatings({ rounds: [] })).toBeNull();
  });
});

describe('no data and attendance', () => {
  it('nothing to divide reads "—", never NaN or 0 %', () => {
    const f = emptyFigures();
    for (const rate of [matterResolutionRate(f), disputeResolutionRate(f), satisfactionRate(f)]) {
      expect(rate.percent).toBeNull();
      expect(formatPercent(rate)).toBe('—');
    }
    expect(formatPercent(attendanceRate({ present: 0, excused: 0, absent: 0 }))).toBe('—');
    expect(formatPercent(rateOf(0, 5))).toBe('0.0%');
    expect(formatPercent(rateOf(Number.NaN, 5))).toBe('—');
  });
  it('attendance counts 出席, 请假, 缺席; 列席 and the never signed-in are left out', () => {
    expect(attendanceBucket({ category: 'resident', state: 'present' })).toEqual({
      role: 'resident',
      state: 'present',
    });
    expect(attendanceBucket({ category: 'property', state: 'nonVoting' })).toBeNull();
    expect(attendanceBucket({ category: 'property', state: 'invited' })).toBeNull();
    expect(formatPercent(attendanceRate({ present: 2, excused: 0, absent: 1 }))).toBe('66.7%');
  });
});

describe('periods', () => {
  it('a month ends on its last day (leap years included); moments count by their wall-clock day', () => {
    expect(periodRange({ kind: 'month', year: 2028, month: 2 })).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(periodRange({ kind: 'month', year: 2026, month: 12 })).toEqual({ from: '2026-12-01', to: '2026-12-31' });
    expect(periodRange({ kind: 'year', year: 2026 })).toEqual({ from: '2026-01-01', to: '2026-12-31' });
    expect(periodRange({ kind: 'month', year: 2026, month: 13 })).toBeNull();
    const march = periodRange({ kind: 'month', year: 2026, month: 3 })!;
    expect(inRange('2026-03-31T23:30:00+08:00', march)).toBe(true);
    expect(inRange('2026-04-01T00:10:00+08:00', march)).toBe(false);
    expect(inRange('2026-03-01', march)).toBe(true);
  });
});
