import { describe, expect, it } from 'vitest';
import type { CalendarDate } from '../dates';
import {
  applyEvaluation,
  evaluationSchema,
  evaluationStage,
  lastRoundReported,
  type Evaluation,
  type EvaluationAction,
  type EvaluationContext,
} from './evaluation';
import type { PublicNotice } from './notice';

const d = (s: string) => s as CalendarDate;
const notice: PublicNotice = {
  id: 'n1',
  kind: 'result',
  meetingId: 'm1',
  decisionId: 'd1',
  places: ['board'],
  startDate: d('2026-07-01'),
  days: 7,
  endDate: d('2026-07-07'),
  postedBy: '李书记',
  recordedAt: '2026-07-01T01:00:00.000Z',
  objections: [],
};
const empty: Evaluation = {
  id: 'e1',
  decisionId: 'd1',
  meetingId: 'm1',
  rounds: [],
  rectifications: [],
  reports: [],
  updatedAt: '2026-07-01T00:00:00.000Z',
};
const ctx: EvaluationContext = {
  decisionDone: true,
  resultNotice: notice,
  today: d('2026-07-10'),
  now: new Date('2026-07-10T02:00:00Z'),
};

const rateAct = (satisfied: number, basic: number, unsatisfied: number, on = '2026-07-08'): EvaluationAction => ({
  kind: 'rate',
  input: { on, by: '李书记', counts: { satisfied, basic, unsatisfied }, thresholdPercent: 80 },
});
const rectifyAct: EvaluationAction = {
  kind: 'rectify',
  input: {
    task: '重新划线并加装标识',
    responsible: '物业张经理',
    deadline: d('2026-07-30'),
    openedOn: d('2026-07-09'),
    openedBy: '李书记',
  },
};

function run(actions: EvaluationAction[], c: EvaluationContext = ctx): Evaluation {
  let e = empty;
  for (const a of actions) {
    const r = applyEvaluation(e, a, c);
    if (!r.ok) throw new Error(r.message);
    e = r.evaluation;
  }
  return e;
}

function refusal(e: Evaluation, a: EvaluationAction, c: EvaluationContext = ctx): string {
  const r = applyEvaluation(e, a, c);
  return r.ok ? 'accepted' : r.message;
}

