import { useEffect, useState } from 'react';
import type { YishiDb } from '../../data/db';
import { searchIndexProgress } from '../../data/repos/searchRepo';
import { searcherFor } from '../../data/searchClient';
import type { IndexProgress, SearchFilters, SearchResult } from '../../../shared/search/types';

/** How often the screen asks how far the index of older records has got, while it is not done. */
const PROGRESS_POLL_MS = 2000;

export type SearchState =
  | { status: 'idle' }
  | { status: 'loading'; last?: SearchResult }
  | { status: 'done'; result: SearchResult }
  | { status: 'failed'; error: unknown };

/** What a finished search answered, and for which search. */
type Answer = { key: string } & ({ result: SearchResult } | { error: unknown });

/**
 * The archive searched for the words and filters, up to `limit` hits. Nothing is searched for
 * blank words (the screen shows how to search instead). While a new search runs the last result
 * stays on screen, so raising the limit (显示更多) does not blank the list; an older search that
 * answers late is dropped. `again` changes when the results may have grown (the index finished).
 *
 * "Loading" is worked out while rendering (the answer is for another search), not set as state
 * before reading: that extra render of the page ran on the main thread while the first page was
 * read, and took 4–9 ms of its ~25.
 */
export function useArchiveSearch(
  db: YishiDb,
  query: string,
  filters: SearchFilters,
  limit: number,
  again: unknown,
): SearchState {
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [last, setLast] = useState<SearchResult | undefined>(undefined);
  // The filters by value: a new object with the same filters is the same search.
  const filtersKey = JSON.stringify(filters);
  const blank = !query.trim();
  const key = JSON.stringify([query, filtersKey, limit, again === undefined ? null : again]);
  useEffect(() => {
    if (blank) {
      // Words typed after clearing the box start without the old list behind their spinner.
      setLast(undefined);
      return;
    }
    let current = true;
    const started = performance.now();
    searcherFor(db)
      .search(query, JSON.parse(filtersKey) as SearchFilters, limit)
      .then(
        (result) => {
          // The reading alone, for the benchmark (bench/browser/search.ts).
          performance.measure('yishi:search-read', { start: started, end: performance.now() });
          if (!current) return;
          setAnswer({ key, result });
          setLast(result);
        },
        (error: unknown) => current && setAnswer({ key, error }),
      );
    return () => {
      current = false;
    };
  }, [db, query, filtersKey, limit, key, blank]);
  if (blank) return { status: 'idle' };
  if (answer?.key !== key) return { status: 'loading', ...(last ? { last } : {}) };
  return 'result' in answer ? { status: 'done', result: answer.result } : { status: 'failed', error: answer.error };
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
