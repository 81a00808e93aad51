import { describe, expect, it } from 'vitest';
import { formatRate, satisfaction, tally } from './satisfaction';

describe('the satisfaction rule', () => {
  it('counts 满意 and 基本满意 over all ratings', () => {
    const v = satisfaction({ satisfied: 6, basic: 2, unsatisfied: 2 }, 80);
    expect(v).toMatchObject({ ok: true, total: 10, favourable: 8, rate: 0.8, passed: true });
  });
  it('passes at exactly the threshold and fails one rating below it', () => {
    expect(satisfaction({ satisfied: 4, basic: 0, unsatisfied: 1 }, 80)).toMatchObject({ passed: true });
    expect(satisfaction({ satisfied: 79, basic: 0, unsatisfied: 21 }, 80)).toMatchObject({ passed: false });
    // 0.8 in binary is not exact: 4/5*100 compared as floats could say 79.999…
    expect(satisfaction({ satisfied: 0, basic: 4, unsatisfied: 1 }, 80)).toMatchObject({ passed: true });
    expect(satisfaction({ satisfied: 7999, basic: 0, unsatisfied: 2001 }, 80)).toMatchObject({ passed: false });
  });
  it('refuses zero ratings rather than calling them 0 % or 100 %', () => {
    expect(satisfaction({ satisfied: 0, basic: 0, unsatisfied: 0 }, 80)).toMatchObject({
      ok: false,
      message: '没有评议票，不能计算满意度',
      refusal: { table: 'publicity', code: 'noVotes' },
    });
  });
  it('handles huge counts exactly and refuses absurd or broken ones', () => {
    const big = satisfaction({ satisfied: 800_000, basic: 0, unsatisfied: 200_000 }, 80);
    expect(big).toMatchObject({ ok: true, total: 1_000_000, passed: true });
    expect(satisfaction({ satisfied: 1_000_001, basic: 0, unsatisfied: 0 }, 80).ok).toBe(false);
    expect(satisfaction({ satisfied: Number.MAX_SAFE_INTEGER, basic: 1, unsatisfied: 0 }, 80).ok).toBe(false);
    expect(satisfaction({ satisfied: -1, basic: 5, unsatisfied: 0 }, 80).ok).toBe(false);
    expect(satisfaction({ satisfied: 1.5, basic: 5, unsatisfied: 0 }, 80).ok).toBe(false);
    expect(satisfaction({ satisfied: NaN, basic: 5, unsatisfied: 0 }, 80).ok).toBe(false);
    expect(satisfaction({ satisfied: 1, basic: 1, unsatisfied: 0 }, 0).ok).toBe(false);
    expect(satisfaction({ satisfied: 1, basic: 1, unsatisfied: 0 }, 101).ok).toBe(false);
    const refusal = (counts: Parameters<typeof satisfaction>[0]) => {
      const v = satisfaction(counts, 80);
      return v.ok ? null : [v.refusal.code, v.message];
    };
    expect(refusal({ satisfied: 1_000_001, basic: 0, unsatisfied: 0 })).toEqual([
      'countTooLarge',
      '人数不能超过1000000',
    ]);
    expect(refusal({ satisfied: -1, basic: 5, unsatisfied: 0 })).toEqual(['countNegative', '人数不能为负数']);
    expect(refusal({ satisfied: NaN, basic: 5, unsatisfied: 0 })).toEqual(['countNotInteger', '人数必须是整数']);
  });
  it('shows the rate rounded down, so a failing rate never reads 80.0 %', () => {
    expect(formatRate(7996, 10000)).toBe('79.9%');
    expect(formatRate(4, 5)).toBe('80.0%');
    expect(formatRate(1, 3)).toBe('33.3%');
    expect(formatRate(0, 0)).toBe('—');
  });
  it('tallies person-by-person ratings', () => {
    expect(tally([{ rating: 'satisfied' }, { rating: 'unsatisfied' }, { rating: 'satisfied' }])).toEqual({
      satisfied: 2,
      basic: 0,
      unsatisfied: 1,
    });
  });
});
