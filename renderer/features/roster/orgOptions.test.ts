import { describe, expect, it } from 'vitest';
import type { OrgUnit } from '../../../shared/domain/org';
import { orgListOptions } from './orgOptions';

const unit = (id: string, parentId: string | null, name: string, order: number): OrgUnit => ({
  id,
  parentId,
  level: parentId ? 'compound' : 'community',
  name,
  order,
});

describe('orgListOptions', () => {
  it('lists parents before their children, siblings by order, with their depth', () => {
    const units = [
      unit('c2', 's', '金湖花园', 2),
      unit('s', null, '胜兴社区', 0),
      unit('g', 'c1', '第一网格', 0),
      unit('c1', 's', '阳光小区', 1),
    ];
    expect(orgListOptions(units, (u) => u.name).map((o) => [o.value, o.depth, o.title])).toEqual([
      ['s', 0, '胜兴社区'],
      ['c1', 1, '阳光小区'],
      ['g', 2, '第一网格'],
      ['c2', 1, '金湖花园'],
    ]);
  });
  it('does not loop on a damaged tree (a unit its own parent, two units each other’s)', () => {
    const units = [
      unit('s', null, '社区', 0),
      unit('a', 'a', '甲', 0),
      unit('b', 'c', '乙', 0),
      unit('c', 'b', '丙', 0),
    ];
    expect(orgListOptions(units, (u) => u.name).map((o) => o.value)).toEqual(['s']);
  });
});
