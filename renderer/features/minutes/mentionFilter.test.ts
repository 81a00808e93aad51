import { describe, expect, it } from 'vitest';
import { filterAttendees, MAX_SUGGESTIONS, moveSelection } from './mentionFilter';

const people = [
  { id: '1', name: '张丽华', unit: '幸福小区党支部' },
  { id: '2', name: '李建国', unit: '业委会' },
  { id: '3', name: '王芳', unit: '鸿运物业公司' },
  { id: '4', name: '赵丽', unit: '垦利街道' },
  { id: '5', name: '张强' },
];
const names = (list: { name: string }[]) => list.map((p) => p.name);

describe('filterAttendees', () => {
  it('lists everyone in attendance order for an empty query, capped', () => {
    expect(names(filterAttendees('', people))).toEqual(['张丽华', '李建国', '王芳', '赵丽', '张强']);
    const many = Array.from({ length: 20 }, (_, i) => ({ id: `${i}`, name: `居民${i}` }));
    expect(filterAttendees('', many)).toHaveLength(MAX_SUGGESTIONS);
  });

  it('matches by name, name prefix first', () => {
    expect(names(filterAttendees('张', people))).toEqual(['张丽华', '张强']);
    expect(names(filterAttendees('丽', people))).toEqual(['张丽华', '赵丽']);
  });

  it('matches by pinyin initials, case-insensitively', () => {
    expect(names(filterAttendees('zlh', people))).toEqual(['张丽华']);
    expect(names(filterAttendees('Z', people))).toEqual(['张丽华', '赵丽', '张强']);
    expect(names(filterAttendees('jg', people))).toEqual(['李建国']);
  });

  it('matches by full pinyin, as typed with the IME switched to English', () => {
    expect(names(filterAttendees('li', people))).toEqual(['李建国', '张丽华', '赵丽']);
    expect(names(filterAttendees('zhangqiang', people))).toEqual(['张强']);
    expect(names(filterAttendees('wangf', people))).toEqual(['王芳']);
  });

  it('matches by unit after names', () => {
    expect(names(filterAttendees('物业', people))).toEqual(['王芳']);
    expect(names(filterAttendees('业委', people))).toEqual(['李建国']);
  });

  it('finds nobody for a query that matches nothing', () => {
    expect(filterAttendees('xyz', people)).toEqual([]);
  });
});

describe('moveSelection', () => {
  it('wraps at both ends', () => {
    expect(moveSelection(0, -1, 3)).toBe(2);
    expect(moveSelection(2, 1, 3)).toBe(0);
    expect(moveSelection(1, 1, 3)).toBe(2);
    expect(moveSelection(0, 1, 0)).toBe(0);
  });
});
