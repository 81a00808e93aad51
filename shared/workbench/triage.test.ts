import { describe, expect, it } from 'vitest';
import type { Matter } from '../domain/matter';
import { mattersToTriage } from './triage';

function matter(id: string, over: Partial<Matter> = {}): Matter {
  return {
    id,
    orgUnitId: 'c1',
    raisedBy: { kind: 'anonymous' },
    alsoRaisedBy: [],
    channel: '微信说事群',
    raisedAt: '2026-11-01',
    category: '停车',
    title: `事项${id}`,
    urgency: 'normal',
    path: 'untriaged',
    createdAt: '2026-11-01T02:00:00.000Z',
    updatedAt: '2026-11-01T02:00:00.000Z',
    ...over,
  };
}

describe('待分流 on the 工作台', () => {
  const all = [
    matter('old', { raisedAt: '2026-10-20' }),
    matter('new'),
    matter('urgent', { urgency: 'urgent', raisedAt: '2026-11-05' }),
    matter('critical', { urgency: 'critical', raisedAt: '2026-11-06' }),
    matter('triaged', { path: 'pending' }),
    matter('closed', { closedAt: '2026-11-02T00:00:00.000Z' }),
    matter('merged', { mergedInto: 'new' }),
    matter('elsewhere', { orgUnitId: 'c2' }),
  ];

  it('untriaged, open matters; most urgent first, then the longest waiting', () => {
    expect(mattersToTriage(all, null).map((m) => m.id)).toEqual(['critical', 'urgent', 'old', 'elsewhere', 'new']);
  });

  it('only those of the units looked at', () => {
    expect(mattersToTriage(all, new Set(['c2'])).map((m) => m.id)).toEqual(['elsewhere']);
  });
});
