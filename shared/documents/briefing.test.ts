import { describe, expect, it } from 'vitest';
import { elements, openDocx, paragraphs, textOf } from '../../tests/documents/docxXml';
import { sampleRedBenchRecord } from '../fixtures/testRecord';
import type { Briefing } from '../domain/briefing';
import type { MeetingRecord } from '../meeting/record';
import { buildMinutesDocx } from './index';
import { STYLE } from './style';

const BRIEFING: Briefing = {
  asOf: '2026-12-10',
  lines: [
    {
      decisionId: 'd1',
      title: '更换3号楼楼道灯',
      meeting: '帝纱富仕城小区党群议事日（2026年第10期）',
      responsible: '物业公司',
      deadline: '2026-11-30',
      state: 'inProgress',
      overdue: true,
      latest: '王师傅：已采购灯具（2026-11-25）',
    },
    {
      decisionId: 'd2',
      title: '清理绿化带杂物',
      meeting: '帝纱富仕城小区党群议事日（2026年第11期）',
      responsible: '李红',
      deadline: '2026-12-20',
      state: 'notStarted',
      overdue: false,
    },
  ],
};

/** The sample with a 通报 item taken up first. */
function withBriefing(briefing: Briefing): MeetingRecord {
  const r = sampleRedBenchRecord();
  const item = {
    ...r.agendaItems[0]!,
    id: 'item-briefing',
    order: -1,
    title: '上月决定事项落实情况通报',
    state: 'discussed' as const,
    briefing,
  };
  delete (item as { resolution?: string }).resolution;
  delete (item as { background?: string }).background;
  delete (item as { raisedBy?: string }).raisedBy;
  return { ...r, agendaItems: [item, ...r.agendaItems] };
}

async function documentXml(record: MeetingRecord): Promise<string> {
  return (await openDocx(await buildMinutesDocx(record))).xml('word/document.xml');
}

async function texts(record: MeetingRecord): Promise<ReturnType<typeof paragraphs>> {
  return paragraphs(await documentXml(record));
}

describe('上月决定事项落实情况通报 in the 纪要', () => {
  it('prints its own section: the count, then a row per open decision with state and latest progress', async () => {
    const ps = await texts(withBriefing(BRIEFING));
    expect(ps.filter((p) => p.style === STYLE.level1).map((p) => p.text)[0]).toBe('一、上月决定事项落实情况通报');
    const all = ps.map((p) => p.text).join('\n');
    expect(all).toContain('（一）落实情况');
    // The first table of the 纪要 is the report's (the decisions table comes after the items).
    const table = elements(await documentXml(withBriefing(BRIEFING)), 'w:tbl')[0] ?? '';
    const rows = elements(table, 'w:tr').map(textOf);
    expect(rows).toHaveLength(3);
    expect(all).toContain('截至2026年12月10日，前期会议形成的决定事项中尚有2项未完成（其中逾期1项），落实情况如下：');
    for (const words of [
      '更换3号楼楼道灯',
      '帝纱富仕城小区党群议事日（2026年第10期）',
      '进行中',
      '（已逾期）',
      '王师傅：已采购灯具（2026-11-25）',
      '未开始',
      '暂无进展记录',
    ])
      expect(rows.join('\n')).toContain(words);
  });

  it('says so when every earlier decision is done', async () => {
    const all = (await texts(withBriefing({ asOf: '2026-12-10', lines: [] }))).map((p) => p.text).join('\n');
    expect(all).toContain('截至2026年12月10日，前期会议形成的决定事项均已完成');
  });
});
