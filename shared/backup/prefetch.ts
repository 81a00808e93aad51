import type { ReadPage } from './stream';

/**
 * A page reader that asks for the next page of a table as soon as a page arrives, so the
 * database reads it while this thread turns the page into JSON (issue 14: a ten-year backup
 * waited 7–11 s on its pages). Asked for another page than the one read ahead (a new table, a
 * different size), it reads that one as asked; what was read ahead is dropped.
 */
export function prefetchingReader(read: ReadPage): ReadPage {
  let ahead: { table: string; after: unknown; limit: number; page: ReturnType<ReadPage> } | null = null;
  return async (table, after, limit) => {
    const readAhead = ahead && ahead.table === table && ahead.after === after && ahead.limit === limit;
    const page = readAhead ? ahead!.page : read(table, after, limit);
    ahead = null;
    const result = await page;
    if (result.rows.length > 0) {
      const next = read(table, result.lastKey, limit);
      // Its failure is the next call's to report (or nobody's, when no next call comes).
      next.catch(() => undefined);
      ahead = { table, after: result.lastKey, limit, page: next };
    }
    return result;
  };
}