describe('评议 and 整改', () => {
  it('needs a confirmed decision and a 结果公示 that has begun (no skipping 公示)', () => {
    expect(refusal(empty, rateAct(9, 1, 0), { ...ctx, decisionDone: false })).toContain('监督人确认完成');
    expect(refusal(empty, rateAct(9, 1, 0), { ...ctx, resultNotice: null })).toBe('结果公示开始后才能组织评议');
    expect(evaluationStage(null, notice, d('2026-06-30'))).toBe('awaitingNotice');
    expect(refusal(empty, rateAct(9, 1, 0, '2026-06-30'))).toContain('不能早于结果公示开始日期');
  });
  it('waits for every objection to be answered', () => {
    const objected = {
      ...notice,
      objections: [{ id: 'o', by: '王大爷', text: '没修好', receivedOn: d('2026-07-02') }],
    };
    expect(refusal(empty, rateAct(9, 1, 0), { ...ctx, resultNotice: objected })).toContain('异议未答复');
  });
  it('passes at exactly 80 % and is then closed to further rounds', () => {
    const e = run([rateAct(4, 0, 1)]);
    expect(e.rounds[0]).toMatchObject({ passed: true, kind: 'first', thresholdPercent: 80 });
    expect(evaluationStage(e, notice, ctx.today)).toBe('passed');
    expect(refusal(e, rateAct(5, 0, 0))).toContain('已经通过');
    expect(refusal(e, rectifyAct)).toContain('未达标时');
  });
  it('below the threshold: 整改 with a new deadline, then 再次验收, which may fail again and pass later', () => {
    const failed = run([rateAct(3, 2, 5)]);
    expect(evaluationStage(failed, notice, ctx.today)).toBe('needsRectification');
    expect(refusal(failed, rateAct(10, 0, 0))).toContain('请先安排整改');
    expect(refusal(failed, { ...rectifyAct, input: { ...rectifyAct.input, deadline: d('2026-07-09') } })).toContain(
      '应晚于',
    );
    const rectifying = run([rateAct(3, 2, 5), rectifyAct]);
    expect(evaluationStage(rectifying, notice, ctx.today)).toBe('rectifying');
    expect(refusal(rectifying, rateAct(10, 0, 0, '2026-07-08'))).toContain('不能早于整改开始日期');
    const again = run([rateAct(3, 2, 5), rectifyAct, rateAct(5, 2, 3, '2026-07-10')]);
    expect(again.rounds[1]).toMatchObject({ kind: 'reinspection', passed: false });
    expect(evaluationStage(again, notice, ctx.today)).toBe('needsRectification');
    const passed = run([
      rateAct(3, 2, 5),
      rectifyAct,
      rateAct(5, 2, 3, '2026-07-10'),
      { ...rectifyAct, input: { ...rectifyAct.input, openedOn: d('2026-07-10') } },
      rateAct(9, 1, 0, '2026-07-10'),
    ]);
    expect(passed.rounds.map((r) => [r.kind, r.passed])).toEqual([
      ['first', false],
      ['reinspection', false],
      ['reinspection', true],
    ]);
    expect(passed.rectifications.map((r) => r.afterRound)).toEqual([1, 2]);
    expect(evaluationSchema.safeParse(passed).success).toBe(true);
  });
  it('refuses a round with no ratings or duplicate names', () => {
    expect(refusal(empty, rateAct(0, 0, 0))).toBe('没有评议票，不能计算满意度');
    const dup: EvaluationAction = {
      kind: 'rate',
      input: {
        on: '2026-07-08',
        by: '李书记',
        thresholdPercent: 80,
        raters: [
          { name: '王', rating: 'satisfied' },
          { name: '王', rating: 'basic' },
        ],
      },
    };
    expect(refusal(empty, dup)).toContain('姓名重复');
  });
  it('goes back only with a reason, keeping the withdrawn round, and never past a 整改 or a report', () => {
    const e = run([rateAct(3, 2, 5)]);
    expect(refusal(e, { kind: 'withdraw', reason: ' ', by: '李书记' })).toBe('撤回评议必须写明原因');
    const back = run([rateAct(3, 2, 5), { kind: 'withdraw', reason: '票数统计有误', by: '李书记' }]);
    expect(back.rounds[0]?.withdrawn?.reason).toBe('票数统计有误');
    expect(evaluationStage(back, notice, ctx.today)).toBe('toRate');
    const next = run([rateAct(3, 2, 5), { kind: 'withdraw', reason: '票数统计有误', by: '李书记' }, rateAct(8, 1, 1)]);
    expect(next.rounds.map((r) => r.no)).toEqual([1, 2]);
    expect(refusal(run([rateAct(3, 2, 5), rectifyAct]), { kind: 'withdraw', reason: '错了', by: '李' })).toContain(
      '安排了整改',
    );
    const reported = run([rateAct(9, 1, 0), { kind: 'report', on: '2026-07-09', by: '李书记' }]);
    expect(refusal(reported, { kind: 'withdraw', reason: '错了', by: '李' })).toContain('已经报社区党委');
  });
  it('records the report to the 社区党委 once per round, not before the round', () => {
    expect(refusal(empty, { kind: 'report', on: '2026-07-09', by: '李书记' })).toBe('评议之后才能报社区党委');
    const e = run([rateAct(9, 1, 0), { kind: 'report', on: '2026-07-09', by: '李书记' }]);
    expect(lastRoundReported(e)).toBe(true);
    expect(refusal(e, { kind: 'report', on: '2026-07-09', by: '李书记' })).toContain('已经报过');
    expect(refusal(run([rateAct(9, 1, 0)]), { kind: 'report', on: '2026-07-07', by: '李书记' })).toContain(
      '不能早于评议日期',
    );
  });
});
