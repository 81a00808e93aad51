import { describe, expect, it } from 'vitest';
import { SAVED_SEARCHES_MAX, withSavedSearch, type SavedSearch } from './savedSearch';

const search = (name: string, query = '电梯'): SavedSearch => ({ name, query, filters: {} });

describe('withSavedSearch', () => {
  it('puts a new search first', () => {
    expect(withSavedSearch([search('甲')], search('乙'))?.map((s) => s.name)).toEqual(['乙', '甲']);
  });

  it('replaces a search of the same name', () => {
    const list = withSavedSearch([search('甲'), search('乙', '停车')], search('乙', '垃圾分类'));
    expect(list).toEqual([search('乙', '垃圾分类'), search('甲')]);
  });

  it('refuses a new name when the list is full, but still replaces one', () => {
    const full = Array.from({ length: SAVED_SEARCHES_MAX }, (_, i) => search(`第${i}个`));
    expect(withSavedSearch(full, search('再一个'))).toBeNull();
    expect(withSavedSearch(full, search('第3个', '信鸽'))?.[0]).toEqual(search('第3个', '信鸽'));
  });
});
