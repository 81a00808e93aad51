import { describe, expect, it } from 'vitest';
import { emptyTally, talliedGroups, tallyDecisions, type GroupTally } from './groups';
import {
  applyToTallyRows,
  isEmptyTallyRow,
  isSoundTallyRow,
  tallyFromRows,
  tallyKeyOf,
  type TallyRow,
} from './tallyRows';
import { followedDecision as decision } from '../fixtures/followedDecision';
import type { Decision } from '../domain/decision';

const property = { kind: 'text', name: '物业公司' } as const;
const li = { kind: 'person', personId: 'p-li', name: '李梅' } as const;
const decisions: Decision[] = [
  decision('a', { deadline: '2026-11-19', status: 'inProgress' }),
  decision('b', { deadline: '2026-11-20', responsible: property }),
  decision('c', { deadline: '2026-11-01', status: 'done', responsible: { kind: 'text', name: ' 物业公司 ' } }),
  decision('d', { deadline: '2026-10-01', meetingId: 'unsigned' }),
  decision('e', { deadline: '2026-11-02', responsible: li }),
  decision('f', { deadline: '2026-11-19', status: 'reported', responsible: li }),
  decision('g', { deadline: '2026-12-31', responsible: li }),
];

const both = (tally: GroupTally) => ({ person: talliedGroups(tally, 'person'), unit: talliedGroups(tally, 'unit') });

function stored(from: readonly Decision[]): Map<string, TallyRow> {
  const rows = new Map<string, TallyRow>();
  applyToTallyRows(rows, from, 1);
  return rows;
}

describe('the stored 按责任人 / 按责任单位 rows', () => {
  it('keep per person or unit (name trimmed) the done ones and the open ones by deadline', () => {
    const rows = stored(decisions);
    expect(rows.get(tallyKeyOf(property))).toEqual({
      key: 'unit:物业公司',
      grouping: 'unit',
      name: '物业公司',
      done: 1,
      open: { '2026-11-20': 1 },
    });
    expect(rows.get('person:李梅')!.open).toEqual({ '2026-11-02': 1, '2026-11-19': 1, '2026-12-31': 1 });
    expect(rows.get('person:王建国')!.open).toEqual({ '2026-11-19': 1, '2026-10-01': 1 });
  });

  it('count on any day exactly as counting every followed decision that day', () => {
    const unfollowed = decisions.filter((d) => d.meetingId === 'unsigned');
    const rows = [...stored(decisions).values()];
    for (const today of ['2026-09-30', '2026-11-19', '2026-11-20', '2026-11-21', '2027-01-01'] as const)
      expect(both(tallyFromRows(rows, unfollowed, today))).toEqual(
        both(tallyDecisions(emptyTally(), decisions, new Set(['unsigned']), today)),
      );
  });

  it('drop a person whose only decisions are of meetings not followed', () => {
    const only = [decision('x', { meetingId: 'unsigned', responsible: li })];
    const tally = tallyFromRows([...stored(only).values()], only, '2026-11-20');
    expect(both(tally)).toEqual({ person: [], unit: [] });
  });

  it('take a decision back out as it was put in, leaving no empty deadline or row', () => {
    const rows = stored(decisions);
    applyToTallyRows(rows, decisions.slice(1), -1);
    expect(rows.get('person:王建国')).toEqual({
      key: 'person:王建国',
      grouping: 'person',
      name: '王建国',
      done: 0,
      open: { '2026-11-19': 1 },
    });
    expect(isEmptyTallyRow(rows.get('person:李梅')!)).toBe(true);
    expect(isEmptyTallyRow(rows.get('person:王建国')!)).toBe(false);
  });

  it('are sound only with whole counts, none below zero, real deadlines, and the key of their name', () => {
    const row = stored(decisions).get('person:李梅')!;
    expect(isSoundTallyRow(row)).toBe(true);
    expect(isSoundTallyRow({ ...row, done: -1 })).toBe(false);
    expect(isSoundTallyRow({ ...row, done: 1.5 })).toBe(false);
    expect(isSoundTallyRow({ ...row, done: 2 ** 60 })).toBe(false);
    expect(isSoundTallyRow({ ...row, open: { '2026-11-02': 0 } })).toBe(false);
    expect(isSoundTallyRow({ ...row, open: { '2026-11-02': '3' as unknown as number } })).toBe(false);
    expect(isSoundTallyRow({ ...row, open: { 'not a day': 1 } })).toBe(false);
    expect(isSoundTallyRow({ ...row, open: { '2026-02-30': 1 } })).toBe(false);
    expect(isSoundTallyRow({ ...row, key: 'person:王建国' })).toBe(false);
    expect(isSoundTallyRow({ ...row, grouping: 'unit' })).toBe(false);
    expect(isSoundTallyRow({ ...row, open: null as unknown as Record<string, number> })).toBe(false);
  });
});
