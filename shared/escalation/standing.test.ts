import { describe, expect, it } from 'vitest';
import { LADDER_STEPS, type LadderEntry, type LadderStep } from './ladder';
import { ladderStanding, ladderStandingZh } from './standing';

function entry(step: LadderStep, mode: LadderEntry['mode'] = 'done'): LadderEntry {
  return {
    step,
    mode,
    date: '2026-11-10',
    participants: [],
    outcome: '通过',
    ...(mode === 'skipped' && { reason: '社区已解决' }),
    recordedAt: '2026-11-10T02:00:00.000Z',
    recordedBy: '李书记',
  };
}
const upTo = (n: number) => LADDER_STEPS.slice(0, n).map((s) => entry(s));
const zh = (
  steps: LadderEntry[] | undefined,
  tasks: { status: 'notStarted' | 'inProgress' | 'reported' | 'done' }[] = [],
) => ladderStandingZh(ladderStanding(steps, tasks));

describe('where a 上报件 stands on the ladder', () => {
  it('names the step it waits for, from 提议 to 吹哨报到', () => {
    expect(zh(undefined)).toBe('上报中·提议');
    expect(zh([])).toBe('上报中·提议');
    expect(zh(upTo(3))).toBe('上报中·审议');
    expect(zh(upTo(8))).toBe('上报中·街道专题联席会议');
    expect(zh(upTo(9))).toBe('上报中·吹哨报到');
  });

  it('counts the departments’ tasks once the whistle is blown: only confirmed ones are done', () => {
    const all = upTo(10);
    expect(zh(all)).toBe('吹哨报到·待派任务');
    expect(zh(all, [{ status: 'done' }, { status: 'reported' }])).toBe('吹哨报到 1/2');
    expect(zh(all, [{ status: 'done' }, { status: 'done' }])).toBe('待评议');
  });

  it('is 待评议 when the ladder ended without a 吹哨报到 (skipped with a reason)', () => {
    const steps = [...upTo(8), entry('streetJoint', 'skipped'), entry('summons', 'skipped')];
    expect(ladderStanding(steps, [])).toEqual({ kind: 'awaitingEvaluation' });
    // A skipped 吹哨报到 has no tasks to wait for, even if stray ones were stored.
    expect(zh(steps, [{ status: 'inProgress' }])).toBe('待评议');
  });
});
