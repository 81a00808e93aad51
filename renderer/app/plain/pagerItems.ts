/** One entry of a pager between its 上一页 and 下一页 buttons. */
export type PagerItem =
  | { kind: 'page'; page: number; active: boolean; afterJumpPrev: boolean; beforeJumpNext: boolean }
  | { kind: 'jump-prev' | 'jump-next'; page: number };

/** How many pages the ••• entries skip, and how many pages stay beside the current one (antd's). */
const JUMP = 5;
const BUFFER = 2;

/** The number of pages (none for no rows). */
export function pageCount(total: number, pageSize: number): number {
  return Math.floor((total - 1) / pageSize) + 1;
}

/**
 * The entries antd's (rc-pagination's) pager shows for page `current`: every page up to seven,
 * else the first, the last, two either side of the current one and a ••• jump between.
 * Kept to its rules so the plain pager reads and behaves as the one on the other screens.
 */
export function pagerItems(current: number, pageSize: number, total: number): PagerItem[] {
  const pages = Math.max(0, pageCount(total, pageSize));
  type Page = Extract<PagerItem, { kind: 'page' }>;
  const page = (p: number): Page => ({
    kind: 'page',
    page: p,
    active: p === current,
    afterJumpPrev: false,
    beforeJumpNext: false,
  });
  if (pages <= 3 + BUFFER * 2) return Array.from({ length: pages }, (_, i) => page(i + 1));

  let left = Math.max(1, current - BUFFER);
  let right = Math.min(current + BUFFER, pages);
  if (current - 1 <= BUFFER) right = 1 + BUFFER * 2;
  if (pages - current <= BUFFER) left = pages - BUFFER * 2;
  const jumpPrev = current - 1 >= BUFFER * 2 && current !== 1 + 2;
  const jumpNext = pages - current >= BUFFER * 2 && current !== pages - 2;
  if (jumpPrev && right !== pages) left += 1;
  if (jumpNext && left !== 1) right -= 1;

  const items: PagerItem[] = [];
  for (let p = left; p <= right; p += 1) items.push(page(p));
  const first = items[0];
  const last = items[items.length - 1];
  if (jumpPrev && first?.kind === 'page') first.afterJumpPrev = true;
  if (jumpNext && last?.kind === 'page') last.beforeJumpNext = true;
  if (jumpPrev) items.unshift({ kind: 'jump-prev', page: Math.max(1, current - JUMP) });
  if (jumpNext) items.push({ kind: 'jump-next', page: Math.min(pages, current + JUMP) });
  // The first and the last page after the jumps, as rc-pagination adds them (not marked active).
  if (left !== 1) items.unshift({ ...page(1), active: false });
  if (right !== pages) items.push({ ...page(pages), active: false });
  return items;
}
