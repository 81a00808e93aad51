import { useCallback, useEffect, useMemo, useState } from 'react';
import { Alert, Button, Input, Spin } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { SAVED_SEARCH_QUERY_MAX } from '../../../shared/search/savedSearch';
import type { SearchFilters as Filters } from '../../../shared/search/types';
import { useApp } from '../../app/AppContext';
import { useOrgUnits } from '../../data/useTables';
import { errorText } from '../../i18n/errorText';
import { SavedSearches } from './SavedSearches';
import { SearchFilters } from './SearchFilters';
import { hasFilters, readSearchView, searchViewParams, type SearchView } from './searchParams';
import { SearchResults } from './SearchResults';
import { useArchiveSearch, useIndexProgress } from './useArchiveSearch';
import { searcherFor } from '../../data/searchClient';
import './messages';
import './search.css';

/** Hits shown at first, and added by each 显示更多: a first page quick to read (bench part search). */
const PAGE = 30;

/**
 * 全库检索 (issue 13): one large box for the words, filters below it, the hits grouped by kind
 * with the words marked. The search is in the address (searchParams.ts): Back from an opened
 * record returns to it, and a saved search is only an address kept under a name.
 */
export function SearchPage() {
  const { t } = useTranslation('search');
  const { db } = useApp();
  const units = useOrgUnits(db);
  const [params, setParams] = useSearchParams();
  const view = useMemo(() => readSearchView(params), [params]);
  const [typed, setTyped] = useState(view.query);
  // The box follows the address when it changes from outside (Back, a saved search, the header's box).
  useEffect(() => setTyped(view.query), [view.query]);
  // The filters on screen change at once; the address follows in a transition (react-router), which
  // a long list of hits can hold back: a tick box drawn from the address alone would flick back.
  const [filters, setFilters] = useState(view.filters);
  const addressFilters = JSON.stringify(view.filters);
  useEffect(() => setFilters(JSON.parse(addressFilters) as Filters), [addressFilters]);
  // 显示更多 raises the limit of this search only: other words or filters start again at 100.
  const searchKey = `${view.query}\n${JSON.stringify(filters)}`;
  const [raised, setRaised] = useState({ key: searchKey, limit: PAGE });
  const limit = raised.key === searchKey ? raised.limit : PAGE;

  // The search worker starts with the screen, so the first words typed do not wait for it.
  useEffect(() => searcherFor(db).warm(), [db]);
  const progress = useIndexProgress(db);
  const indexing = progress !== null && !progress.complete;
  // Search again once the index is complete: older records can be found from then on.
  const state = useArchiveSearch(db, view.query, filters, limit, progress?.complete);

  const go = useCallback(
    (next: SearchView, how: 'push' | 'replace') => setParams(searchViewParams(next), { replace: how === 'replace' }),
    [setParams],
  );
  // New words are a new step in the history (Back returns to the words before); a filter is not.
  const search = (words: string) => go({ query: words, filters }, words.trim() === view.query ? 'replace' : 'push');
  const changeFilters = useCallback(
    (next: Filters) => {
      setFilters(next);
      go({ query: view.query, filters: next }, 'replace');
    },
    [go, view.query],
  );
  const more = useCallback(() => setRaised({ key: searchKey, limit: limit + PAGE }), [searchKey, limit]);

  const shown = state.status === 'done' ? state.result : state.status === 'loading' ? state.last : undefined;
  return (
    <div
      className="yishi-page yishi-search"
      data-search-state={state.status}
      // For the benchmark (bench/browser/search.ts): which words' results are on screen.
      data-search-shown={state.status === 'done' ? view.query : undefined}
      data-search-hits={state.status === 'done' ? state.result.hits.length : undefined}
    >
      <div className="yishi-page-header">
        <h1>{t('title')}</h1>
      </div>
      <p className="yishi-lead">{t('lead')}</p>
      <Input.Search
        className="yishi-search-box"
        size="large"
        autoFocus
        allowClear
        enterButton={t('searchButton')}
        maxLength={SAVED_SEARCH_QUERY_MAX}
        placeholder={t('placeholder')}
        aria-label={t('box')}
        value={typed}
        onChange={(e) => setTyped(e.target.value)}
        onSearch={search}
      />
      <SearchFilters filters={filters} units={units} onChange={changeFilters} />
      <SavedSearches current={{ query: view.query, filters }} onOpen={(next) => go(next, 'push')} />
      {indexing ? (
        <Alert
          className="yishi-search-indexing"
          type="info"
          showIcon
          title={t('indexing', { indexed: progress.indexed, total: progress.total })}
        />
      ) : null}
      {state.status === 'idle' ? (
        <SearchHelp />
      ) : state.status === 'failed' ? (
        <Alert type="error" showIcon title={t('failed', { message: errorText(t, state.error) })} />
      ) : shown?.tooShort ? (
        <Alert type="warning" showIcon title={t('tooShort')} />
      ) : shown && shown.hits.length === 0 ? (
        <NoHits query={view.query} filtered={hasFilters(filters)} onClear={() => changeFilters({})} />
      ) : shown ? (
        <Spin spinning={state.status === 'loading'}>
          <SearchResults result={shown} units={units} onMore={more} />
        </Spin>
      ) : (
        <Spin tip={t('searching')}>
          <div className="yishi-search-waiting" />
        </Spin>
      )}
    </div>
  );
}

function SearchHelp() {
  const { t } = useTranslation('search');
  return (
    <section className="yishi-search-help" aria-labelledby="search-help-title">
      <h2 id="search-help-title">{t('help.title')}</h2>
      <ul>
        <li>{t('help.words')}</li>
        <li>{t('help.narrow')}</li>
        <li>{t('help.open')}</li>
      </ul>
    </section>
  );
}

function NoHits({ query, filtered, onClear }: { query: string; filtered: boolean; onClear: () => void }) {
  const { t } = useTranslation('search');
  return (
    <Alert
      type="info"
      showIcon
      title={t('noHits', { query: query.trim() })}
      description={filtered ? t('noHitsFiltered') : t('noHitsPlain')}
      action={filtered ? <Button onClick={onClear}>{t('clearFilters')}</Button> : undefined}
    />
  );
}
