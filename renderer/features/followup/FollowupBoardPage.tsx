import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { App, Button, Segmented, Spin, Tabs } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import type { BoardFilter } from '../../../shared/followup/board';
import { BOARD_TABS, boardTab } from '../../../shared/followup/boardPage';
import { useApp } from '../../app/AppContext';
import {
  BOARD_GROUP_TABLES,
  countBoardDone,
  loadBoardGroups,
  loadBoardPage,
  loadBoardRows,
  type BoardPage,
} from '../../data/repos/boardRepo';
import { useCachedRead } from '../../data/tableCache';
import { BoardFilters } from './BoardFilters';
import { BoardTable, GroupTable } from './BoardTables';
import { exportBoard } from './exportBoard';
import { readBoardState, rememberBoardSearch, writeBoardState, type BoardState, type BoardView } from './boardState';
import './messages';
import './followup.css';
import { appendAudit } from '../../data/repos/auditRepo';

type View = BoardView;

/**
 * 督办: every decision of signed meetings, by state, with filters, grouped views and export. The
 * board reads one page of one tab at a time (boardRepo.ts); the page it shows is marked with the
 * address it was read for (data-board-shown), so the previous page stays on screen, marked as
 * such, until the next one is read.
 */
export function FollowupBoardPage() {
  const { t } = useTranslation('followup');
  const { db, bridge } = useApp();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const search = params.toString();
  const { filter, view, tab } = useMemo(() => readBoardState(new URLSearchParams(search)), [search]);
  const [paging, setPaging] = useState({ search, page: 0 });
  const page = paging.search === search ? paging.page : 0;
  const active = boardTab(tab);
  const loaded = useLiveQuery(
    async () => ({ search, data: await loadBoardPage(db, { filter, tab: active, page }) }),
    [db, search, page],
  );
  const last = useRef<{ search: string; data: BoardPage } | undefined>(undefined);
  if (loaded) last.current = loaded;
  const shown = loaded ?? last.current;
  // 已完成 of the whole board is counted after the page is shown (boardRepo: a second of index).
  const doneUnknown = shown?.search === search && shown.data.counts.done === null;
  const doneCount = useLiveQuery(
    async () => (doneUnknown ? { search, n: await countBoardDone(db, filter) } : null),
    [db, search, doneUnknown],
  );
  // Read again after a write to its tables; the same view and filter come back from the cache.
  const grouped = useCachedRead(db, `board-groups:${view}:${search}`, BOARD_GROUP_TABLES, async () =>
    view === 'board' ? null : loadBoardGroups(db, filter, view),
  );
  useEffect(() => rememberBoardSearch(search), [search]);
  const update = (patch: Partial<BoardState>) =>
    setParams(writeBoardState({ filter, view, tab, ...patch }), { replace: true });
  // Kept between renders for the same address: the memoised filters and table are not drawn
  // again when the page's other reads (已完成's count) arrive.
  const setFilter = useCallback(
    (f: BoardFilter) => setParams(writeBoardState({ filter: f, view, tab }), { replace: true }),
    [setParams, view, tab],
  );
  const turnPage = useCallback((p: number) => setPaging({ search, page: p }), [search]);
  const setView = (v: View) => update({ view: v });
  const setTab = (key: string) => update({ tab: key });
  if (!shown) return <Spin />;
  const { data } = shown;
  const counts = {
    ...data.counts,
    done: data.counts.done ?? (doneCount?.search === shown.search ? doneCount.n : null),
  };

  async function runExport() {
    try {
      const rows = await loadBoardRows(db, filter, { latest: true });
      const outcome = await exportBoard(bridge, rows);
      if (outcome.status !== 'saved') return;
      await appendAudit(db, { action: 'export', summary: `导出督办台账${rows.length}项` });
      void message.success(t('exported', { path: outcome.path }));
    } catch (error) {
      void message.error(t('exportFailed', { message: error instanceof Error ? error.message : String(error) }));
    }
  }

  const total = (counts.open ?? 0) + (counts.done ?? 1);
  return (
    <div className="yishi-page" data-board-shown={shown.search}>
      <div className="yishi-page-header">
        <h1>{t('title')}</h1>
        <Button icon={<DownloadOutlined />} onClick={() => void runExport()} disabled={total === 0}>
          {t('export')}
        </Button>
      </div>
      <p className="yishi-lead">{t('lead')}</p>
      <BoardFilters units={data.units} meeting={data.meeting} filter={filter} onChange={setFilter} />
      <Segmented<View>
        className="yishi-followup-views"
        value={view}
        onChange={setView}
        options={(['board', 'person', 'unit'] as const).map((v) => ({ value: v, label: t(`views.${v}`) }))}
      />
      {view === 'board' ? (
        <Tabs
          activeKey={active}
          onChange={setTab}
          items={BOARD_TABS.map((key) => ({
            key,
            label: `${t(key === 'open' ? 'tabs.open' : `states.${key}`)}（${counts[key] ?? '…'}）`,
            children:
              key === active ? (
                <BoardTable
                  rows={data.rows}
                  page={data.page}
                  pageSize={data.pageSize}
                  total={counts[key] ?? (data.page + 1) * data.pageSize + 1}
                  onPage={turnPage}
                />
              ) : null,
          }))}
        />
      ) : grouped ? (
        <GroupTable
          grouping={view}
          groups={grouped}
          onPick={(name) => update({ filter: { ...filter, responsible: name }, view: 'board' })}
        />
      ) : (
        <div className="yishi-followup-counting" role="status">
          <Spin /> {t('groupsCounting')}
        </div>
      )}
    </div>
  );
}
