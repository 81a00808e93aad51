import { describe, expect, it } from 'vitest';
import { formatChineseDate, formatChineseDateTime, localDay } from './dates';

describe('Chinese dates', () => {
  it('writes dates without zero padding', () => {
    expect(formatChineseDate('2026-11-10')).toBe('2026年11月10日');
    expect(formatChineseDate('2026-01-05')).toBe('2026年1月5日');
  });
  it('reads a date-only string as that day in any time zone', () => expect(formatChineseDate('2026-03-01')).toBe('2026年3月1日'));
  it('formats a local time', () => {
    const iso = new Date(2026, 10, 10, 9, 5).toISOString();
    expect(formatChineseDateTime(iso)).toBe('2026年11月10日 09:05');
  });
  it('returns empty text for a non-date', () => expect(formatChineseDate('不是日期')).toBe(''));
  it('gives the local calendar day', () => expect(localDay(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05'));
});
