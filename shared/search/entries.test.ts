import { describe, expect, it } from 'vitest';
import { DAY_SPAN, dayKeyBase, searchEntryOf, searchTextOf } from './entries';
import { planQuery } from './terms';
import type { Decision } from '../domain/decision';

const decision = {
  id: 'd1',
  meetingId: 'm1',
  agendaItemId: 'a1',
  title: '清理楼道堆物',
  responsible: { kind: 'person', name: '张丽华' },
  standard: '楼道无堆物',
  deadline: '2026-11-20',
  supervisor: { kind: 'person', name: '李建国' },
  status: 'notStarted',
  createdAt: '2026-11-10T08:00:00+08:00',
} as unknown as Decision;

describe('search entries', () => {
  it('give a later day a lower key, a day its own stretch, and records without a day the last', () => {
    expect(dayKeyBase('2026-11-21')).toBe(dayKeyBase('2026-11-20') - DAY_SPAN);
    expect(dayKeyBase('2016-01-01')).toBeGreaterThan(dayKeyBase('2026-12-31'));
    expect(dayKeyBase('')).toBeGreaterThan(dayKeyBase('1900-01-01'));
    // Days before the epoch share its stretch, never one of the undated records'.
    expect(dayKeyBase('1899-12-31')).toBe(dayKeyBase('1900-01-01'));
    expect(Number.isSafeInteger(dayKeyBase('') + DAY_SPAN - 1)).toBe(true);
  });

  it('hold a decision’s deadline as people write it, so 11月20日 finds it and the snippet reads so', () => {
    const { text } = searchTextOf('decision', decision);
    expect(text).toContain('2026年11月20日');
    expect(text).not.toContain('2026-11-20');
    const entry = searchEntryOf('decision', decision, undefined);
    expect(planQuery('11月20日').terms.every((t) => entry.terms.includes(t))).toBe(true);
  });
});
