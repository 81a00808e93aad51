import { describe, expect, it } from 'vitest';
import { householdAgreedPercent, percentText } from './household';

describe('household share', () => {
  it('shows one decimal, a whole share without ".0", as on a notice board', () => {
    expect(householdAgreedPercent({ asked: 120, agreed: 112 })).toBe('93.3');
    expect(householdAgreedPercent({ asked: 1800, agreed: 1760 })).toBe('97.8');
    expect(householdAgreedPercent({ asked: 3, agreed: 3 })).toBe('100');
    expect(householdAgreedPercent({ asked: 120, agreed: 60 })).toBe('50');
    expect(householdAgreedPercent({ asked: 10000, agreed: 9999 })).toBe('100'); // 99.99 rounds to a whole
    expect(percentText(1, 0)).toBe('0');
    expect(percentText(Number.NaN, 10)).toBe('0');
  });
});
