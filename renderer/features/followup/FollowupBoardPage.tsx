import { useEffect, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { App, Button, Segmented, Spin, Tabs } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { byState, filterBoard, groupCounts, type BoardFilter } from '../../../shared/followup/board';
import { FOLLOWUP_STATES } from '../../../shared/followup/state';
import { useApp } from '../../app/AppContext';
import { loadBoard } from '../../data/repos/followupRepo';
import { BoardFilters } from './BoardFilters';
import { BoardTable, GroupTable } from './BoardTables';
import { exportBoard } from './exportBoard';
import { readBoardState, rememberBoardSearch, writeBoardState, type BoardState, type BoardView } from './boardState';
import './messages';
import './followup.css';

type View = BoardView;

/** 督办: every decision of signed meetings, by state, with filters, grouped views and export. */
export function FollowupBoardPage() {
  const { t } = useTranslation('followup');
  const { db, bridge } = useApp();
  const { message } = App.useApp();
  const data = useLiveQuery(() => loadBoard(db), [db]);
  const [params, setParams] = useSearchParams();
  const search = params.toString();
  const { filter, view, tab } = useMemo(() => readBoardState(new URLSearchParams(search)), [search]);
  useEffect(() => rememberBoardSearch(search), [search]);
  const update = (patch: Partial<BoardState>) =>
    setParams(writeBoardState({ filter, view, tab, ...patch }), { replace: true });
  const setFilter = (f: BoardFilter) => update({ filter: f });
  const setView = (v: View) => update({ view: v });
  const setTab = (key: string) => update({ tab: key });
  const rows = useMemo(() => (data ? filterBoard(data.rows, filter) : []), [data, filter]);
  const columns = useMemo(() => byState(rows), [rows]);
  if (!data) return <Spin />;

  const open = rows.filter((r) => r.decision.status !== 'done');
  const tabs = [
    { key: 'open', label: `${t('tabs.open')}（${open.length}）`, rows: open },
    ...FOLLOWUP_STATES.map((s) => ({
      key: s,
      label: `${t(`states.${s}`)}（${columns[s].length}）`,
      // Open work soonest deadline first; what is done, the latest first.
      rows: s === 'done' ? [...columns[s]].reverse() : columns[s],
    })),
  ];

  async function runExport() {
    try {
      const outcome = await exportBoard(bridge, rows);
      if (outcome.status === 'saved') void message.success(t('exported', { path: outcome.path }));
    } catch (error) {
      void message.error(t('exportFailed', { message: error instanceof Error ? error.message : String(error) }));
    }
  }

  return (
    <div className="yishi-page">
      <div className="yishi-page-header">
        <h1>{t('title')}</h1>
        <Button icon={<DownloadOutlined />} onClick={() => void runExport()} disabled={rows.length === 0}>
          {t('export')}
        </Button>
      </div>
      <p className="yishi-lead">{t('lead')}</p>
      <BoardFilters data={data} filter={filter} onChange={setFilter} />
      <Segmented<View>
        className="yishi-followup-views"
        value={view}
        onChange={setView}
        options={(['board', 'person', 'unit'] as const).map((v) => ({ value: v, label: t(`views.${v}`) }))}
      />
      {view === 'board' ? (
        <Tabs
          activeKey={tab}
          onChange={setTab}
          items={tabs.map((x) => ({ key: x.key, label: x.label, children: <BoardTable rows={x.rows} /> }))}
        />
      ) : (
        <GroupTable
          grouping={view}
          groups={groupCounts(rows, view)}
          onPick={(name) => update({ filter: { ...filter, responsible: name }, view: 'board' })}
        />
      )}
    </div>
  );
}
