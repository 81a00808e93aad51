import { describe, expect, it } from 'vitest';
import { buildOrgTree, canDeleteOrgUnit, childLevel, descendantIds, orgPath, orgUnitSchema, type OrgUnit } from './org';

const units: OrgUnit[] = [
  { id: 'd', parentId: null, level: 'district', name: '垦利区', order: 0 },
  { id: 's', parentId: 'd', level: 'subdistrict', name: '垦利街道', order: 0 },
  { id: 'c2', parentId: 's', level: 'community', name: '康居社区', order: 1 },
  { id: 'c1', parentId: 's', level: 'community', name: '胜兴社区', order: 0 },
  { id: 'x', parentId: 'c1', level: 'compound', name: '帝纱富仕城', order: 0 },
  { id: 'g', parentId: 'x', level: 'grid', name: '第一网格', order: 0 },
];

describe('organisation chain', () => {
  it('knows which level comes below which', () => {
    expect(childLevel('district')).toBe('subdistrict');
    expect(childLevel('community')).toBe('compound');
    expect(childLevel('grid')).toBeNull();
  });

  it('builds a tree sorted by order', () => {
    const [root] = buildOrgTree(units);
    expect(root?.unit.name).toBe('垦利区');
    expect(root?.children[0]?.children.map((n) => n.unit.name)).toEqual(['胜兴社区', '康居社区']);
  });

  it('treats units whose parent is missing as roots instead of dropping them', () => {
    const forest = buildOrgTree([...units, { id: 'o', parentId: 'gone', level: 'grid', name: '孤立网格', order: 0 }]);
    expect(forest.map((n) => n.unit.name).sort()).toEqual(['垦利区', '孤立网格'].sort());
  });

  it('finds everything below a unit', () => {
    expect([...descendantIds(units, 'c1')].sort()).toEqual(['c1', 'g', 'x']);
    expect(descendantIds(units, 'g')).toEqual(new Set(['g']));
    // Each list of units answers for itself (the children of a list are remembered per list).
    const moved = units.map((u) => (u.id === 'x' ? { ...u, parentId: 'g' } : u));
    expect([...descendantIds(moved, 'g')].sort()).toEqual(['g', 'x']);
    expect(descendantIds(units, 'g')).toEqual(new Set(['g']));
  });

  it('gives the path from the district down, and survives a cycle', () => {
    expect(orgPath(units, 'g').map((u) => u.name)).toEqual([
      '垦利区',
      '垦利街道',
      '胜兴社区',
      '帝纱富仕城',
      '第一网格',
    ]);
    const cyclic: OrgUnit[] = [
      { id: 'a', parentId: 'b', level: 'grid', name: 'A', order: 0 },
      { id: 'b', parentId: 'a', level: 'grid', name: 'B', order: 0 },
    ];
    expect(orgPath(cyclic, 'a').map((u) => u.id)).toEqual(['b', 'a']);
  });

  it('refuses to delete a unit with children or people', () => {
    expect(canDeleteOrgUnit(units, 'x', 0)).toEqual({ ok: false, reason: 'hasChildren' });
    expect(canDeleteOrgUnit(units, 'g', 3)).toEqual({ ok: false, reason: 'hasPeople' });
    expect(canDeleteOrgUnit(units, 'g', 0)).toEqual({ ok: true });
  });

  it('rejects empty and over-long names', () => {
    expect(orgUnitSchema.safeParse({ ...units[0], name: '  ' }).success).toBe(false);
    expect(orgUnitSchema.safeParse({ ...units[0], name: '长'.repeat(61) }).success).toBe(false);
  });
});
