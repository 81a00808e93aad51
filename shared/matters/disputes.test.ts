import { describe, expect, it } from 'vitest';
import { mediationSessionSchema, resolutionRate } from './disputes';

describe('化解率', () => {
  it('is resolved over all disputes logged, one decimal, as the 垦利 report states it', () => {
    // 排查各类社区矛盾纠纷5077件，已化解完成5012件，化解率达到98.7%
    expect(resolutionRate(5077, 5012)).toEqual({ total: 5077, resolved: 5012, percent: 98.7 });
  });
  it('counts disputes still in mediation in the total', () => {
    expect(resolutionRate(3, 1).percent).toBe(33.3);
    expect(resolutionRate(3, 2).percent).toBe(66.7);
    expect(resolutionRate(1, 1).percent).toBe(100);
  });
  it('has no rate without disputes, and survives odd counts', () => {
    expect(resolutionRate(0, 0).percent).toBeNull();
    expect(resolutionRate(-1, 0).percent).toBeNull();
    expect(resolutionRate(Number.NaN, 1).percent).toBeNull();
    expect(resolutionRate(2, 5).percent).toBe(100);
  });
});

describe('mediation sessions', () => {
  it('need a real date, a place and what was agreed', () => {
    const base = {
      id: 's',
      matterId: 'm',
      date: '2026-11-20',
      place: '平和茶社',
      agreed: '双方同意',
      createdAt: 'x',
      by: '',
    };
    expect(mediationSessionSchema.safeParse(base).success).toBe(true);
    expect(mediationSessionSchema.safeParse({ ...base, date: '2026-02-30' }).success).toBe(false);
    expect(mediationSessionSchema.safeParse({ ...base, place: ' ' }).success).toBe(false);
  });
});
