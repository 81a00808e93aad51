import { describe, expect, it } from 'vitest';
import { readSheetDate } from './dates';

describe('readSheetDate: dates as typed into a register', () => {
  it('reads the common spellings as the same calendar date', () => {
    for (const text of [
      '2026-03-05',
      '2026/3/5',
      '2026.3.5',
      '2026年3月5日',
      '2026 年 3 月 5 日',
      '20260305',
      '２０２６/3/5',
    ])
      expect(readSheetDate(text), text).toBe('2026-03-05');
  });
  it('reads Excel serials as Excel does (1900 system)', () => {
    expect(readSheetDate('46086')).toBe('2026-03-05');
    expect(readSheetDate('61')).toBe('1900-03-01');
    expect(readSheetDate('45351')).toBe('2024-02-29');
  });
  it('refuses what is not a real day', () => {
    for (const text of [
      '2026/2/30',
      '2026-13-01',
      '2025年2月29日',
      '60',
      '0',
      '1e300',
      '99999999',
      '',
      '3月5日',
      '2026/3/5 abc',
      '46086.5',
    ])
      expect(readSheetDate(text), text).toBeNull();
  });
  it('refuses serials beyond the supported years', () => {
    expect(readSheetDate('99999')).toBeNull();
  });
});
