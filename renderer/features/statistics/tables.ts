import type { TFunction } from 'i18next';
import { MEETING_TYPES, type MeetingType } from '../../../shared/domain/meeting';
import { ROSTER_ROLES } from '../../../shared/domain/roles';
import { COUNTED_ATTENDANCE, DECISION_OUTCOMES, type Figures } from '../../../shared/statistics/figures';
import {
  attendanceRate,
  decisionsMade,
  disputeResolutionRate,
  formatPercent,
  matterResolutionRate,
  onTimeRate,
  satisfactionRate,
  type Rate,
} from '../../../shared/statistics/rates';
import type { FigurePick, StatsResult } from '../../../shared/statistics/tally';

export const FIGURE_KEYS = ['meetings', 'attendance', 'decisions', 'matters', 'disputes', 'ratings'] as const;
export type FigureKey = (typeof FIGURE_KEYS)[number];

/** A cell: a count (which may open its records) or a rate. */
export type Cell = { kind: 'count'; value: number; pick?: FigurePick } | { kind: 'rate'; rate: Rate };

export interface FigureColumn {
  key: string;
  label: string;
  /** Drawn in the chart as a series (rates and sums are only in the table). */
  series: boolean;
}

export interface FigureRow {
  key: string;
  label: string;
  /** The 合计 row: not drawn as a bar of its own. */
  total?: boolean;
  cells: Cell[];
}

/** One figure as a table: the same lines feed the screen's table, its chart and the Excel sheet. */
export interface FigureTable {
  key: FigureKey;
  title: string;
  rowHeader: string;
  columns: FigureColumn[];
  rows: FigureRow[];
  /** Bars of a row stacked (parts of a whole) or side by side (raised beside solved). */
  stacked: boolean;
}

export function cellText(cell: Cell): string | number {
  return cell.kind === 'count' ? cell.value : formatPercent(cell.rate);
}

type Line = { key: string; label: string; total?: boolean; figures: Figures; rowId?: string };

function lines(result: StatsResult, t: TFunction): Line[] {
  const rows: Line[] = result.rows.map(({ row, figures }) => ({
    key: row.id,
    label: row.own ? t('statistics:streetOwn', { name: row.name }) : row.name,
    figures,
    rowId: row.id,
  }));
  if (rows.length === 1) return rows;
  return [...rows, { key: 'total', label: t('statistics:total'), total: true, figures: result.total }];
}

const count = (value: number, pick: FigurePick): Cell => ({ kind: 'count', value, pick });
const rate = (r: Rate): Cell => ({ kind: 'rate', rate: r });

function meetingsTable(result: StatsResult, t: TFunction): FigureTable {
  // Only the types held in the scope and period, and always the two regular ones.
  const types = MEETING_TYPES.filter(
    (type) => type === 'monthlyDay' || type === 'redBench' || result.total.meetings[type] > 0,
  );
  const sum = (f: Figures) => MEETING_TYPES.reduce((n, type) => n + f.meetings[type], 0);
  return {
    key: 'meetings',
    title: t('statistics:figures.meetings'),
    rowHeader: t('statistics:rowHeader'),
    stacked: true,
    columns: [
      ...types.map((type) => ({ key: type, label: t(`meetings:types.${type}`), series: true })),
      { key: 'total', label: t('statistics:columns.total'), series: false },
    ],
    rows: lines(result, t).map((l) => ({
      key: l.key,
      label: l.label,
      total: l.total,
      cells: [
        ...types.map((bucket: MeetingType) =>
          count(l.figures.meetings[bucket], { figure: 'meetings', bucket, rowId: l.rowId }),
        ),
        count(sum(l.figures), { figure: 'meetings', rowId: l.rowId }),
      ],
    })),
  };
}

/** Attendance is shown by 6+N category over the whole scope (a street's rows would be 8 × 7 cells). */
function attendanceTable(result: StatsResult, t: TFunction): FigureTable {
  return {
    key: 'attendance',
    title: t('statistics:figures.attendance'),
    rowHeader: t('statistics:columns.category'),
    stacked: true,
    columns: [
      ...COUNTED_ATTENDANCE.map((s) => ({ key: s, label: t(`statistics:columns.${s}`), series: true })),
      { key: 'rate', label: t('statistics:columns.attendanceRate'), series: false },
    ],
    rows: ROSTER_ROLES.map((role) => {
      const counts = result.total.attendance[role];
      return {
        key: role,
        label: t(`roles.${role}`),
        cells: [
          ...COUNTED_ATTENDANCE.map((state) => count(counts[state], { figure: 'attendance', role, state })),
          rate(attendanceRate(counts)),
        ],
      };
    }),
  };
}

