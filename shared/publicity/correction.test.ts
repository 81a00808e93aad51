import { describe, expect, it } from 'vitest';
import { publicNoticeSchema, type PublicNotice } from './notice';
import { correctNotice, correctionProblem, type CorrectionInput } from './correction';

const notice: PublicNotice = {
  id: 'n1',
  kind: 'result',
  meetingId: 'm1',
  decisionId: 'd1',
  places: ['board'],
  startDate: '2026-12-01',
  days: 7,
  endDate: '2026-12-07',
  postedBy: '李书记',
  recordedAt: '2026-12-01T02:00:00.000Z',
  objections: [],
};
const input: CorrectionInput = {
  places: ['board', 'wechat'],
  startDate: '2026-12-01',
  days: 10,
  by: '王秘书',
  why: '漏登了微信群，公示期按会议决定为10天',
};
const now = new Date('2026-12-03T02:00:00Z');

describe('更正公示', () => {
  it('corrects places and period of a running notice and keeps what it was, who, when and why', () => {
    const corrected = correctNotice(notice, input, '2026-12-03', now);
    if ('code' in corrected) throw new Error(corrected.message);
    expect(corrected).toMatchObject({ places: ['board', 'wechat'], days: 10, endDate: '2026-12-10' });
    expect(corrected.corrections).toEqual([
      {
        at: now.toISOString(),
        by: '王秘书',
        why: input.why,
        before: { places: ['board'], startDate: '2026-12-01', days: 7, endDate: '2026-12-07' },
      },
    ]);
    expect(publicNoticeSchema.safeParse(corrected).success).toBe(true);
    // A second correction adds to the record, never replaces it.
    const again = correctNotice(corrected, { ...input, days: 8, why: '天数录错' }, '2026-12-04', now);
    if ('code' in again) throw new Error(again.message);
    expect(again.corrections?.map((c) => c.before.days)).toEqual([7, 10]);
  });

  it('refuses an ended notice, a moved start once begun, an end before today, no change, no reason', () => {
    expect(correctionProblem(notice, input, '2026-12-08')?.message).toBe('公示已经结束，不能再更正');
    expect(correctionProblem(notice, { ...input, startDate: '2026-12-02' }, '2026-12-03')?.message).toBe(
      '公示已于2026-12-01开始，开始日期不能更改',
    );
    expect(correctionProblem(notice, { ...input, days: 1 }, '2026-12-03')?.message).toBe(
      '更正后的结束日期不能早于今天',
    );
    expect(correctionProblem(notice, { ...input, places: ['board'], days: 7 }, '2026-12-03')?.message).toBe(
      '没有需要更正的内容',
    );
    expect(correctionProblem(notice, { ...input, why: ' ' }, '2026-12-03')?.message).toBe('请写明更正原因');
    expect(correctionProblem(notice, { ...input, places: [] }, '2026-12-03')?.message).toMatch(/至少选择一种公示方式/);
    expect(correctionProblem(notice, { ...input, days: 0 }, '2026-12-03')?.message).toBe('公示天数应为1至90天');
  });

  it('lets a notice not yet begun move its start, but not into the past', () => {
    expect(correctionProblem(notice, { ...input, startDate: '2026-11-30' }, '2026-11-29')).toBeNull();
    expect(correctionProblem(notice, { ...input, startDate: '2026-11-28' }, '2026-11-29')?.message).toBe(
      '更正后的开始日期不能早于今天',
    );
  });
});
