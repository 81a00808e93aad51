import { afterEach, describe, expect, it } from 'vitest';
import type { Meeting } from '../domain/meeting';
import { meetingSchema } from '../domain/meeting';
import { sampleRedBenchRecord } from '../fixtures/testRecord';
import { moveMeetingToDay, startTiming } from './startDay';

const originalTz = process.env.TZ;
afterEach(() => {
  if (originalTz === undefined) delete process.env.TZ;
  else process.env.TZ = originalTz;
});

function draft(patch: Partial<Meeting> = {}): Meeting {
  const m = sampleRedBenchRecord().meeting;
  const { startedAt: _s, closedAt: _c, finalisedAt: _f, ...rest } = m;
  return {
    ...rest,
    status: 'draft',
    startAt: '2026-12-10T19:30:00+08:00',
    plannedEndAt: '2026-12-10T21:00:00+08:00',
    issueYear: 2026,
    issueNo: 11,
    ...patch,
  };
}

describe('startTiming', () => {
  it('is on the day when the meeting is dated today', () =>
    expect(startTiming(draft(), '2026-12-10')).toEqual({ kind: 'onDay', day: '2026-12-10' }));
  it('is early for a meeting dated the 10th started on the 3rd', () =>
    expect(startTiming(draft(), '2026-12-03')).toEqual({
      kind: 'early',
      day: '2026-12-10',
      today: '2026-12-03',
      days: 7,
    }));
  it('is late for a meeting whose date has passed, across the year end', () =>
    expect(startTiming(draft(), '2027-01-02')).toEqual({
      kind: 'late',
      day: '2026-12-10',
      today: '2027-01-02',
      days: 23,
    }));
  it("reads the meeting's day by the wall clock: 07:30 in Beijing on the 10th is the 10th", () => {
    process.env.TZ = 'Asia/Shanghai';
    expect(startTiming(draft({ startAt: '2026-12-09T23:30:00.000Z' }), '2026-12-10').kind).toBe('onDay');
  });
});

describe('moveMeetingToDay', () => {
  it('moves start and planned end to the day, keeping the time of day, the offset and the 期数', () => {
    const moved = moveMeetingToDay(draft(), '2026-12-03', []);
    expect(moved).toEqual({
      startAt: '2026-12-03T19:30:00+08:00',
      plannedEndAt: '2026-12-03T21:00:00+08:00',
      issueYear: 2026,
      issueNo: 11,
    });
    expect(meetingSchema.safeParse({ ...draft(), ...moved }).success).toBe(true);
  });

  it('keeps a planned end past midnight on the next day', () => {
    const late = draft({ startAt: '2026-12-10T22:00:00+08:00', plannedEndAt: '2026-12-11T00:30:00+08:00' });
    expect(moveMeetingToDay(late, '2026-12-03', [])).toMatchObject({
      startAt: '2026-12-03T22:00:00+08:00',
      plannedEndAt: '2026-12-04T00:30:00+08:00',
    });
  });

  it('keeps the machine-zone time of day of a time stored in UTC', () => {
    process.env.TZ = 'Asia/Shanghai';
    const utc = draft({ startAt: '2026-12-10T11:30:00.000Z', plannedEndAt: '2026-12-10T13:00:00.000Z' });
    expect(moveMeetingToDay(utc, '2026-12-03', [])).toMatchObject({
      startAt: '2026-12-03T11:30:00.000Z',
      plannedEndAt: '2026-12-03T13:00:00.000Z',
    });
  });

  it('numbers the meeting in the new year when the year changes, and only then', () => {
    const january = draft({ startAt: '2027-01-08T09:00:00+08:00', plannedEndAt: '2027-01-08T10:30:00+08:00' });
    const sameUnit = (issueYear: number, issueNo: number, id = `m-${issueYear}-${issueNo}`) => ({
      id,
      orgUnitId: january.orgUnitId,
      issueYear,
      issueNo,
    });
    const others = [
      sameUnit(2026, 11),
      sameUnit(2026, 12),
      sameUnit(2027, 1, january.id), // the meeting itself, numbered 2027 No. 1
      { ...sameUnit(2026, 40), orgUnitId: 'another-compound' },
    ];
    const moved = moveMeetingToDay({ ...january, issueYear: 2027, issueNo: 1 }, '2026-12-29', others);
    expect(moved).toMatchObject({ startAt: '2026-12-29T09:00:00+08:00', issueYear: 2026, issueNo: 13 });
    // Within the year the number stays, whatever the others are.
    expect(moveMeetingToDay(draft(), '2026-01-05', others)).toMatchObject({ issueYear: 2026, issueNo: 11 });
  });
});
