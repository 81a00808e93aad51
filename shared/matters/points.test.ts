import { describe, expect, it } from 'vitest';
import {
  awardPoints,
  balanceOf,
  DEFAULT_POINTS_RULES,
  ledgerByResident,
  MAX_ENTRY_POINTS,
  pointsEntrySchema,
  pointsRulesSchema,
  redeemRefusal,
  residentKeyOf,
  reversalRefusal,
  standingAwards,
  type PointsEntry,
} from './points';

function entry(kind: PointsEntry['kind'], points: number, key = 'p:1', name = '王秀兰'): PointsEntry {
  return {
    id: `${kind}${points}${Math.random()}`,
    residentKey: key,
    residentName: name,
    kind,
    points,
    reason: '事由',
    at: '2026-12-01T00:00:00Z',
    by: '',
  };
}

describe('points ledger arithmetic', () => {
  it('sums earned and redeemed into a balance', () => {
    expect(balanceOf([entry('earn', 10), entry('earn', 5), entry('redeem', 12)])).toEqual({
      earned: 15,
      redeemed: 12,
      balance: 3,
    });
    expect(balanceOf([])).toEqual({ earned: 0, redeemed: 0, balance: 0 });
  });

  it('refuses to redeem more than the balance, so it never goes negative', () => {
    const ledger = [entry('earn', 10), entry('redeem', 4)];
    expect(redeemRefusal(ledger, 6, '理发')).toBeNull();
    expect(redeemRefusal(ledger, 7, '理发')?.message).toBe('积分不足：现有6分，不能兑换7分');
    expect(redeemRefusal([], 1, '理发')?.message).toBe('积分不足：现有0分，不能兑换1分');
  });

  it('refuses odd amounts and a missing service', () => {
    const ledger = [entry('earn', 10)];
    for (const bad of [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 60])
      expect(redeemRefusal(ledger, bad, '理发'), String(bad)).not.toBeNull();
    expect(redeemRefusal(ledger, MAX_ENTRY_POINTS + 1, '理发')?.message).toBe(`一次兑换不能超过${MAX_ENTRY_POINTS}分`);
    expect(redeemRefusal(ledger, 1, '  ')?.message).toBe('请写明兑换的服务');
  });

  it('keeps huge totals exact: many maximal entries still add up', () => {
    const many = Array.from({ length: 10_000 }, () => entry('earn', MAX_ENTRY_POINTS));
    expect(balanceOf(many).balance).toBe(1_000_000_000);
    expect(pointsEntrySchema.safeParse(entry('earn', MAX_ENTRY_POINTS + 1)).success).toBe(false);
    expect(pointsEntrySchema.safeParse(entry('earn', 0)).success).toBe(false);
  });

  it('a rule change changes future awards only: stored entries keep their points', () => {
    const past = [entry('earn', awardPoints(DEFAULT_POINTS_RULES, 'golden'))];
    const rules = { ...DEFAULT_POINTS_RULES, golden: 50 };
    expect(balanceOf(past).balance).toBe(10);
    expect(awardPoints(rules, 'golden')).toBe(50);
    expect(balanceOf([...past, entry('earn', awardPoints(rules, 'golden'))]).balance).toBe(60);
  });

  it('validates edited rules', () => {
    expect(pointsRulesSchema.safeParse({ golden: 20, goodMethod: 8 }).success).toBe(true);
    for (const golden of [-1, 2.5, MAX_ENTRY_POINTS + 1])
      expect(pointsRulesSchema.safeParse({ golden, goodMethod: 1 }).success).toBe(false);
  });

  it('ranks residents by balance, highest first', () => {
    const rows = ledgerByResident([
      entry('earn', 10, 'p:1', '王秀兰'),
      entry('earn', 30, 'p:2', '李明'),
      entry('redeem', 25, 'p:2', '李明'),
      entry('earn', 5, 'n:赵强|13800000000', '赵强'),
    ]);
    expect(rows.map((r) => [r.residentName, r.balance])).toEqual([
      ['王秀兰', 10],
      ['李明', 5],
      ['赵强', 5],
    ]);
  });

  it('gives a ledger to roster residents and named people with a phone, never to the anonymous', () => {
    expect(residentKeyOf({ kind: 'resident', personId: 'x', name: '王' })?.key).toBe('p:x');
    expect(residentKeyOf({ kind: 'oneOff', name: '赵强', phone: '13800000000' })?.key).toBe('n:赵强|13800000000');
    expect(residentKeyOf({ kind: 'oneOff', name: '赵强' })).toBeNull();
    expect(residentKeyOf({ kind: 'anonymous' })).toBeNull();
  });
});

describe('taking back an award (撤销)', () => {
  const award = { ...entry('earn', 10), id: 'a1' };
  const reversal = { ...entry('reverse', 10), reverses: 'a1' };

  it('is a new entry: the award stays on record, the balance and 累计获得 drop, and it cannot be taken back twice', () => {
    expect(reversalRefusal([award], 'a1', '评错了事项')).toBeNull();
    expect(balanceOf([award, reversal])).toEqual({ earned: 0, redeemed: 0, balance: 0 });
    expect(standingAwards([award, reversal])).toEqual([]);
    expect(reversalRefusal([award, reversal], 'a1', '再撤一次')?.message).toBe('这笔积分已经撤销过了');
    expect(pointsEntrySchema.safeParse(reversal).success).toBe(true);
  });

  it('needs a reason, a real award, and never leaves the balance below zero', () => {
    expect(reversalRefusal([award], 'a1', '  ')?.message).toBe('撤销积分必须写明原因');
    expect(reversalRefusal([award], 'a1', '因'.repeat(151))?.message).toMatch(/不能超过150个字/);
    expect(reversalRefusal([award], 'nope', '评错了')?.message).toBe('找不到要撤销的积分记录');
    const spent = [award, entry('redeem', 6)];
    expect(reversalRefusal(spent, 'a1', '评错了')?.message).toBe(
      '积分已用于兑换：现有4分，撤销需扣回10分，余额不能为负，不能撤销',
    );
    // With another award covering it, the balance stays at or above zero: allowed.
    expect(reversalRefusal([...spent, entry('earn', 6)], 'a1', '评错了')).toBeNull();
  });
});
