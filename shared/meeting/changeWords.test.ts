import { describe, expect, it } from 'vitest';
import { diffRecords } from './amend';
import { describeChanges } from './changeWords';
import type { MeetingRecord } from './record';
import {
  SAMPLE_DECISION_PARKING_ID,
  SAMPLE_DECISION_WASTE_ID,
  SAMPLE_ITEM_PARKING_ID,
  sampleRedBenchRecord,
} from '../fixtures/testRecord';

/** The words for what `change` does to the sample record, described against the changed record. */
function wordsFor(change: (r: MeetingRecord) => void): string[] {
  const before = sampleRedBenchRecord();
  const after = structuredClone(before);
  change(after);
  return describeChanges(after, diffRecords(before, after));
}

describe('describeChanges', () => {
  it('names a decision by its number in the 纪要 and writes dates as documents do', () => {
    expect(
      wordsFor((r) => {
        r.decisions.find((d) => d.id === SAMPLE_DECISION_PARKING_ID)!.deadline = '2027-01-15';
      }),
    ).toEqual(['第2项决定的完成时限：2026年9月15日 → 2027年1月15日']);
  });

  it('names an agenda item by its number and title, and quotes texts', () => {
    expect(
      wordsFor((r) => {
        r.agendaItems.find((i) => i.id === SAMPLE_ITEM_PARKING_ID)!.resolution = '表决通过，公示7天后施工。';
      }),
    ).toEqual([
      '议题2「停车位重新施划」的决议：「表决通过停车位重新施划方案，公示无异议后施工。」 → 「表决通过，公示7天后施工。」',
    ]);
  });

  it('words meeting fields, people, times and rules', () => {
    expect(
      wordsFor((r) => {
        r.meeting.place = '帝纱富仕城党群服务站';
        r.meeting.chair = { kind: 'text', name: '胜兴社区党委' };
        r.meeting.startAt = '2026-07-15T19:30:00+08:00';
        r.meeting.passThreshold = 2 / 3;
        r.documentOrgName = '中共胜兴社区委员会';
      }),
    ).toEqual([
      '主持人：李振海 → 胜兴社区党委',
      '表决通过规则：超过出席人数的一半 → 超过出席人数的三分之二',
      '会议地点：「帝纱富仕城党群睦邻说事点」 → 「帝纱富仕城党群服务站」',
      '会议时间：2026年7月15日 19:00 → 2026年7月15日 19:30',
      '落款单位：「中共垦利街道胜兴社区委员会」 → 「中共胜兴社区委员会」',
    ]);
  });

  it('says a whole row was added or removed, once; a new decision takes its number in the 纪要 (by item)', () => {
    const words = wordsFor((r) => {
      const waste = r.decisions.find((d) => d.id === SAMPLE_DECISION_WASTE_ID)!;
      r.decisions.push({
        ...waste,
        id: 'new-decision',
        title: '加装投放点照明',
        createdAt: '2026-07-15T20:00:00+08:00',
      });
      r.votes = [];
      r.attendance.shift();
    });
    expect(words).toEqual(['删除参会人员李振海', '新增第2项决定「加装投放点照明」', '删除表决「停车位重新施划方案」']);
  });

  it('words sign-in states, vote counts, households and minutes without their bookkeeping', () => {
    const words = wordsFor((r) => {
      r.attendance.find((a) => a.state === 'excused')!.state = 'present';
      r.votes[0]!.agree = 8;
      r.householdConsultations[0]!.agreed = 110;
      r.minutes[1]!.text = '更正后的纪要';
      r.minutes[1]!.doc = { type: 'doc', content: [] };
      r.minutes[1]!.updatedAt = '2026-07-20T10:00:00+08:00';
    });
    expect(words).toHaveLength(4);
    expect(words[0]).toMatch(/^议题2「停车位重新施划」的纪要：「.+」 → 「更正后的纪要」$/);
    expect(words[1]).toMatch(/^参会人员.+的签到情况：请假 → 出席$/);
    expect(words.slice(2)).toEqual([
      '表决「停车位重新施划方案」的同意票数：9票 → 8票',
      '逐户征求意见「1号楼旁分类投放点改造及位置调整」的同意户数：112户 → 110户',
    ]);
  });

  it('never shows a path or JSON, even for a change it has no words for', () => {
    const words = describeChanges(sampleRedBenchRecord(), [
      { path: 'decisions[gone].deadline', before: '2026-01-01', after: '2026-02-01' },
      { path: 'somethingNew.field', before: 1, after: 2 },
      { path: 'meeting.paperSignatureSheet', before: undefined, after: { imageDataUrl: 'data:', recordedAt: 'x' } },
    ]);
    expect(words).toEqual([
      '记录的其他内容有改动',
      '已删除的决定的完成时限：2026年1月1日 → 2026年2月1日',
      '纸质签到表：（空） → （已记录）',
    ]);
    for (const w of words) expect(w).not.toMatch(/[[\]{}]|decisions|meeting\./);
  });
});
