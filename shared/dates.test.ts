import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareIsoTimes, formatChineseDate, formatChineseDateTime, localDay } from './dates';

describe('Chinese dates', () => {
  it('writes dates without zero padding', () => {
    expect(formatChineseDate('2026-11-10')).toBe('2026年11月10日');
    expect(formatChineseDate('2026-01-05')).toBe('2026年1月5日');
  });
  it('reads a date-only string as that day in any time zone', () =>
    expect(formatChineseDate('2026-03-01')).toBe('2026年3月1日'));
  it('formats a local time', () => {
    const iso = new Date(2026, 10, 10, 9, 5).toISOString();
    expect(formatChineseDateTime(iso)).toBe('2026年11月10日 09:05');
  });
  it('returns empty text for a non-date', () => expect(formatChineseDate('不是日期')).toBe(''));
  it('gives the local calendar day', () => expect(localDay(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05'));
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
