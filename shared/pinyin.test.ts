import { describe, expect, it } from 'vitest';
import { pinyinInitials } from './pinyin';

describe('pinyinInitials', () => {
  it('takes the first letter of each character', () => {
    expect(pinyinInitials('张丽华')).toBe('zlh');
    expect(pinyinInitials(' 王建国 ')).toBe('wjg');
  });
  it('keeps latin letters of mixed names in lower case', () => {
    expect(pinyinInitials('李Anna')).toBe('lanna');
  });
});
