import { describe, expect, it } from 'vitest';
import type { Matter } from '../domain/matter';
import {
  clampMatterPage,
  isWholeRegister,
  MATTER_PAGE_SIZE,
  newestRaisedFirst,
  passesMatterFilter,
} from './matterList';

const matter = (over: Partial<Matter>): Matter =>
  ({
    id: 'm',
    orgUnitId: 'o1',
    raisedBy: { kind: 'oneOff', name: '王阿姨', phone: '13800000000' },
    alsoRaisedBy: [{ kind: 'anonymous' }],
    channel: '红马扎',
    raisedAt: '2026-11-01',
    category: '停车',
    title: '东门停车难',
    description: '晚上车位不够',
    urgency: 'normal',
    path: 'untriaged',
    createdAt: '2026-11-01T02:00:00.000Z',
    updatedAt: '2026-11-01T02:00:00.000Z',
    ...over,
  }) as Matter;

describe('the 说事登记 list rules', () => {
  it('finds words in the title, description, address and raisers; blank words are no filter', () => {
    const row = { matter: matter({ address: '3号楼' }), stage: 'untriaged' as const };
    for (const text of ['停车难', '车位', '3号楼', '王阿姨', '  '])
      expect(passesMatterFilter(row, { text }, null), text).toBe(true);
    expect(passesMatterFilter(row, { text: '电梯' }, null)).toBe(false);
    expect(passesMatterFilter(row, { openOnly: true }, null)).toBe(true);
    expect(passesMatterFilter({ ...row, stage: 'closed' }, { openOnly: true }, null)).toBe(false);
    expect(passesMatterFilter(row, {}, new Set(['o2']))).toBe(false);
    expect(isWholeRegister({ text: ' ' })).toBe(true);
    expect(isWholeRegister({ openOnly: false })).toBe(true);
    expect(isWholeRegister({ category: '停车' })).toBe(false);
  });

  it('puts the newest raised first, and of one day the one registered last', () => {
    const a = { matter: matter({ id: 'a', raisedAt: '2026-11-02' }), stage: 'untriaged' as const };
    const b = { matter: matter({ id: 'b', createdAt: '2026-11-01T09:00:00.000Z' }), stage: 'untriaged' as const };
    const c = { matter: matter({ id: 'c' }), stage: 'untriaged' as const };
    expect([c, b, a].sort(newestRaisedFirst).map((r) => r.matter.id)).toEqual(['a', 'b', 'c']);
  });

  it('keeps a page within the pages there are', () => {
    expect(clampMatterPage(5, 0)).toBe(0);
    expect(clampMatterPage(5, MATTER_PAGE_SIZE * 2)).toBe(1);
    expect(clampMatterPage(-3, 100)).toBe(0);
    expect(clampMatterPage(Number.NaN, 100)).toBe(0);
    expect(clampMatterPage(1.7, 100)).toBe(1);
  });
});
