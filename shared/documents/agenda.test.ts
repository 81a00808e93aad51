import { describe, expect, it } from 'vitest';
import { openDocx, paragraphs, textOf } from '../../tests/documents/docxXml';
import { sampleRedBenchRecord } from '../fixtures/testRecord';
import type { MeetingRecord } from '../meeting/record';
import { buildMinutesDocx, buildResolutionNoticeDocx } from './index';
import { STYLE } from './style';

/** The sample with a third item on the agenda that the meeting never reached. */
function withUntouchedItem(): MeetingRecord {
  const r = sampleRedBenchRecord();
  const extra = {
    ...r.agendaItems[1]!,
    id: 'item-charging',
    order: 9,
    title: '电动车充电桩安装',
    background: '多位居民反映楼道充电存在火灾隐患。',
    state: 'pending' as const,
  };
  delete (extra as { resolution?: string }).resolution;
  return { ...r, agendaItems: [...r.agendaItems, extra] };
}

async function documentXml(bytes: Promise<Uint8Array>): Promise<string> {
  return (await openDocx(await bytes)).xml('word/document.xml');
}

describe('an agenda item the meeting did not reach', () => {
  it('is named in one line of the 纪要, not given a numbered section or counted', async () => {
    const ps = paragraphs(await documentXml(buildMinutesDocx(withUntouchedItem())));
    expect(ps.filter((p) => p.style === STYLE.level1).map((p) => p.text)).toEqual([
      '一、分类垃圾桶改造',
      '二、停车位重新施划',
      '三、决定事项',
    ]);
    const text = ps.map((p) => p.text).join('\n');
    expect(text).toContain('议程所列“电动车充电桩安装”议题本次会议未及协商，转下次会议。会议围绕2项议题进行了协商');
    expect(text).not.toContain('多位居民反映楼道充电');
  });

  it('is left out of the resolutions of the 决议公示, and said to be carried over', async () => {
    const text = textOf(await documentXml(buildResolutionNoticeDocx(withUntouchedItem())));
    expect(text).toContain('就2项议题进行了协商。议程所列“电动车充电桩安装”议题本次会议未及协商，转下次会议。');
    expect(text).not.toContain('电动车充电桩安装会议进行了协商');
  });

  it('leaves no empty heading for an item taken up with nothing written down', async () => {
    const r = withUntouchedItem();
    const resolved = {
      ...r,
      agendaItems: r.agendaItems.map((i) =>
        i.id === 'item-charging' ? { ...i, state: 'resolved' as const, background: '', raisedBy: '' } : i,
      ),
    };
    const ps = paragraphs(await documentXml(buildMinutesDocx(resolved)));
    const at = ps.findIndex((p) => p.text === '三、电动车充电桩安装');
    expect(at).toBeGreaterThan(0);
    expect(ps[at + 1]?.text).toBe('（一）协商情况');
    expect(ps[at + 2]?.text).toBe('本议题未记录协商情况。');
  });
});
