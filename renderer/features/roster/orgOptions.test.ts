import { describe, expect, it } from 'vitest';
import type { OrgUnit } from '../../../shared/domain/org';
import type { Wording } from '../../i18n/wording';
import { orgListOptions, unitWithLevel } from './orgOptions';

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

describe('unitWithLevel', () => {
  const calls: string[] = [];
  const zh = {
    withNote: (text: string, note: string) => {
      calls.push(text);
      return `${text}（${note}）`;
    },
  } as Wording;
  const levelWords = { community: '社区', compound: '小区' } as Record<string, string>;
  it('words each unit as withNote does, asking the wording once per level', () => {
    calls.length = 0;
    const title = unitWithLevel(zh, (level) => levelWords[level] ?? level);
    const units = [unit('s', null, '胜兴社区', 0), unit('a', 's', '阳光小区', 0), unit('b', 's', '金湖$&花园', 1)];
    expect(units.map(title)).toEqual(['胜兴社区（社区）', '阳光小区（小区）', '金湖$&花园（小区）']);
    expect(calls.every((text) => text === '\u0000')).toBe(true);
  });
  it('falls back to asking per unit when the wording does not hold its text once', () => {
    const noText = { withNote: (_text: string, note: string) => `（${note}）` } as Wording;
    expect(unitWithLevel(noText, (level) => level)(unit('s', null, '胜兴社区', 0))).toBe('（community）');
    const twice = { withNote: (text: string, note: string) => `${text}/${note}/${text}` } as Wording;
    expect(unitWithLevel(twice, (level) => level)(unit('s', null, '胜兴', 0))).toBe('胜兴/community/胜兴');
  });
});
