import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import {
  FIRST_YEAR,
  LAST_YEAR,
  addDays,
  addMinutes,
  calendarDateSchema,
  compareDates,
  compareIsoTimes,
  dateParts,
  dayOf,
  daysBetween,
  formatChineseDate,
  formatChineseDateTime,
  formatEnglishDate,
  formatEnglishDateTime,
  isCalendarDate,
  localDay,
  meetingDay,
  shiftMoment,
  toCalendarDate,
  today,
  wallClock,
  weekdayOf,
  type CalendarDate,
} from './dates';

/** Runs with the machine's zone set to `tz` (Node reads TZ again when it changes). */
const originalTz = process.env.TZ;
function inZone(tz: string): void {
  process.env.TZ = tz;
}
afterEach(() => {
  if (originalTz === undefined) delete process.env.TZ;
  else process.env.TZ = originalTz;
});

const ZONES = ['Asia/Shanghai', 'UTC', 'America/Los_Angeles', 'Pacific/Kiritimati', 'Pacific/Pago_Pago'];

/** A real date in range, as year, month, day (the oracle is JavaScript's own UTC calendar). */
const realDate = fc
  .date({
    min: new Date(Date.UTC(FIRST_YEAR, 0, 1)),
    max: new Date(Date.UTC(LAST_YEAR, 11, 31)),
    noInvalidDate: true,
  })
  .map((d) => ({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() }));

