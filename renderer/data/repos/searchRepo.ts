import type { YishiDb } from '../db';
import type { IndexProgress, SearchFilters, SearchResult } from '../../../shared/search/types';

/**
 * The archive search (issue 13): newest first, up to `limit` hits.
 * Placeholder while the index lands: finds nothing.
 */
export async function searchArchive(
  _db: YishiDb,
  query: string,
  _filters: SearchFilters,
  _limit: number,
): Promise<SearchResult> {
  return { hits: [], words: query.trim() ? [query.trim()] : [], more: false, tooShort: query.trim().length < 2 };
}

/** How far the index of older records has got (the search screen shows it while incomplete). */
export async function searchIndexProgress(_db: YishiDb): Promise<IndexProgress> {
  return { indexed: 0, total: 0, complete: true };
}
