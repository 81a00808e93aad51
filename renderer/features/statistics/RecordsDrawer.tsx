import { useEffect, useState } from 'react';
import { Drawer, Table } from 'antd';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { FigurePick } from '../../../shared/statistics/tally';
import { useApp } from '../../app/AppContext';
import { loadRecordLines, type RecordLine } from '../../data/repos/statisticsRecords';
import { loadStatistics, type StatsQuery } from '../../data/repos/statisticsRepo';
import { useWording } from '../../i18n/wording';

const PAGE_SIZE = 20;

export interface OpenedCell {
  pick: FigurePick;
  /** 决定事项落实：已逾期 — what the drawer's title names. */
  figure: string;
  cell: string;
}

/**
 * The records behind one number: the same count run again with the cell as its pick (so the
 * list is exactly what was counted), then read a page of 20 at a time. Each opens its own screen.
 */
export function RecordsDrawer({
  query,
  opened,
  boardUnitId,
  onClose,
}: {
  query: StatsQuery;
  opened: OpenedCell | null;
  /** A compound's decisions can also be seen on the 督办 board, which filters by the unit that held the meeting. */
  boardUnitId?: string;
  onClose: () => void;
}) {
  const { t } = useTranslation('statistics');
  const w = useWording();
  const { db } = useApp();
  const [ids, setIds] = useState<{ for: OpenedCell; ids: string[] } | null>(null);
  const [page, setPage] = useState(0);
  const [lines, setLines] = useState<{ key: string; lines: RecordLine[] } | null>(null);

  useEffect(() => {
    if (!opened) return;
    let live = true;
    setPage(0);
    void loadStatistics(db, query, opened.pick).then((loaded) => {
      if (live) setIds({ for: opened, ids: loaded?.picked ?? [] });
    });
    return () => {
      live = false;
    };
  }, [db, query, opened]);

  const shownIds = ids && ids.for === opened ? ids.ids : null;
  const pageKey = shownIds ? `${page}:${shownIds.length}` : '';
  useEffect(() => {
    if (!opened || !shownIds) return;
    let live = true;
    void loadRecordLines(db, opened.pick, shownIds.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE)).then((l) => {
      if (live) setLines({ key: pageKey, lines: l });
    });
    return () => {
      live = false;
    };
  }, [db, opened, shownIds, page, pageKey]);

  const stateText = (line: RecordLine) => {
    if (!line.state || !opened) return '';
    return opened.pick.figure === 'meetings' ? t(`meetings:types.${line.state}`) : t(`states.${line.state}`);
  };
  const rows = lines?.key === pageKey ? lines.lines : undefined;
  return (
    <Drawer
      open={opened !== null}
      onClose={onClose}
      size="large"
      title={
        opened ? t('records.title', { figure: opened.figure, cell: opened.cell, count: shownIds?.length ?? 0 }) : ''
      }
      destroyOnHidden
    >
      {boardUnitId && opened?.pick.figure === 'decisions' ? (
        <p>
          <Link to={`/followup?orgUnitId=${encodeURIComponent(boardUnitId)}`}>{t('toBoard')}</Link>
        </p>
      ) : null}
      <Table<RecordLine>
        className="yishi-stats-records"
        rowKey="id"
        loading={!rows}
        dataSource={rows ?? []}
        locale={{ emptyText: t('noRecords') }}
        pagination={{
          current: page + 1,
          pageSize: PAGE_SIZE,
          total: shownIds?.length ?? 0,
          showSizeChanger: false,
          onChange: (p) => setPage(p - 1),
        }}
        columns={[
          {
            key: 'title',
            title: t('records.name'),
            render: (_, line) => <Link to={line.href}>{line.title}</Link>,
          },
          { key: 'date', title: t('records.date'), render: (_, line) => w.date(line.date) },
          { key: 'unit', title: t('records.unit'), dataIndex: 'unitName' },
          { key: 'detail', title: t('records.detail'), dataIndex: 'detail' },
          { key: 'state', title: t('records.state'), render: (_, line) => stateText(line) },
        ]}
      />
    </Drawer>
  );
}
