import { useEffect, useState } from 'react';
import type { YishiDb } from '../../data/db';
import { searchArchive, searchIndexProgress } from '../../data/repos/searchRepo';
import type { IndexProgress, SearchFilters, SearchResult } from '../../../shared/search/types';

/** How often the screen asks how far the index of older records has got, while it is not done. */
const PROGRESS_POLL_MS = 2000;

export type SearchState =
  | { status: 'idle' }
  | { status: 'loading'; last?: SearchResult }
  | { status: 'done'; result: SearchResult }
  | { status: 'failed'; error: unknown };

/**
 * The archive searched for the words and filters, up to `limit` hits. Nothing is searched for
 * blank words (the screen shows how to search instead). While a new search runs the last result
 * stays on screen, so raising the limit (显示更多) does not blank the list; an older search that
 * answers late is dropped. `again` changes when the results may have grown (the index finished).
 */
export function useArchiveSearch(
  db: YishiDb,
  query: string,
  filters: SearchFilters,
  limit: number,
  again: unknown,
): SearchState {
  const [state, setState] = useState<SearchState>({ status: 'idle' });
  // The filters by value: a new object with the same filters is the same search.
  const filtersKey = JSON.stringify(filters);
  useEffect(() => {
    if (!query.trim()) {
      setState({ status: 'idle' });
      return;
    }
    let current = true;
    setState((before) => ({
      status: 'loading',
      last: before.status === 'done' ? before.result : before.status === 'loading' ? before.last : undefined,
    }));
    const started = performance.now();
    searchArchive(db, query, JSON.parse(filtersKey) as SearchFilters, limit).then(
      (result) => {
        // The reading alone, for the benchmark (bench/browser/search.ts).
        performance.measure('yishi:search-read', { start: started, end: performance.now() });
        if (current) setState({ status: 'done', result });
      },
      (error: unknown) => current && setState({ status: 'failed', error }),
    );
    return () => {
      current = false;
    };
  }, [db, query, filtersKey, limit, again]);
  return state;
}

/**
 * How far the index of the records stored before the search existed has got: asked at once and
 * every 2 s until it is complete. A failed question is asked again at the next tick.
 */
export function useIndexProgress(db: YishiDb): IndexProgress | null {
  const [progress, setProgress] = useState<IndexProgress | null>(null);
  const complete = progress?.complete ?? false;
  useEffect(() => {
    if (complete) return;
    let current = true;
    let timer: number | undefined;
    const ask = () => {
      searchIndexProgress(db)
        .then((p) => current && setProgress(p))
        .catch((error: unknown) => console.warn('search index progress', error))
        .finally(() => {
          if (current) timer = window.setTimeout(ask, PROGRESS_POLL_MS);
        });
    };
    ask();
    return () => {
      current = false;
      window.clearTimeout(timer);
    };
  }, [db, complete]);
  return progress;
}
