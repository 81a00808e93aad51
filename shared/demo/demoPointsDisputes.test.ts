import { describe, expect, it } from 'vitest';
import { buildDemoData } from './demoCommunity';
import { matterEventSchema } from '../domain/matter';
import { disputeSchema, mediationSessionSchema, resolutionRate } from '../matters/disputes';
import { ledgerByResident, pointsEntrySchema } from '../matters/points';

const data = buildDemoData(new Date('2026-12-03T02:00:00Z'));

describe('demo 金点子 points and 矛盾纠纷', () => {
  it('stores valid rows, every 矛盾纠纷 matter a dispute, sessions not before the matter', () => {
    for (const row of data.pointsEntries) pointsEntrySchema.parse(row);
    for (const row of data.disputes) disputeSchema.parse(row);
    for (const row of data.mediationSessions) mediationSessionSchema.parse(row);
    for (const row of data.matterEvents) matterEventSchema.parse(row);
    expect(new Set(data.matterEvents.map((e) => e.id)).size).toBe(data.matterEvents.length);
    const disputeMatters = data.matters.filter((m) => m.category === '矛盾纠纷' && !m.mergedInto);
    expect(data.disputes.map((d) => d.matterId).sort()).toEqual(disputeMatters.map((m) => m.id).sort());
    for (const s of data.mediationSessions) {
      const matter = data.matters.find((m) => m.id === s.matterId)!;
      expect(s.date >= matter.raisedAt).toBe(true);
    }
  });

  it('shows a 化解率 and balances that never go below zero', () => {
    const resolved = data.disputes.filter((d) => d.outcome === 'success').length;
    expect(resolutionRate(data.disputes.length, resolved).percent).toBe(50);
    const ledger = ledgerByResident(data.pointsEntries);
    expect(ledger.length).toBeGreaterThanOrEqual(2);
    expect(ledger.every((r) => r.balance >= 0)).toBe(true);
    expect(ledger.some((r) => r.redeemed > 0)).toBe(true);
  });
});
