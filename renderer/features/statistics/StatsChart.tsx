import { forwardRef, useEffect, useImperativeHandle, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { FigureTable } from './tables';

// Only what the bars need: the chunk of this screen stays a fraction of the whole library.
echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export interface ChartHandle {
  /** The chart as a PNG (white background, twice the pixels, for print). */
  png(): Uint8Array | null;
}

/**
 * The bars of a figure's table: one bar per row (the 合计 row left out), its series stacked or
 * side by side; a single row is drawn the other way round, one bar per column. The table beside
 * it holds the same numbers for those who cannot read the chart.
 */
function chartOption(table: FigureTable, large: boolean): echarts.EChartsCoreOption {
  const font = large ? 16 : 14;
  const rows = table.rows.filter((r) => !r.total);
  const seriesColumns = table.columns.map((c, i) => ({ c, i })).filter(({ c }) => c.series);
  const value = (cells: FigureTable['rows'][number]['cells'], i: number) => {
    const cell = cells[i];
    return cell?.kind === 'count' ? cell.value : 0;
  };
  const base = {
    animation: false,
    // A canvas takes a real family name ('inherit' would void the whole font, size included).
    textStyle: { fontSize: font, fontFamily: getComputedStyle(document.body).fontFamily || 'sans-serif' },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, textStyle: { fontSize: font } },
    grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
    yAxis: { type: 'value', minInterval: 1, axisLabel: { fontSize: font } },
  };
  if (rows.length === 1) {
    const cells = rows[0]!.cells;
    return {
      ...base,
      xAxis: {
        type: 'category',
        data: seriesColumns.map(({ c }) => c.label),
        axisLabel: { fontSize: font, interval: 0, overflow: 'break', width: large ? 90 : 70 },
      },
      series: [
        { type: 'bar', name: rows[0]!.label, data: seriesColumns.map(({ i }) => value(cells, i)), barMaxWidth: 48 },
      ],
    };
  }
  return {
    ...base,
    legend: { top: 0, textStyle: { fontSize: font } },
    xAxis: {
      type: 'category',
      data: rows.map((r) => r.label),
      // Every label shown, wrapped rather than rotated (a rotated one runs off the chart's left edge).
      axisLabel: { fontSize: font, interval: 0, overflow: 'break', width: rows.length > 5 ? 64 : 120 },
    },
    series: seriesColumns.map(({ c, i }) => ({
      type: 'bar',
      name: c.label,
      stack: table.stacked ? 'all' : undefined,
      data: rows.map((r) => value(r.cells, i)),
      barMaxWidth: 48,
    })),
  };
}

function dataUrlBytes(url: string): Uint8Array {
  const binary = atob(url.slice(url.indexOf(',') + 1));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export const StatsChart = forwardRef<ChartHandle, { table: FigureTable; large: boolean; label: string }>(
  function StatsChart({ table, large, label }, ref) {
    const box = useRef<HTMLDivElement>(null);
    const chart = useRef<echarts.ECharts | null>(null);
    useEffect(() => {
      const el = box.current;
      if (!el) return;
      const instance = echarts.init(el, undefined, { renderer: 'canvas' });
      chart.current = instance;
      const observer = new ResizeObserver(() => instance.resize());
      observer.observe(el);
      return () => {
        observer.disconnect();
        instance.dispose();
        chart.current = null;
      };
    }, []);
    useEffect(() => {
      chart.current?.setOption(chartOption(table, large), { notMerge: true });
      // For the benchmark (bench/browser/statistics.ts): the chart is drawn.
      box.current?.setAttribute('data-chart-drawn', '');
    }, [table, large]);
    useImperativeHandle(ref, () => ({
      png() {
        const url = chart.current?.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' });
        return url ? dataUrlBytes(url) : null;
      },
    }));
    return <div ref={box} className="yishi-stats-chart" role="img" aria-label={label} />;
  },
);