function decisionsTable(result: StatsResult, t: TFunction): FigureTable {
  return {
    key: 'decisions',
    title: t('statistics:figures.decisions'),
    rowHeader: t('statistics:rowHeader'),
    stacked: true,
    columns: [
      { key: 'made', label: t('statistics:columns.made'), series: false },
      ...DECISION_OUTCOMES.map((o) => ({ key: o, label: t(`statistics:columns.${o}`), series: true })),
      { key: 'rate', label: t('statistics:columns.onTimeRate'), series: false },
    ],
    rows: lines(result, t).map((l) => ({
      key: l.key,
      label: l.label,
      total: l.total,
      cells: [
        count(decisionsMade(l.figures.decisions), { figure: 'decisions', rowId: l.rowId }),
        ...DECISION_OUTCOMES.map((bucket) =>
          count(l.figures.decisions[bucket], { figure: 'decisions', bucket, rowId: l.rowId }),
        ),
        rate(onTimeRate(l.figures.decisions)),
      ],
    })),
  };
}

function mattersTable(result: StatsResult, t: TFunction): FigureTable {
  return {
    key: 'matters',
    title: t('statistics:figures.matters'),
    rowHeader: t('statistics:rowHeader'),
    stacked: false,
    columns: [
      { key: 'raised', label: t('statistics:columns.raised'), series: true },
      { key: 'solved', label: t('statistics:columns.solved'), series: true },
      { key: 'rate', label: t('statistics:columns.resolutionRate'), series: false },
    ],
    rows: lines(result, t).map((l) => ({
      key: l.key,
      label: l.label,
      total: l.total,
      cells: [
        count(l.figures.matters.raised, { figure: 'matters', bucket: 'raised', rowId: l.rowId }),
        count(l.figures.matters.solved, { figure: 'matters', bucket: 'solved', rowId: l.rowId }),
        rate(matterResolutionRate(l.figures)),
      ],
    })),
  };
}

function disputesTable(result: StatsResult, t: TFunction): FigureTable {
  return {
    key: 'disputes',
    title: t('statistics:figures.disputes'),
    rowHeader: t('statistics:rowHeader'),
    stacked: false,
    columns: [
      { key: 'logged', label: t('statistics:columns.logged'), series: true },
      { key: 'resolved', label: t('statistics:columns.resolved'), series: true },
      { key: 'rate', label: t('statistics:columns.disputeRate'), series: false },
    ],
    rows: lines(result, t).map((l) => ({
      key: l.key,
      label: l.label,
      total: l.total,
      cells: [
        count(l.figures.disputes.logged, { figure: 'disputes', bucket: 'logged', rowId: l.rowId }),
        count(l.figures.disputes.resolved, { figure: 'disputes', bucket: 'resolved', rowId: l.rowId }),
        rate(disputeResolutionRate(l.figures)),
      ],
    })),
  };
}

function ratingsTable(result: StatsResult, t: TFunction): FigureTable {
  const ratingCell = (value: number): Cell => ({ kind: 'count', value });
  return {
    key: 'ratings',
    title: t('statistics:figures.ratings'),
    rowHeader: t('statistics:rowHeader'),
    stacked: true,
    columns: [
      { key: 'evaluated', label: t('statistics:columns.evaluated'), series: false },
      { key: 'satisfied', label: t('statistics:columns.satisfied'), series: true },
      { key: 'basic', label: t('statistics:columns.basic'), series: true },
      { key: 'unsatisfied', label: t('statistics:columns.unsatisfied'), series: true },
      { key: 'rate', label: t('statistics:columns.satisfactionRate'), series: false },
    ],
    rows: lines(result, t).map((l) => ({
      key: l.key,
      label: l.label,
      total: l.total,
      cells: [
        count(l.figures.ratings.evaluated, { figure: 'ratings', rowId: l.rowId }),
        // Ratings are numbers of people, not records: the evaluated decisions are what opens.
        ratingCell(l.figures.ratings.satisfied),
        ratingCell(l.figures.ratings.basic),
        ratingCell(l.figures.ratings.unsatisfied),
        rate(satisfactionRate(l.figures)),
      ],
    })),
  };
}

/** The six figures of a result, in the screen's order. */
export function figureTables(result: StatsResult, t: TFunction): FigureTable[] {
  return [
    meetingsTable(result, t),
    attendanceTable(result, t),
    decisionsTable(result, t),
    mattersTable(result, t),
    disputesTable(result, t),
    ratingsTable(result, t),
  ];
}
