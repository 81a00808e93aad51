import { lazy, Suspense, useRef } from 'react';
import { App, Button, Card, Table } from 'antd';
import { PictureOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../app/AppContext';
import { exportPng, type ExportContext } from './exportStats';
import type { ChartHandle } from './StatsChart';
import { cellText, type FigureRow, type FigureTable } from './tables';
import type { OpenedCell } from './RecordsDrawer';
import { appendAudit } from '../../data/repos/auditRepo';

/**
 * ECharts (~300 KiB) loads after the screen's tables: the numbers are on screen while the charts
 * of the same numbers are still coming (first open of a street's year: 673 ms with it in the way).
 */
const StatsChart = lazy(() => import('./StatsChart').then((m) => ({ default: m.StatsChart })));

/** One figure: its chart, and beside it the table holding the same numbers; a count opens its records. */
export function FigureCard({
  table,
  context,
  onOpen,
}: {
  table: FigureTable;
  context: ExportContext;
  onOpen: (cell: OpenedCell) => void;
}) {
  const { t } = useTranslation('statistics');
  const { db, bridge, settings } = useApp();
  const { message } = App.useApp();
  const chart = useRef<ChartHandle>(null);

  async function saveImage() {
    try {
      const png = chart.current?.png();
      if (!png) {
        void message.info(t('chartNotReady'));
        return;
      }
      const outcome = await exportPng(bridge, png, table.title, context);
      if (outcome.status !== 'saved') return;
      await appendAudit(db, {
        action: 'export',
        summary: `导出统计图“${table.title}”（${context.scopeLabel}，${context.periodLabel}）`,
      });
      void message.success(t('exported', { path: outcome.path }));
    } catch (error) {
      void message.error(t('exportFailed', { message: error instanceof Error ? error.message : String(error) }));
    }
  }

  const columns = [
    { key: 'label', title: table.rowHeader, render: (_: unknown, row: FigureRow) => row.label },
    ...table.columns.map((column, i) => ({
      key: column.key,
      title: column.label,
      align: 'right' as const,
      render: (_: unknown, row: FigureRow) => {
        const cell = row.cells[i]!;
        const text = cellText(cell);
        if (cell.kind !== 'count' || !cell.pick || cell.value === 0) return text;
        const pick = cell.pick;
        return (
          <Button
            type="link"
            className="yishi-stats-count"
            title={t('open', { count: cell.value })}
            onClick={() => onOpen({ pick, figure: table.title, cell: `${row.label} · ${column.label}` })}
          >
            {text}
          </Button>
        );
      },
    })),
  ];
  return (
    <Card
      className="yishi-stats-card"
      data-figure={table.key}
      title={<h2 className="yishi-stats-title">{table.title}</h2>}
      extra={
        <Button icon={<PictureOutlined />} onClick={() => void saveImage()}>
          {t('exportImage')}
        </Button>
      }
    >
      {/* A table of many columns goes under its chart, full width: beside it, it would scroll. */}
      <div className={table.columns.length > 4 ? 'yishi-stats-body yishi-stats-stacked' : 'yishi-stats-body'}>
        <Suspense fallback={<div className="yishi-stats-chart" aria-hidden />}>
          <StatsChart
            ref={chart}
            table={table}
            large={settings.largeType}
            label={t('chartLabel', { title: table.title })}
          />
        </Suspense>
        <Table<FigureRow>
          className="yishi-stats-table"
          size="small"
          rowKey="key"
          pagination={false}
          dataSource={table.rows}
          columns={columns}
          rowClassName={(row) => (row.total ? 'yishi-stats-total' : '')}
          scroll={{ x: 'max-content' }}
        />
      </div>
    </Card>
  );
}
