import { describe, expect, it } from 'vitest';
import { sampleRedBenchRecord } from '../fixtures/testRecord';
import { balancedLines } from './blocks';
import { textWidthChars } from './measure';
import { decisionNumbers, householdSentence, voteSentence } from './decisions';
import { documentFileName } from './fileName';
import { DOCUMENT_KINDS } from './kinds';
import { roleLabel } from './sheets';
import {
  addDays,
  chineseDate,
  defaultMinutesTitle,
  minutesTitle,
  chineseNumber,
  chineseTime,
  chineseWeekday,
  unitName,
} from './wording';

const vote = {
  id: 'v',
  meetingId: 'm',
  agendaItemId: 'i',
  subject: '方案',
  method: 'showOfHands' as const,
  threshold: 0.5,
};

describe('document wording', () => {
  it('names the compound as documents do', () => {
    const name = (...orgPath: string[]) => unitName({ orgPath, documentOrgName: '中共胜兴社区委员会' });
    expect(name('垦利区', '垦利街道', '胜兴社区', '帝纱富仕城')).toBe('帝纱富仕城小区');
    expect(name('胜兴社区', '新东方小区')).toBe('新东方小区');
    expect(name('垦利区', '垦利街道', '胜兴社区')).toBe('胜兴社区');
    expect(name('胜兴社区', '帝纱富仕城', '第一网格')).toBe('帝纱富仕城小区第一网格');
    expect(name()).toBe('中共胜兴社区委员会');
  });

  it('names files like a secretary would, safe on Windows', () => {
    const record = sampleRedBenchRecord();
    expect(documentFileName(record, 'minutes')).toBe('帝纱富仕城小区红板凳议事会纪要-2026年第7期.docx');
    expect(new Set(DOCUMENT_KINDS.map((k) => documentFileName(record, k))).size).toBe(DOCUMENT_KINDS.length);
    const odd = { ...record, orgPath: ['A/B:C*D?"E<F>G|H\u0001'] };
    expect(documentFileName(odd, 'notice')).toBe('ABCDEFGH小区红板凳议事会通知-2026年第7期.docx');
  });

  it('writes dates and times as written, whatever the machine zone', () => {
    expect(chineseDate('2026-11-10T07:30:00+08:00')).toBe('2026年11月10日');
    expect(chineseTime('2026-11-10T07:30:00+08:00')).toBe('7时30分');
    expect(chineseTime('2026-07-15T19:00:00+08:00')).toBe('19时');
    expect(chineseWeekday('2026-11-10T19:00:00+08:00')).toBe('星期二');
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
  });

  it('counts in Chinese', () => {
    expect([1, 10, 11, 20, 21, 99].map(chineseNumber)).toEqual(['一', '十', '十一', '二十', '二十一', '九十九']);
  });

  it('states a vote with the result voteResult computes', () => {
    expect(voteSentence({ ...vote, agree: 9, disagree: 1, abstain: 0, presentVoters: 10 })).toBe(
      '“方案”采取举手方式表决，应参加表决10人，同意9人，反对1人，弃权0人。表决结果：通过（同意票须达到6票）。',
    );
    expect(
      voteSentence({ ...vote, method: 'secretBallot', agree: 5, disagree: 5, abstain: 0, presentVoters: 10 }),
    ).toContain('无记名投票方式表决');
    expect(voteSentence({ ...vote, agree: 5, disagree: 5, abstain: 0, presentVoters: 10 })).toContain(
      '表决结果：未通过',
    );
    expect(voteSentence({ ...vote, agree: 9, disagree: 9, abstain: 0, presentVoters: 10 })).toContain('无法确定');
    expect(voteSentence({ ...vote, agree: 0, disagree: 0, abstain: 0, presentVoters: 0 })).toContain('无法确定');
  });

  it('states a household consultation with its share', () => {
    const h = {
      id: 'h',
      meetingId: 'm',
      agendaItemId: 'i',
      subject: '开北门',
      asked: 1800,
      agreed: 1760,
      disagreed: 0,
      notReached: 40,
    };
    expect(householdSentence(h)).toBe('“开北门”，征求1800户，同意1760户，占97.8%，未联系到40户。');
  });

  it('points an agenda item to its rows of the decisions table', () => {
    const { decisions } = sampleRedBenchRecord();
    expect(decisionNumbers(decisions, 'sample-item-parking')).toBe('第2项');
    expect(decisionNumbers(decisions, 'none')).toBe('');
  });

  it('titles the minutes as real 纪要 are titled, unless the secretary gave a title', () => {
    const record = sampleRedBenchRecord();
    expect(minutesTitle(record)).toBe('帝纱富仕城小区2026年第7期红板凳议事会会议纪要');
    const monthly = { ...record, meeting: { ...record.meeting, type: 'monthlyDay' as const, issueNo: 1 } };
    expect(minutesTitle(monthly)).toBe('帝纱富仕城小区2026年第1期党群议事日会议纪要');
    const general = { ...record, meeting: { ...record.meeting, type: 'general' as const } };
    expect(minutesTitle(general)).toBe('帝纱富仕城小区2026年第7期议事协商会议纪要');
    const own = { ...record, meeting: { ...record.meeting, minutesTitle: ' 关于北门开通的协商会议纪要 ' } };
    expect(minutesTitle(own)).toBe('关于北门开通的协商会议纪要');
    expect(minutesTitle({ ...record, meeting: { ...record.meeting, minutesTitle: '  ' } })).toBe(
      defaultMinutesTitle(record),
    );
  });

  it('wraps a long title into balanced lines at natural breaks', () => {
    expect(balancedLines('关于分类垃圾桶改造、停车位重新施划的会议纪要', 20)).toEqual([
      '关于分类垃圾桶改造、',
      '停车位重新施划的会议纪要',
    ]);
    expect(balancedLines('短标题', 20)).toEqual(['短标题']);
    const long = '关于'.padEnd(70, '长');
    const lines = balancedLines(long, 20);
    expect(lines.join('')).toBe(long);
    expect(lines.every((l) => textWidthChars(l) <= 20)).toBe(true);
  });

  it('prints role labels with Chinese quotation marks', () => {
    expect(roleLabel('twoCommittees')).toBe('“两委”成员');
    expect(roleLabel('resident')).toBe('居民代表');
  });
});
