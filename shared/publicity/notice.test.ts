import { describe, expect, it } from 'vitest';
import type { CalendarDate } from '../dates';
import {
  answerProblem,
  noticeEnd,
  noticeState,
  objectionProblem,
  postProblem,
  publicNoticeSchema,
  type PublicNotice,
} from './notice';

const d = (s: string) => s as CalendarDate;

function notice(over: Partial<PublicNotice> = {}): PublicNotice {
  return {
    id: 'n1',
    kind: 'result',
    meetingId: 'm1',
    decisionId: 'd1',
    places: ['board', 'wechat'],
    startDate: d('2026-07-01'),
    days: 7,
    endDate: d('2026-07-07'),
    postedBy: '李书记',
    recordedAt: '2026-07-01T01:00:00.000Z',
    objections: [],
    ...over,
  };
}

describe('公示 records', () => {
  it('ends on the last day of its period, across month and year ends', () => {
    expect(noticeEnd(d('2026-07-01'), 7)).toBe('2026-07-07');
    expect(noticeEnd(d('2026-12-28'), 7)).toBe('2027-01-03');
    expect(noticeEnd(d('2028-02-27'), 3)).toBe('2028-02-29');
  });
  it('is 待公示 before, 公示中 on its first and last day, 已结束 after', () => {
    const n = notice();
    expect(noticeState(n, d('2026-06-30'))).toBe('scheduled');
    expect(noticeState(n, d('2026-07-01'))).toBe('running');
    expect(noticeState(n, d('2026-07-07'))).toBe('running');
    expect(noticeState(n, d('2026-07-08'))).toBe('ended');
  });
  it('is 有异议未答复 while any objection waits, whatever the date', () => {
    const o = { id: 'o1', by: '王大爷', text: '车位划线不清', receivedOn: d('2026-07-02') };
    expect(noticeState(notice({ objections: [o] }), d('2026-09-01'))).toBe('objectionOpen');
    const answered = { ...o, answer: { text: '已重新划线', on: d('2026-07-03'), by: '物业' } };
    expect(noticeState(notice({ objections: [answered] }), d('2026-09-01'))).toBe('ended');
  });
  it('refuses a stored row whose end date disagrees with its period, or a result without its decision', () => {
    expect(publicNoticeSchema.safeParse(notice()).success).toBe(true);
    expect(publicNoticeSchema.safeParse(notice({ endDate: d('2026-07-08') })).success).toBe(false);
    const { decisionId: _omit, ...noDecision } = notice();
    expect(publicNoticeSchema.safeParse(noDecision).success).toBe(false);
    expect(publicNoticeSchema.safeParse(notice({ places: ['board', 'board'] })).success).toBe(false);
  });
  it('refuses a post without a place, a bad period or a start before the result exists', () => {
    const ok = { places: ['board'] as const, startDate: '2026-07-01', days: 7, postedBy: '李书记' };
    expect(postProblem({ ...ok }, d('2026-07-01'), 'confirmedDay')).toBeNull();
    expect(postProblem({ ...ok, places: [] }, d('2026-07-01'), 'meetingDay')?.message).toContain('公示方式');
    expect(postProblem({ ...ok, days: 0 }, d('2026-07-01'), 'meetingDay')?.message).toContain('公示天数');
    expect(postProblem({ ...ok, days: 91 }, d('2026-07-01'), 'meetingDay')?.message).toContain('公示天数');
    expect(postProblem({ ...ok, startDate: '2026-02-30' }, d('2026-01-01'), 'meetingDay')?.message).toContain(
      '有效日期',
    );
    expect(postProblem({ ...ok }, d('2026-07-02'), 'confirmedDay')?.message).toBe(
      '公示开始日期不能早于监督人确认完成的日期（2026-07-02）',
    );
    expect(postProblem({ ...ok, postedBy: ' ' }, d('2026-07-01'), 'meetingDay')?.message).toBe('请填写公示人');
  });
  it('takes objections from the first day on, never in the future, and answers each once', () => {
    const n = notice();
    const o = { by: '王大爷', text: '车位划线不清', receivedOn: '2026-07-02' };
    expect(objectionProblem(n, o, d('2026-07-05'))).toBeNull();
    expect(objectionProblem(n, { ...o, receivedOn: '2026-06-30' }, d('2026-07-05'))?.message).toContain('不能早于');
    expect(objectionProblem(n, { ...o, receivedOn: '2026-07-06' }, d('2026-07-05'))?.message).toContain('不能晚于今天');
    expect(objectionProblem(n, { ...o, text: '' }, d('2026-07-05'))?.message).toBe('请填写异议内容');
    const stored = { id: 'o1', ...o, receivedOn: d('2026-07-02') };
    const a = { by: '物业张经理', text: '已重新划线', on: '2026-07-03' };
    expect(answerProblem(stored, a, d('2026-07-05'))).toBeNull();
    expect(answerProblem(stored, { ...a, on: '2026-07-01' }, d('2026-07-05'))?.message).toContain('不能早于');
    expect(answerProblem({ ...stored, answer: { ...a, on: d('2026-07-03') } }, a, d('2026-07-05'))?.message).toContain(
      '不能修改',
    );
    expect(answerProblem(undefined, a, d('2026-07-05'))?.message).toBe('找不到这条异议');
  });
});

describe('a crafted 公示 row (a damaged backup, a hostile file)', () => {
  const row = {
    id: 'n1',
    kind: 'result',
    meetingId: 'm1',
    decisionId: 'd1',
    places: ['board'],
    startDate: '2026-11-20',
    days: 7,
    endDate: '2026-11-26',
    postedBy: '李书记',
    recordedAt: '2026-11-20T01:00:00.000Z',
    objections: [],
  };
  it('is refused with a message, never an exception, whatever its fields hold', () => {
    expect(publicNoticeSchema.safeParse(row).success).toBe(true);
    for (const bad of [
      { startDate: '' },
      { startDate: '9999-12-30' },
      { days: 1e9 },
      { days: 'seven' },
      { places: 5 },
      { places: null },
      { endDate: '2026-11-27' },
    ]) {
      const parsed = publicNoticeSchema.safeParse({ ...row, ...bad });
      expect(parsed.success, JSON.stringify(bad)).toBe(false);
    }
  });
});