const text = ({ year, month, day }: { year: number; month: number; day: number }) =>
  `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

describe('calendar dates', () => {
  it('every real date in range round-trips through its text, its parts and the schema', () => {
    fc.assert(
      fc.property(realDate, (p) => {
        const date = toCalendarDate(p.year, p.month, p.day);
        expect(date).toBe(text(p));
        expect(isCalendarDate(date)).toBe(true);
        expect(calendarDateSchema.parse(date)).toBe(date);
        expect(dateParts(date as CalendarDate)).toEqual(p);
        expect(dayOf(text(p))).toBe(date);
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses dates that do not exist, are out of range or are not written YYYY-MM-DD', () => {
    for (const bad of [
      '2026-02-29',
      '2026-02-31',
      '2026-99-99',
      '0000-01-01',
      '2026-1-5',
      '2026-04-31',
      '2026-13-01',
      '2026-00-10',
      '2026-01-00',
      '1899-12-31',
      '2101-01-01',
      '2026-01-05T00:00:00Z',
      ' 2026-01-05',
      '２０２６-01-05',
      '',
    ]) {
      expect(isCalendarDate(bad), bad).toBe(false);
      expect(calendarDateSchema.safeParse(bad).success, bad).toBe(false);
    }
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2000-02-29')).toBe(true);
    expect(isCalendarDate('2100-02-29')).toBe(false);
  });

  it('accepts exactly the strings JavaScript reads back as the same UTC day, within the range', () => {
    const digits = (n: number) => fc.integer({ min: 0, max: 10 ** n - 1 }).map((v) => String(v).padStart(n, '0'));
    fc.assert(
      fc.property(
        fc.oneof(fc.integer({ min: 1890, max: 2110 }).map(String), digits(4)),
        digits(2),
        digits(2),
        (y, m, d) => {
          const candidate = `${y}-${m}-${d}`;
          const t = new Date(`${candidate}T00:00:00Z`);
          const oracle =
            !Number.isNaN(t.getTime()) &&
            t.toISOString().slice(0, 10) === candidate &&
            Number(y) >= FIRST_YEAR &&
            Number(y) <= LAST_YEAR;
          expect(isCalendarDate(candidate)).toBe(oracle);
        },
      ),
      { numRuns: 5000 },
    );
  });

  it('gives the schema error in Chinese', () => {
    const result = calendarDateSchema.safeParse('2026-02-31');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/不是有效日期/);
  });

  it('adds and counts days across months, years and leap days', () => {
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    fc.assert(
      fc.property(realDate, fc.integer({ min: -3000, max: 3000 }), (p, n) => {
        const date = toCalendarDate(p.year, p.month, p.day) as CalendarDate;
        const later = toCalendarDate(Math.min(p.year + 8, LAST_YEAR), 1, 1) as CalendarDate;
        const earlier = toCalendarDate(Math.max(p.year - 8, FIRST_YEAR), 12, 31) as CalendarDate;
        if (daysBetween(earlier, date) + n < 0 || daysBetween(date, later) - n < 0) return; // stays in range
        const moved = addDays(date, n);
        expect(isCalendarDate(moved)).toBe(true);
        expect(addDays(moved, -n)).toBe(date);
        expect(daysBetween(date, moved)).toBe(n);
        expect(Math.sign(compareDates(date, moved)) + Math.sign(n)).toBe(0); // not toBe(-sign): -0 is not 0 to Object.is
      }),
    );
    expect(() => addDays('2100-12-31', 1)).toThrow(RangeError);
  });

  it('knows the weekday of a date in every zone', () => {
    for (const tz of ZONES) {
      inZone(tz);
      expect(weekdayOf('2026-11-10')).toBe(2); // a Tuesday
      expect(weekdayOf('2027-01-03')).toBe(0);
    }
  });
});

describe('the calendar day of a moment', () => {
  it('reads a moment written with an offset as written, in every machine zone', () => {
    for (const tz of ZONES) {
      inZone(tz);
      expect(dayOf('2026-11-10T07:30:00+08:00'), tz).toBe('2026-11-10');
      expect(dayOf('2026-11-10T23:59:59.999+08:00'), tz).toBe('2026-11-10');
      expect(dayOf('2026-11-10T00:00:00-05:00'), tz).toBe('2026-11-10');
      expect(wallClock('2026-11-10T07:30:00+08:00'), tz).toEqual({ date: '2026-11-10', hour: 7, minute: 30 });
      expect(meetingDay({ startAt: '2026-11-10T07:30:00+08:00' }), tz).toBe('2026-11-10');
    }
  });

  it('reads a UTC moment in the machine zone: 07:30 in Beijing is stored as the 9th in UTC', () => {
    const early = '2026-11-09T23:30:00.000Z';
    inZone('Asia/Shanghai');
    expect(meetingDay({ startAt: early })).toBe('2026-11-10');
    expect(formatChineseDateTime(early)).toBe('2026年11月10日 07:30');
    inZone('UTC');
    expect(meetingDay({ startAt: early })).toBe('2026-11-09');
    inZone('America/Los_Angeles');
    expect(meetingDay({ startAt: early })).toBe('2026-11-09');
    expect(formatChineseDateTime(early)).toBe('2026年11月9日 15:30');
  });

  it('agrees with the machine-zone day for every UTC moment, in every zone', () => {
    for (const tz of ZONES) {
      inZone(tz);
      fc.assert(
        fc.property(
          fc.date({
            min: new Date('1901-01-02T00:00:00Z'),
            max: new Date('2099-12-30T00:00:00Z'),
            noInvalidDate: true,
          }),
          (t) => {
            const d = t.getDate();
            expect(dateParts(dayOf(t.toISOString()) as CalendarDate).day).toBe(d);
            expect(dayOf(t.toISOString())).toBe(localDay(t));
          },
        ),
        { numRuns: 300 },
      );
    }
  });

  it('refuses moments whose date does not exist (Date would roll them into March)', () => {
    expect(dayOf('2026-02-31T10:00:00Z')).toBeNull();
    expect(dayOf('2026-02-31T10:00:00+08:00')).toBeNull();
    expect(dayOf('2026-11-10T25:00:00+08:00')).toBeNull();
    expect(dayOf('not a time')).toBeNull();
    expect(() => meetingDay({ startAt: '2026-02-31T10:00:00+08:00' })).toThrow(RangeError);
  });

  it("gives today's date in the machine zone", () => {
    const moment = new Date('2026-11-09T20:00:00Z');
    inZone('Asia/Shanghai');
    expect(today(moment)).toBe('2026-11-10');
    inZone('UTC');
    expect(today(moment)).toBe('2026-11-09');
    expect(localDay(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
  });
});

describe('moving a moment by days', () => {
  it('keeps the offset and the wall-clock time of a written moment', () => {
    expect(shiftMoment('2026-12-10T19:30:00+08:00', -7)).toBe('2026-12-03T19:30:00+08:00');
    expect(shiftMoment('2027-01-02T09:00:00.000+08:00', -3)).toBe('2026-12-30T09:00:00.000+08:00');
  });
  it('keeps the machine-zone time of day of a UTC moment, across a daylight-saving change', () => {
    inZone('America/Los_Angeles');
    const before = new Date(2026, 2, 1, 19, 30).toISOString(); // 1 March, PST
    const moved = shiftMoment(before, 14) as string; // 15 March, PDT
    expect(new Date(moved).getHours()).toBe(19);
    expect(new Date(moved).getMinutes()).toBe(30);
    expect(dayOf(moved)).toBe('2026-03-15');
  });
  it('refuses what it cannot read', () => expect(shiftMoment('2026-02-31T10:00:00+08:00', 1)).toBeNull());
});

describe('Chinese dates', () => {
  it('writes dates without zero padding', () => {
    expect(formatChineseDate('2026-11-10')).toBe('2026年11月10日');
    expect(formatChineseDate('2026-01-05')).toBe('2026年1月5日');
  });
  it('reads a date-only string as that day in any time zone', () => {
    for (const tz of ZONES) {
      inZone(tz);
      expect(formatChineseDate('2026-03-01')).toBe('2026年3月1日');
    }
  });
  it('formats a local time', () => {
    const iso = new Date(2026, 10, 10, 9, 5).toISOString();
    expect(formatChineseDateTime(iso)).toBe('2026年11月10日 09:05');
  });
  it('writes a moment with an offset as written', () => {
    for (const tz of ZONES) {
      inZone(tz);
      expect(formatChineseDate('2026-12-31T07:00:00+08:00')).toBe('2026年12月31日');
      expect(formatChineseDateTime('2026-12-31T07:00:00+08:00')).toBe('2026年12月31日 07:00');
    }
  });
  it('returns empty text for a non-date', () => {
    expect(formatChineseDate('不是日期')).toBe('');
    expect(formatChineseDate('2026-02-31')).toBe('');
  });
});

describe('compareIsoTimes', () => {
  // Years 1000–9999: toISOString's four-digit years, the only ones the app writes.
  const instant = fc.date({
    min: new Date('1000-01-01T00:00:00Z'),
    max: new Date('9999-12-31T23:59:59Z'),
    noInvalidDate: true,
  });
  it('orders ISO timestamps in time order', () => {
    fc.assert(
      fc.property(instant, instant, (a, b) => {
        expect(Math.sign(compareIsoTimes(a.toISOString(), b.toISOString()))).toBe(Math.sign(a.getTime() - b.getTime()));
      }),
      { numRuns: 2000 },
    );
  });
  it('orders other formats exactly as localeCompare did (files sealed elsewhere keep their fingerprints)', () => {
    const odd = [
      '2026-11-10T15:00:00+08:00',
      '2026-11-10T07:00:00.000Z',
      '2026-11-10T07:00:00Z',
      '2026-11-10T07:00:00.5Z',
      '2026-11-10t07:00:00.000z',
      'not a time',
      '',
    ];
    for (const a of odd) {
      for (const b of odd) expect(Math.sign(compareIsoTimes(a, b))).toBe(Math.sign(a.localeCompare(b)));
    }
  });
  it('orders them as localeCompare did, so signed meetings keep their fingerprints', () => {
    fc.assert(
      fc.property(instant, instant, (a, b) => {
        const [x, y] = [a.toISOString(), b.toISOString()];
        expect(Math.sign(compareIsoTimes(x, y))).toBe(Math.sign(x.localeCompare(y, 'zh-CN')));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('adding minutes to a moment', () => {
  it('moves a written moment on its wall clock and keeps its offset', () => {
    expect(addMinutes('2026-12-10T09:00:00+08:00', 120)).toBe('2026-12-10T11:00:00+08:00');
    expect(addMinutes('2026-12-10T23:30+08:00', 45)).toBe('2026-12-11T00:15:00+08:00');
    expect(addMinutes('2026-12-10T09:00:00', 30)).toBe('2026-12-10T09:30:00');
  });
  it('keeps a UTC moment in UTC', () =>
    expect(addMinutes('2026-12-10T01:00:00.000Z', 90)).toBe('2026-12-10T02:30:00.000Z'));
  it('refuses what it cannot read', () => expect(addMinutes('2026-02-31T10:00:00+08:00', 1)).toBeNull());
});

describe('English dates for the English screens', () => {
  it('writes day, short month and year, and the wall-clock time of a moment', () => {
    expect(formatEnglishDate('2026-12-03')).toBe('3 Dec 2026');
    expect(formatEnglishDate('2026-01-10T09:00:00+08:00')).toBe('10 Jan 2026');
    expect(formatEnglishDateTime('2026-12-03T09:05:00+08:00')).toBe('3 Dec 2026, 09:05');
  });
  it('names every month', () =>
    expect(
      Array.from({ length: 12 }, (_, i) => formatEnglishDate(`2027-${String(i + 1).padStart(2, '0')}-01`)),
    ).toEqual(
      ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'].map((m) => `1 ${m} 2027`),
    ));
  it('is empty for what it cannot read', () => {
    expect(formatEnglishDate('2026-02-31')).toBe('');
    expect(formatEnglishDateTime('nonsense')).toBe('');
  });
});
