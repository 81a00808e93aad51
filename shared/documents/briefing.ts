import { formatChineseDate } from '../dates';
import type { Briefing } from '../domain/briefing';
import { STATE_LABELS } from '../followup/board';
import { body } from './blocks';
import { ruledTable, type Column } from './tables';
import type { BodyBlock } from './wml';

/** 上月决定事项落实情况通报 in the 纪要: a sentence with the count, then one row per open decision. */

export const BRIEFING_COLUMNS: readonly Column[] = [
  { header: '序号', weight: 560, align: 'center' },
  { header: '决定事项', weight: 2000 },
  { header: ['谁来干', '（责任人）'], weight: 1200 },
  { header: ['什么时间干完', '（完成时限）'], weight: 1200, align: 'center' },
  { header: '落实情况', weight: 1000, align: 'center' },
  { header: '最新进展', weight: 2400 },
];

function stateCell(line: Briefing['lines'][number]): string {
  return line.overdue ? `${STATE_LABELS[line.state]}\n（已逾期）` : STATE_LABELS[line.state];
}

export function briefingSentence(briefing: Briefing): string {
  const asOf = formatChineseDate(briefing.asOf);
  if (briefing.lines.length === 0) return `截至${asOf}，前期会议形成的决定事项均已完成，没有需要通报的未完成事项。`;
  const overdue = briefing.lines.filter((l) => l.overdue).length;
  return `截至${asOf}，前期会议形成的决定事项中尚有${briefing.lines.length}项未完成${overdue > 0 ? `（其中逾期${overdue}项）` : ''}，落实情况如下：`;
}

export function briefingBlocks(briefing: Briefing): BodyBlock[] {
  const sentence = body(briefingSentence(briefing), { keepNext: briefing.lines.length > 0 });
  if (briefing.lines.length === 0) return [sentence];
  return [
    sentence,
    ruledTable(
      BRIEFING_COLUMNS,
      briefing.lines.map((l, i) => ({
        cells: [
          String(i + 1),
          `${l.title}\n（${l.meeting}）`,
          l.responsible,
          formatChineseDate(l.deadline).replace(/^(\d{4}年)/, '$1\n'),
          stateCell(l),
          l.latest ?? '暂无进展记录',
        ],
      })),
    ),
  ];
}
