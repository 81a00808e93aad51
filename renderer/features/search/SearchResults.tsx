import { memo, useMemo } from 'react';
import { Button, Tag } from 'antd';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { OrgUnit } from '../../../shared/domain/org';
import { highlightParts } from '../../../shared/search/highlight';
import { SEARCH_KINDS, type SearchHit, type SearchKind, type SearchResult } from '../../../shared/search/types';
import { useWording } from '../../i18n/wording';
import './messages';

/** Text with the searched words drawn in <mark>. */
export function Highlighted({ text, words }: { text: string; words: readonly string[] }) {
  const parts = useMemo(() => highlightParts(text, words), [text, words]);
  return <>{parts.map((p, i) => (p.hit ? <mark key={i}>{p.text}</mark> : <span key={i}>{p.text}</span>))}</>;
}

/** The status words the results know (a decision's follow-up state, a matter's path). */
const STATUSES = new Set([
  'notStarted',
  'inProgress',
  'reported',
  'done',
  'untriaged',
  'immediate',
  'pending',
  'escalate',
]);

const STATUS_COLORS: Record<string, string> = {
  notStarted: 'default',
  inProgress: 'blue',
  reported: 'gold',
  done: 'green',
  untriaged: 'red',
  escalate: 'purple',
};

/** One found record: the whole row is a link to it. */
function HitRow({ hit, words, unitName }: { hit: SearchHit; words: readonly string[]; unitName?: string }) {
  const { t } = useTranslation('search');
  const w = useWording();
  const date = hit.date ? w.date(hit.date) : '';
  return (
    <li>
      <Link to={hit.href} className="yishi-search-hit" data-hit={hit.ref}>
        <span className="yishi-search-hit-title">
          <Highlighted text={hit.title} words={words} />
        </span>
        <span className="yishi-search-hit-meta">
          {date ? <span>{date}</span> : null}
          {unitName ? <span>{unitName}</span> : null}
          {hit.status && STATUSES.has(hit.status) ? (
            <Tag color={STATUS_COLORS[hit.status] ?? 'default'}>{t(`statuses.${hit.status}`)}</Tag>
          ) : null}
        </span>
        {hit.snippet && hit.snippet !== hit.title ? (
          <span className="yishi-search-hit-snippet">
            <Highlighted text={hit.snippet} words={words} />
          </span>
        ) : null}
      </Link>
    </li>
  );
}

/** The hits grouped by kind, in a fixed order (会议, 议题, 会议记录 …), each group newest first. */
export const SearchResults = memo(function SearchResults({
  result,
  units,
  onMore,
}: {
  result: SearchResult;
  units: readonly OrgUnit[];
  onMore: () => void;
}) {
  const { t } = useTranslation('search');
  const unitNames = useMemo(() => new Map(units.map((u) => [u.id, u.name])), [units]);
  const groups = useMemo(() => {
    const byKind = new Map<SearchKind, SearchHit[]>();
    for (const hit of result.hits) byKind.set(hit.kind, [...(byKind.get(hit.kind) ?? []), hit]);
    return SEARCH_KINDS.filter((k) => byKind.has(k)).map((kind) => ({ kind, hits: byKind.get(kind)! }));
  }, [result.hits]);
  const count = result.hits.length;
  return (
    <div className="yishi-search-results">
      <p className="yishi-search-summary" role="status">
        {result.more ? t('foundMore', { count }) : t('found', { count })}
      </p>
      {groups.map(({ kind, hits }) => (
        <section key={kind} className="yishi-search-group" data-kind={kind} aria-labelledby={`search-group-${kind}`}>
          <h2 id={`search-group-${kind}`}>
            {t(`kinds.${kind}`)}
            <span className="yishi-search-group-count">{t('groupCount', { count: hits.length })}</span>
          </h2>
          <ul>
            {hits.map((hit) => (
              <HitRow
                key={hit.ref}
                hit={hit}
                words={result.words}
                unitName={hit.orgUnitId ? unitNames.get(hit.orgUnitId) : undefined}
              />
            ))}
          </ul>
        </section>
      ))}
      {result.more ? (
        <Button size="large" onClick={onMore} className="yishi-search-more">
          {t('showMore')}
        </Button>
      ) : null}
    </div>
  );
});
