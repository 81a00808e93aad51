import { describe, expect, it } from 'vitest';
import {
  addLists,
  emptyTally,
  talliedGroups,
  talliedLists,
  tallyDecisions,
  type GroupCount,
  type Grouping,
} from './groups';
import { followedDecision } from '../fixtures/followedDecision';

const TODAY = '2026-11-20';

const decision = followedDecision;

const property = { kind: 'text', name: '物业公司' } as const;
const decisions = [
  decision('a', { deadline: '2026-11-19', status: 'inProgress' }), // overdue
  decision('b', { deadline: '2026-11-20', responsible: property }), // due today: not overdue
  decision('c', { deadline: '2026-11-01', status: 'done', responsible: { kind: 'text', name: ' 物业公司 ' } }),
  decision('d', { deadline: '2026-10-01', meetingId: 'unsigned' }), // not followed
  decision('e', { deadline: '2026-11-02', responsible: { kind: 'person', personId: 'p-li', name: '李梅' } }),
];

describe('the grouped views’ tally', () => {
  it('counts followed decisions by person and by unit, the name trimmed, most overdue first', () => {
    const tally = tallyDecisions(emptyTally(), decisions, new Set(['unsigned']), TODAY);
    expect(talliedGroups(tally, 'person')).toEqual([
      { name: '李梅', total: 1, open: 1, overdue: 1, done: 0 },
      { name: '王建国', total: 1, open: 1, overdue: 1, done: 0 },
    ]);
    expect(talliedGroups(tally, 'unit')).toEqual([{ name: '物业公司', total: 2, open: 1, overdue: 0, done: 1 }]);
  });

  it('adds up tallies made apart (pages, a worker’s lists) as one tally of all', () => {
    const whole = tallyDecisions(emptyTally(), decisions, new Set(['unsigned']), TODAY);
    const merged = emptyTally();
    for (const part of [decisions.slice(0, 2), decisions.slice(2, 3), decisions.slice(3)])
      addLists(merged, talliedLists(tallyDecisions(emptyTally(), part, new Set(['unsigned']), TODAY)));
    for (const grouping of ['person', 'unit'] as const)
      expect(talliedGroups(merged, grouping)).toEqual(talliedGroups(whole, grouping));
  });

  it('never changes the lists it adds', () => {
    const lists: Record<Grouping, GroupCount[]> = {
      person: [{ name: '王建国', total: 1, open: 1, overdue: 0, done: 0 }],
      unit: [],
    };
    const tally = addLists(emptyTally(), lists);
    addLists(tally, lists);
    expect(lists.person[0]!.total).toBe(1);
    expect(talliedGroups(tally, 'person')).toEqual([{ name: '王建国', total: 2, open: 2, overdue: 0, done: 0 }]);
  });
});
