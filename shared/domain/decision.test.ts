import { describe, expect, it } from 'vitest';
import { decisionProblems, decisionSchema } from './decision';
import { voteResult, householdConsultationSchema } from './vote';

const complete = {
  title: '更换分类垃圾桶',
  responsible: { kind: 'text' as const, name: '物业公司' },
  standard: '每栋楼前设四分类垃圾桶一组',
  deadline: '2026-12-10',
  supervisor: { kind: 'person' as const, personId: 'p1', name: '张丽华' },
};

describe('decisions state the four things', () => {
  it('accepts a complete decision', () => expect(decisionProblems(complete, '2026-11-10')).toEqual([]));
  it('accepts a deadline on the meeting day itself', () =>
    expect(decisionProblems({ ...complete, deadline: '2026-11-10' }, '2026-11-10')).toEqual([]));
  it('names each missing field', () => {
    expect(decisionProblems({}, '2026-11-10')).toEqual([
      'titleMissing',
      'responsibleMissing',
      'standardMissing',
      'deadlineMissing',
      'supervisorMissing',
    ]);
  });
  it('refuses a deadline before the meeting or not a date', () => {
    expect(decisionProblems({ ...complete, deadline: '2026-11-09' }, '2026-11-10')).toEqual(['deadlineBeforeMeeting']);
    expect(decisionProblems({ ...complete, deadline: '2026-13-40' }, '2026-11-10')).toEqual(['deadlineInvalid']);
    // Date.parse accepted these (it rolls 31 February into March); they are not dates.
    for (const deadline of ['2026-02-31', '2026-02-29', '2026-99-99', '0000-01-01', '2026-1-5'])
      expect(decisionProblems({ ...complete, deadline }, '2026-01-01'), deadline).toEqual(['deadlineInvalid']);
  });
  it('stores only real calendar dates as deadlines', () => {
    const row = { ...complete, id: 'd', meetingId: 'm', agendaItemId: 'i', status: 'notStarted', createdAt: 'x' };
    expect(decisionSchema.safeParse(row).success).toBe(true);
    expect(decisionSchema.safeParse({ ...row, deadline: '2026-02-31' }).success).toBe(false);
  });
  it('refuses the responsible person supervising themselves', () => {
    const same = { kind: 'person' as const, personId: 'p1', name: '张丽华' };
    expect(decisionProblems({ ...complete, responsible: same }, '2026-11-10')).toEqual(['supervisorIsResponsible']);
  });
});

describe('votes', () => {
  it('passes with more than half of those present', () => {
    expect(voteResult({ agree: 6, disagree: 3, abstain: 1, presentVoters: 11, threshold: 0.5 })).toEqual({
      ok: true,
      passed: true,
      needed: 6,
    });
    expect(voteResult({ agree: 5, disagree: 0, abstain: 0, presentVoters: 10, threshold: 0.5 })).toEqual({
      ok: true,
      passed: false,
      needed: 6,
    });
  });
  it('supports a two-thirds rule', () => {
    expect(voteResult({ agree: 6, disagree: 3, abstain: 0, presentVoters: 9, threshold: 2 / 3 })).toEqual({
      ok: true,
      passed: false,
      needed: 7,
    });
  });
  it('refuses more votes than voters, or no voters', () => {
    expect(voteResult({ agree: 8, disagree: 3, abstain: 0, presentVoters: 10, threshold: 0.5 })).toEqual({
      ok: false,
      problem: 'tooManyVotes',
    });
    expect(voteResult({ agree: 0, disagree: 0, abstain: 0, presentVoters: 0, threshold: 0.5 })).toEqual({
      ok: false,
      problem: 'noVoters',
    });
  });
  it('checks household consultation totals (新东方小区: 1,800 asked, 1,760 agreed)', () => {
    const base = { id: 'h', meetingId: 'm', agendaItemId: 'a', subject: '开北门', asked: 1800 };
    expect(
      householdConsultationSchema.safeParse({ ...base, agreed: 1760, disagreed: 25, notReached: 15 }).success,
    ).toBe(true);
    expect(
      householdConsultationSchema.safeParse({ ...base, agreed: 1760, disagreed: 50, notReached: 15 }).success,
    ).toBe(false);
  });
});
