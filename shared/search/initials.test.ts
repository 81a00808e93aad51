import { describe, expect, it } from 'vitest';
import { nameInitials } from './initials';
import { pinyinInitials } from '../pinyin';

describe('nameInitials', () => {
  it('gives the pinyin initials of common names', () => {
    expect(nameInitials('张丽华')).toBe('zlh');
    expect(nameInitials('欧阳明远')).toBe('oymy');
    expect(nameInitials(' 王建国 ')).toBe('wjg');
  });

  it('keeps Latin letters and drops what has no initial', () => {
    expect(nameInitials('Li 明')).toBe('lim');
    expect(nameInitials('3号楼')).toBe('hl');
  });

  it('agrees with the roster’s pinyin on the demo community’s names but for polyphones', async () => {
    const { buildDemoData } = await import('../demo/demoCommunity');
    const names = buildDemoData(new Date('2026-11-20T00:00:00Z')).people.map((p) => p.name);
    const differ = names.filter((n) => nameInitials(n) !== pinyinInitials(n));
    expect(names.length).toBeGreaterThan(50);
    // Only names with a character of two readings may differ (长 as cháng or zhǎng).
    const POLYPHONES = /[长翟覃单曾解朴查区仇乐尉万重藏]/u;
    expect(differ.filter((n) => !POLYPHONES.test(n))).toEqual([]);
    expect(differ.length / names.length).toBeLessThan(0.1);
  });
});
