import { describe, expect, it } from 'vitest';
import { cellText, formatNumber } from './cellText';

describe('cellText', () => {
  it('writes numbers the way Excel shows them, never in scientific notation', () => {
    expect(formatNumber(13800138000)).toBe('13800138000');
    expect(formatNumber(5468123456)).toBe('5468123456');
    expect(formatNumber(1.5)).toBe('1.5');
    expect(formatNumber(1e-7)).toBe('0.0000001');
    expect(formatNumber(-2)).toBe('-2');
    expect(formatNumber(Number.NaN)).toBe('');
  });

  it('reduces nested values to their visible text', () => {
    expect(cellText({ text: { richText: [{ text: '胜兴' }, { text: '社区' }] }, hyperlink: 'http://x' })).toBe(
      '胜兴社区',
    );
    expect(cellText({ sharedFormula: 'A1', result: 13800138000 })).toBe('13800138000');
    expect(cellText({ formula: 'NOW()', result: new Date(Date.UTC(2026, 0, 5, 23, 59)) })).toBe('2026-01-05');
    expect(cellText({ formula: 'A1' })).toBe('');
    expect(cellText({ richText: [{ text: 'a' }, { font: {} }, 'junk'] })).toBe('a');
    expect(cellText(new Date(Number.NaN))).toBe('');
    expect(cellText({ unexpected: true })).toBe('');
  });
});
