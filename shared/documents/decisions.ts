import type { Decision } from '../domain/decision';
import { voteResult, type HouseholdConsultation, type Vote } from '../domain/vote';
import { ruledTable, type Column } from './tables';
import type { BodyBlock } from './wml';
import { VOTE_METHOD_LABELS } from './wording';
import { householdAgreedPercent } from '../domain/household';
import { DECISION_COLUMNS, type DecisionColumn } from '../meeting/decisionColumns';

/** The sentences and the table that state what a meeting decided, shared by the 纪要 and the 公示. */

/** 序号, then the shared decision columns (事项 · 谁来干 · 干到什么标准 · 什么时间干完 · 谁来监督). */
export const DECISION_TABLE_COLUMNS: readonly Column[] = [
  { header: '序号', weight: 640, align: 'center' },
  ...DECISION_COLUMNS.map(({ header, weight, align }) => ({ header, weight, ...(align ? { align } : {}) })),
];

/** A date breaks after its year (2026年 / 12月31日), so its column can leave the width to the standard. */
function cellText(column: DecisionColumn, d: Decision): string {
  const value = column.text(d);
  return column.id === 'deadline' ? value.replace(/^(\d{4}年)/, '$1\n') : value;
}

export function decisionsTable(decisions: readonly Decision[]): BodyBlock {
  return ruledTable(
    DECISION_TABLE_COLUMNS,
    decisions.map((d, i) => ({ cells: [String(i + 1), ...DECISION_COLUMNS.map((c) => cellText(c, d))] })),
  );
}

/** 表决情况: the method, the counts and the result as voteResult computes it — never as typed. */
export function voteSentence(vote: Vote): string {
  const counts = `应参加表决${vote.presentVoters}人，同意${vote.agree}人，反对${vote.disagree}人，弃权${vote.abstain}人`;
  const check = voteResult(vote);
  const result = !check.ok
    ? check.problem === 'noVoters'
      ? '没有参加表决的人员，表决结果无法确定'
      : '票数之和超过参加表决人数，表决结果无法确定，请核对'
    : `表决结果：${check.passed ? '通过' : '未通过'}（同意票须达到${check.needed}票）`;
  return `“${vote.subject}”采取${VOTE_METHOD_LABELS[vote.method]}方式表决，${counts}。${result}。`;
}

/** 逐户征求意见 (after the lead 逐户征求意见：): 征求120户，同意112户，占93.3%…; the share is of the households asked. */
export function householdSentence(h: HouseholdConsultation): string {
  const parts = [`征求${h.asked}户`, `同意${h.agreed}户，占${householdAgreedPercent(h)}%`];
  if (h.disagreed > 0) parts.push(`不同意${h.disagreed}户`);
  if (h.notReached > 0) parts.push(`未联系到${h.notReached}户`);
  return `“${h.subject}”，${parts.join('，')}。`;
}

/** The 序号 of an item's decisions in the table, as "第1、2项". */
export function decisionNumbers(all: readonly Decision[], agendaItemId: string): string {
  const numbers = all.flatMap((d, i) => (d.agendaItemId === agendaItemId ? [i + 1] : []));
  return numbers.length > 0 ? `第${numbers.join('、')}项` : '';
}
