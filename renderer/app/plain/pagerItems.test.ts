import { describe, expect, it } from 'vitest';
import { pageCount, pagerItems, type PagerItem } from './pagerItems';

/** The pager as read on screen: page numbers, « and » for the jumps, [n] for the current page. */
const shown = (items: PagerItem[]) =>
  items
    .map((i) =>
      i.kind === 'jump-prev'
        ? '«'
        : i.kind === 'jump-next'
          ? '»'
          : i.kind === 'page' && i.active
            ? `[${i.page}]`
            : `${i.page}`,
    )
    .join(' ');

describe('pagerItems', () => {
  it('counts the pages', () => {
    expect(pageCount(0, 20)).toBe(0);
    expect(pageCount(1, 20)).toBe(1);
    expect(pageCount(20, 20)).toBe(1);
    expect(pageCount(21, 20)).toBe(2);
  });

  it('shows every page up to seven', () => {
    expect(shown(pagerItems(1, 20, 0))).toBe('');
    expect(shown(pagerItems(1, 20, 5))).toBe('[1]');
    expect(shown(pagerItems(4, 10, 70))).toBe('1 2 3 [4] 5 6 7');
  });

  it('shows the first, the last, the pages beside the current one and jumps between', () => {
    expect(shown(pagerItems(1, 10, 200))).toBe('[1] 2 3 4 5 » 20');
    expect(shown(pagerItems(3, 10, 200))).toBe('1 2 [3] 4 5 » 20');
    expect(shown(pagerItems(4, 10, 200))).toBe('1 2 3 [4] 5 » 20');
    expect(shown(pagerItems(5, 10, 200))).toBe('1 « 4 [5] 6 » 20');
    expect(shown(pagerItems(10, 10, 200))).toBe('1 « 9 [10] 11 » 20');
    expect(shown(pagerItems(17, 10, 200))).toBe('1 « 16 [17] 18 19 20');
    expect(shown(pagerItems(18, 10, 200))).toBe('1 « 16 17 [18] 19 20');
    expect(shown(pagerItems(20, 10, 200))).toBe('1 « 16 17 18 19 [20]');
  });

  it('jumps five pages, never past the ends', () => {
    const items = pagerItems(10, 10, 200);
    expect(items.find((i) => i.kind === 'jump-prev')?.page).toBe(5);
    expect(items.find((i) => i.kind === 'jump-next')?.page).toBe(15);
    expect(pagerItems(5, 10, 200).find((i) => i.kind === 'jump-prev')?.page).toBe(1);
    expect(pagerItems(17, 10, 200).find((i) => i.kind === 'jump-prev')?.page).toBe(12);
    expect(pagerItems(1, 10, 80).find((i) => i.kind === 'jump-next')?.page).toBe(6);
  });
});
