import { memo, useMemo, useState } from 'react';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { RouteLink } from '../../app/RouteLink';
import type { BoardRow, GroupCount, Grouping } from '../../../shared/followup/board';
import { plainFollowupTags } from './tags';
import { PlainTable, PLAIN_TAGS, type PlainColumn, type PlainTags } from '../../app/PlainTable';
import './messages';
import { useWording } from '../../i18n/wording';

/** The board's columns, worded once per language (not for every page and filter change). */
function useBoardColumns(tags: PlainTags): PlainColumn<BoardRow>[] {
  const { t } = useTranslation('followup');
  const w = useWording();
  return useMemo(
    () => [
      {
        title: t('columns.what'),
        key: 'what',
        width: '20%',
        // A 吹哨报到 task is followed on its matter's page (上报与协调).
        render: (r) => (
          <RouteLink to={r.source ? `/matters/${r.source.matterId}` : `/followup/${r.decision.id}`}>
            {r.decision.title}
          </RouteLink>
        ),
      },
      {
        title: t('columns.responsible'),
        key: 'responsible',
        width: '12%',
        render: (r) => r.decision.responsible.name,
      },
      {
        title: t('columns.deadline'),
        key: 'deadline',
        width: '12%',
        // 2026年12月17日 on one line, in large type too.
        render: (r) => <span style={{ whiteSpace: 'nowrap' }}>{w.date(r.decision.deadline)}</span>,
      },
      {
        title: t('columns.supervisor'),
        key: 'supervisor',
        width: '9%',
        render: (r) => r.decision.supervisor.name,
      },
      {
        title: t('columns.state'),
        key: 'state',
        width: '13%',
        render: (r) => plainFollowupTags(r.decision.status, r.timing, t, tags),
      },
      {
        title: t('columns.meeting'),
        key: 'meeting',
        width: '17%',
        render: (r) =>
          r.source ? (
            <RouteLink to={`/matters/${r.source.matterId}`}>
              {t('summonedSource', { title: r.source.matterTitle })}
            </RouteLink>
          ) : (
            <RouteLink to={`/meetings/${r.meeting.id}`}>
              {/* A meeting's title usually names its compound already (新东方小区党群议事日). */}
              {r.meeting.title.includes(r.orgUnitName) ? '' : `${r.orgUnitName} `}
              {t('meetingName', { title: r.meeting.title, year: r.meeting.issueYear, no: r.meeting.issueNo })}
            </RouteLink>
          ),
      },
      {
        title: t('columns.latest'),
        key: 'latest',
        width: '17%',
        render: (r) => (r.latest ? `${r.latest.by}：${r.latest.text || t(`steps.${r.latest.kind}`)}` : ''),
      },
    ],
    [t, w, tags],
  );
}

const rowKey = (r: BoardRow) => r.decision.id;
const rowClassName = (r: BoardRow) => (r.timing === 'overdue' ? 'yishi-followup-overdue' : '');

/**
 * One page of a board column (page from 0): each row opens its 督办 page. Memoised: the page is
 * drawn when its rows or count change, not when the board's other reads arrive.
 */
export const BoardTable = memo(function BoardTable({
  rows,
  page,
  pageSize,
  total,
  onPage,
}: {
  rows: readonly BoardRow[];
  page: number;
  pageSize: number;
  total: number;
  onPage: (page: number) => void;
}) {
  const { t } = useTranslation('followup');
  const tags = PLAIN_TAGS;
  const columns = useBoardColumns(tags);
  const pagination = useMemo(
    () => ({
      current: page + 1,
      pageSize,
      total,
      onChange: (p: number) => onPage(p - 1),
      hideOnSinglePage: true,
    }),
    [page, pageSize, total, onPage],
  );
  // antd's Table markup without its machinery: its scrollbar measuring alone forced a layout
  // of the page on every first visit (PlainTable).
  return (
    <>
      <PlainTable<BoardRow>
        size="small"
        rowKey={rowKey}
        rows={rows}
        pagination={pagination}
        emptyText={t('empty')}
        rowClassName={rowClassName}
        columns={columns}
      />
    </>
  );
});

const GROUPS_PER_PAGE = 20;

/**
 * 按责任人 / 按责任单位: counts per name, twenty a page; a name narrows the board to it. Plain
 * rows: antd's Table took all ~2,800 people of a ten-year district through its machinery to
 * show twenty.
 */
export function GroupTable({
  grouping,
  groups,
  onPick,
}: {
  grouping: Grouping;
  groups: GroupCount[];
  onPick: (name: string) => void;
}) {
  const { t } = useTranslation('followup');
  const [page, setPage] = useState(1);
  // Another view or other counts (a write, a filter) start again at the first page.
  const [shownFor, setShownFor] = useState(groups);
  if (shownFor !== groups) {
    setShownFor(groups);
    setPage(1);
  }
  const columns = useMemo((): PlainColumn<GroupCount>[] => {
    const count = (key: 'total' | 'open' | 'done'): PlainColumn<GroupCount> => ({
      title: t(`columns.${key}`),
      key,
      width: '14%',
      align: 'right',
      render: (g) => g[key],
    });
    return [
      {
        title: t('columns.name'),
        key: 'name',
        render: (g) => (
          <Button type="link" onClick={() => onPick(g.name)} title={t('showInBoard')} style={{ padding: 0 }}>
            {g.name}
          </Button>
        ),
      },
      count('total'),
      count('open'),
      {
        title: t('columns.overdue'),
        key: 'overdue',
        width: '14%',
        align: 'right',
        render: (g) => (g.overdue > 0 ? <strong className="yishi-followup-overdue-count">{g.overdue}</strong> : 0),
      },
      count('done'),
    ];
  }, [t, onPick]);
  const from = (page - 1) * GROUPS_PER_PAGE;
  return (
    <section aria-label={t(`views.${grouping}`)}>
      <PlainTable<GroupCount>
        size="small"
        rowKey={(g) => g.name}
        rows={groups.slice(from, from + GROUPS_PER_PAGE)}
        columns={columns}
        emptyText={t('empty')}
        pagination={
          groups.length > GROUPS_PER_PAGE
            ? {
                current: page,
                pageSize: GROUPS_PER_PAGE,
                total: groups.length,
                onChange: setPage,
              }
            : undefined
        }
      />
    </section>
  );
}
