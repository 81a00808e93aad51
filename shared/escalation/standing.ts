import type { FollowupState } from '../followup/state';
import { LADDER_STEP_LABELS, nextLadderStep, summonsEntry, type LadderEntry, type LadderStep } from './ladder';

/**
 * Where a 上报件 stands on the ladder, for the register and the matter page: the stage alone says
 * only 已上报, whatever the 社区党委, the 街道 or the departments have done since. One rule:
 * - ladder not begun, or a step still to take → 上报中·<that step> (e.g. 上报中·审议);
 * - 吹哨报到 done → the departments' tasks: 吹哨报到 d/n (only confirmed tasks count as done),
 *   or 待派任务 while no department has a task;
 * - every step taken or skipped with a reason, and every task confirmed → 待评议 (群众评事).
 */
export type LadderStanding =
  | { kind: 'atStep'; step: LadderStep }
  | { kind: 'summonsTasks'; done: number; total: number }
  | { kind: 'awaitingEvaluation' };

export function ladderStanding(
  steps: readonly LadderEntry[] | undefined,
  tasks: readonly { status: FollowupState }[],
): LadderStanding {
  const taken = steps ?? [];
  const next = nextLadderStep(taken);
  if (next) return { kind: 'atStep', step: next };
  if (summonsEntry(taken)) {
    const done = tasks.filter((t) => t.status === 'done').length;
    if (tasks.length === 0 || done < tasks.length) return { kind: 'summonsTasks', done, total: tasks.length };
  }
  return { kind: 'awaitingEvaluation' };
}

/** The standing in Chinese (the words the register shows in the default locale). */
export function ladderStandingZh(s: LadderStanding): string {
  switch (s.kind) {
    case 'atStep':
      return `上报中·${LADDER_STEP_LABELS[s.step]}`;
    case 'summonsTasks':
      return s.total === 0 ? '吹哨报到·待派任务' : `吹哨报到 ${s.done}/${s.total}`;
    case 'awaitingEvaluation':
      return '待评议';
  }
}
