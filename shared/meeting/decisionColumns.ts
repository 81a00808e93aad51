import { formatChineseDate } from '../dates';
import type { Decision } from '../domain/decision';

/**
 * The columns of every decisions table — the Word 纪要 and 决议公示, the meeting screen's tables —
 * in one place: 事项 · 谁来干 · 干到什么标准 · 什么时间干完 · 谁来监督, the four questions every
 * decision answers. Screens name a column by its id (their i18n key); documents print `header`.
 */

export type DecisionColumnId = 'what' | 'responsible' | 'standard' | 'deadline' | 'supervisor';

export interface DecisionColumn {
  id: DecisionColumnId;
  /** As printed in the table's header; a second string goes on a second line. */
  header: string | readonly [string, string];
  /**
   * Share of the table's width, in twips of the 156 mm 版心 (with 序号's 640 they fill its 8845).
   * 干到什么标准 is the long field and gets the most; 什么时间干完 enough for its header in 小四
   * and a date on two lines (2026年 / 12月31日).
   */
  weight: number;
  align?: 'left' | 'center';
  /** The cell's text. */
  text(d: Decision): string;
}

export const DECISION_COLUMNS: readonly DecisionColumn[] = [
  { id: 'what', header: '事项', weight: 1650, text: (d) => d.title },
  { id: 'responsible', header: ['谁来干', '（责任人）'], weight: 1335, text: (d) => d.responsible.name.trim() },
  { id: 'standard', header: '干到什么标准', weight: 2470, text: (d) => d.standard },
  { id: 'deadline', header: '什么时间干完', weight: 1650, align: 'center', text: (d) => formatChineseDate(d.deadline) },
  { id: 'supervisor', header: '谁来监督', weight: 1100, text: (d) => d.supervisor.name.trim() },
];

/** A column's share of the five, in per cent, for screens that size columns relatively. */
export function decisionColumnPercent(column: DecisionColumn): string {
  const total = DECISION_COLUMNS.reduce((sum, c) => sum + c.weight, 0);
  return `${Math.round((column.weight / total) * 100)}%`;
}
